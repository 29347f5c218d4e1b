#!/usr/bin/env bash
# concurrent-scans.sh KBOUND TREE OUT: two `kbound scan --no-cocci TREE` at
# once, without -o (each gets its own output folder); prints each run's exit
# status and its report's path and totals, sorted.
set -uo pipefail
kbound=$1 tree=$2 out=$3
"$kbound" scan --no-cocci "$tree" >"$out/a.txt" 2>"$out/a.err" &
a=$!
"$kbound" scan --no-cocci "$tree" >"$out/b.txt" 2>"$out/b.err" &
b=$!
wait $a; ra=$?
wait $b; rb=$?
for r in "a $ra" "b $rb"; do
	set -- $r
	printf 'run exit %s %s %s\n' "$2" "$(grep -E '^total ' "$out/$1.txt" | tr -s ' ')" \
		"$(sed -n 's/^text: *//p' "$out/$1.txt")"
done | sort
