#!/usr/bin/env bash
# Runs the kbound checkers over every fixture driver and compares what they
# report with what the fixture's name says it contains:
#   bug_<id>_*  -> exactly the ID <id> (uppercase), nothing else
#   anything else (correct_*, the seed ports) -> no kbound warning at all
# IDs or fixture names listed in SKIP (what the checker leaves to the
# Coccinelle rules) expect no warning from the checker. A fixture of several
# files is analyzed with the facts database of its files
# (docs/facts-db.md), as bin/kbound scan does.
# usage: fixture-agreement.sh CLANG PLUGIN FIXTURES_DIR [SKIP_IDS...]
set -u
clang=$1 plugin=$2 fixtures=$3
shift 3
skip=" $* "
status=0
factsdb=$(dirname "$0")/../../../bin/kbound-facts-db.py
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
for entry in "$fixtures"/drivers/*; do
	name=$(basename "$entry" .c)
	if [ -d "$entry" ]; then
		srcs=("$entry"/*.c)
	else
		case "$entry" in *.c) srcs=("$entry") ;; *) continue ;; esac
	fi
	expected=""
	case "$name" in
	bug_*) expected=$(echo "$name" | cut -d_ -f2 | tr a-z A-Z) ;;
	esac
	case "$skip" in *" $expected "* | *" $name "*) expected="" ;; esac
	got="" db=()
	if [ ${#srcs[@]} -gt 1 ]; then
		rm -rf "$work/units" && mkdir -p "$work/units"
		for src in "${srcs[@]}"; do
			mod=$(basename "$src" .c)
			"$clang" -fsyntax-only -Xclang -load -Xclang "$plugin" \
				-Xclang -plugin -Xclang kbound-facts \
				-Xclang -plugin-arg-kbound-facts -Xclang "$work/units/$mod.tsv" \
				-std=gnu11 -I "$fixtures/include" \
				-DKBUILD_MODNAME="\"$mod\"" "$src" || status=1
		done
		python3 "$factsdb" "$work/facts.db" "$work/units" 2>/dev/null || status=1
		db=(-Xclang -analyzer-config -Xclang "kbound:FactsDatabase=$work/facts.db")
	fi
	for src in "${srcs[@]}"; do
		mod=$(basename "$src" .c)
		ids=$("$clang" --analyze -Xclang -load -Xclang "$plugin" \
			-Xclang -analyzer-checker=kbound -std=gnu11 "${db[@]}" \
			-I "$fixtures/include" -DKBUILD_MODNAME="\"$mod\"" \
			-o /dev/null "$src" 2>&1 |
			grep -oE 'warning: \[[A-Z]{2}[0-9]\]' | grep -oE '[A-Z]{2}[0-9]')
		got="$got $ids"
	done
	got=$(echo $got | tr ' ' '\n' | sort -u | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" = "$expected" ]; then
		echo "ok   $name: ${expected:-clean}"
	else
		echo "FAIL $name: expected '${expected:-clean}', got '${got:-clean}'"
		status=1
	fi
done
exit $status
