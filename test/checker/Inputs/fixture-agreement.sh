#!/usr/bin/env bash
# Runs the kbound checkers over every fixture driver and compares what they
# report with what the fixture's name says it contains:
#   bug_<id>_*  -> exactly the ID <id> (uppercase), nothing else
#   anything else (correct_*, the seed ports) -> no kbound warning at all
# IDs listed in SKIP (e.g. TM2, a cross-file check the checker leaves to the
# Coccinelle rule) expect no warning from the checker.
# usage: fixture-agreement.sh CLANG PLUGIN FIXTURES_DIR [SKIP_IDS...]
set -u
clang=$1 plugin=$2 fixtures=$3
shift 3
skip=" $* "
status=0
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
	case "$skip" in *" $expected "*) expected="" ;; esac
	got=""
	for src in "${srcs[@]}"; do
		mod=$(basename "$src" .c)
		ids=$("$clang" --analyze -Xclang -load -Xclang "$plugin" \
			-Xclang -analyzer-checker=kbound -std=gnu11 \
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
