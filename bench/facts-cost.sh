#!/usr/bin/env bash
# What the cross-file facts database (docs/facts-db.md) costs on a kernel
# tree, measured against its own baseline in the same invocation:
#   1. a scan with a new, empty facts folder (every unit extracted),
#   2. the same scan again (nothing extracted: every unit reused),
#   3. again after one selected unit's key is dropped (as if that file or
#      its command changed; the tree itself is not touched),
#   4. the same scan with --no-facts (the baseline).
# Prints the extraction and analysis seconds of each, the database's size,
# and the ratios: the facts pass over a scan without it, the analysis with
# the database over the analysis without.
#
# usage: bench/facts-cost.sh [-j N] TREE PATH
#   TREE  a configured kernel tree; PATH  the M= path to scan (every .c,
#   --all). Checker only (--no-cocci): the rules do not read the database.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
jobs=$(nproc)
[ "${1:-}" = -j ] && { jobs=${2:?-j needs a number}; shift 2; }
[ $# -eq 2 ] || { sed -n '2,16p' "$0" >&2; exit 2; }
tree=$1 path=$2
work=$(mktemp -d /tmp/kbound-facts-cost.XXXXXX) || exit 2
trap 'rm -rf "$work"' EXIT
export KBOUND_FACTS_HOME=$work/facts

scan() {	# scan NAME [OPTION...]: one scan, its stderr kept
	local name=$1
	shift
	"$root/bin/kbound" scan -j "$jobs" --no-cocci --all "$@" -o "$work/$name" \
		"$tree" "M=$path" >"$work/$name.out" 2>"$work/$name.err"
	[ $? -le 1 ] || { echo "facts-cost: the $name scan failed:" >&2; tail -n 5 "$work/$name.err" >&2; exit 2; }
}
field() {	# field NAME REGEX: the first match's first group in NAME's stderr
	sed -nE "s/$2/\1/p" "$work/$1.err" | head -n 1
}

scan cold
scan warm
unit=$(ls "$KBOUND_FACTS_HOME"/*/units/*.tsv | head -n 1)
rm -f "$unit.key"
scan one
scan nofacts --no-facts

db=$(ls "$KBOUND_FACTS_HOME"/*/facts.sqlite)
printf '%-28s %10s %10s %10s %10s\n' "" cold warm one-changed no-facts
ext() { field "$1" '^kbound: facts: ([0-9]+) unit\(s\) extracted.*'; }
reu() { field "$1" '^kbound: facts: [0-9]+ unit\(s\) extracted, ([0-9]+) reused.*'; }
printf '%-28s %10s %10s %10s %10s\n' "units extracted" "$(ext cold)" "$(ext warm)" "$(ext one)" -
printf '%-28s %10s %10s %10s %10s\n' "units reused" "$(reu cold)" "$(reu warm)" "$(reu one)" -
printf '%-28s' "facts pass (s)"
for n in cold warm one; do printf ' %10s' "$(field $n '^kbound: facts: .* in ([0-9]+) s; database.*')"; done
printf ' %10s\n' 0
printf '%-28s' "analysis (s)"
for n in cold warm one nofacts; do printf ' %10s' "$(field $n '^kbound: analyzed [0-9]+ of [0-9]+ object\(s\) in ([0-9]+) s.*')"; done
printf '\n%-28s' "whole scan (s)"
for n in cold warm one nofacts; do printf ' %10s' "$(field $n '^kbound: scan took ([0-9]+) s')"; done
printf '\n%-28s' "checker findings"
for n in cold warm one nofacts; do printf ' %10s' "$(sed -nE 's/^total +([0-9]+) .*/\1/p' "$work/$n.out")"; done
echo
echo "database: $(du -k "$db" | cut -f1) KiB, $(ls "$KBOUND_FACTS_HOME"/*/units/*.tsv | wc -l) units ($(cat "$KBOUND_FACTS_HOME"/*/units/*.tsv | wc -c) bytes)"
echo "summaries: $(python3 "$root/bin/kbound-facts-db.py" --show "$db" | grep -c '^summary')"
whole() { field "$1" '^kbound: scan took ([0-9]+) s'; }
ana() { field "$1" '^kbound: analyzed [0-9]+ of [0-9]+ object\(s\) in ([0-9]+) s.*'; }
ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print('%.2f' % (a / b) if b else 'n/a')" "$1" "$2"; }
echo "ratio whole scan, cold facts / no facts:     $(ratio "$(whole cold)" "$(whole nofacts)")"
echo "ratio whole scan, warm facts / no facts:     $(ratio "$(whole warm)" "$(whole nofacts)")"
echo "ratio whole scan, one changed / no facts:    $(ratio "$(whole one)" "$(whole nofacts)")"
echo "ratio analysis with database / without:      $(ratio "$(ana warm)" "$(ana nofacts)")"
