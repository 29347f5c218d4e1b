#!/usr/bin/env bash
# What a maintainer pays for `bin/kbound scan` over building the same objects:
#   bench/scan-vs-make.sh TREE [M=PATH]
# Runs, in this one invocation: `bin/kbound scan TREE M=PATH` (scan-build with
# the plugin + every rule), then a plain `make LLVM=-19 <objects>` of exactly
# the objects the scan selected (its files.txt), from deleted objects.
# Prints wall and CPU (user+sys, children included) of each and the ratios.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
tree=$(cd "${1:?usage: bench/scan-vs-make.sh TREE [M=PATH]}" && pwd)
mpath=${2:-M=drivers}
path=${mpath#M=}
out=$(mktemp -d /tmp/kbound-bench-scan.XXXXXX)

# measure NAME CMD...: wall and CPU seconds of CMD and its children
measure() {
	local name=$1; shift
	/usr/bin/time -f "%e %U %S" -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1 || true
	read -r wall user sys <"$out/$name.time"
	echo "$name $wall $(echo "$user + $sys" | bc)"
}

# The scan deletes and rebuilds the objects it selects itself; the baseline
# then builds the same list, so both sides see one selection.
s=$(measure scan "$repo/bin/kbound" scan -o "$out/scan" "$tree" "M=$path")
[ -s "$out/scan/files.txt" ] || { echo "the scan selected nothing under $path (see $out/scan.log)" >&2; exit 2; }
objs=$(sed 's/\.c$/.o/' "$out/scan/files.txt")
n=$(printf '%s\n' $objs | grep -c .)
cd "$tree"
for o in $objs; do rm -f "$o" "$(dirname "$o")/.$(basename "$o").cmd"; done
m=$(measure make make -C "$tree" LLVM=-19 -k -j"$(nproc)" $objs)

read -r _ mw mc <<<"$m"
read -r _ sw sc <<<"$s"
printf 'objects: %d under %s\n' "$n" "$path"
printf '%-22s %10s %10s\n' "" "wall s" "CPU s"
printf '%-22s %10.1f %10.1f\n' "make (baseline)" "$mw" "$mc"
printf '%-22s %10.1f %10.1f\n' "bin/kbound scan" "$sw" "$sc"
printf '%-22s %10.2f %10.2f\n' "ratio scan/make" "$(echo "$sw / $mw" | bc -l)" "$(echo "$sc / $mc" | bc -l)"
echo "logs: $out"
