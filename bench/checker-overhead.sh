#!/usr/bin/env bash
# Cost of the kbound analyzer plugin on real kernel objects: scan-build's default
# checkers alone (baseline) against the defaults plus kbound, measured in this same
# invocation over the same objects (test/kernel/run-checker.sh does each run).
#
# usage: bench/checker-overhead.sh [--any|--objects FILE] [--repeat N] [-j N] TREE [PLUGIN]
#   PLUGIN   default: <repo>/build/checker/kbound.so (copied first, so a rebuild
#            during the run cannot mix two plugin versions)
#   --repeat N   run the pair N times, alternating which goes first (default 1)
#
# Prints, per configuration, the sum over the objects that were ok in every run of
# user+sys seconds (the primary number: insensitive to other load on the machine),
# wall seconds, the largest peak RSS of one compile+analysis, the number of warnings;
# and the kbound/baseline ratios. Per-object numbers go to the results directory.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
run=$repo/test/kernel/run-checker.sh
objarg=() repeat=1 jobs=$(nproc)
usage() { sed -n '2,15p' "$0" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case "$1" in
	--any) objarg=(--any) ;;
	--objects) objarg=(--objects "$2"); shift ;;
	--repeat) repeat=$2; shift ;;
	-j) jobs=$2; shift ;;
	-h|--help) usage ;;
	-*) echo "checker-overhead: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
	shift
done
[ $# -ge 1 ] && [ $# -le 2 ] || usage
TREE=$1
PLUGIN=${2:-$repo/build/checker/kbound.so}
[ -f "$PLUGIN" ] || { echo "checker-overhead: no plugin at $PLUGIN (build it: cmake --build build --target kbound)" >&2; exit 2; }

out=/tmp/kbound-kernel/bench-checker-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
cp "$PLUGIN" "$out/kbound.so"
echo "checker-overhead: plugin $PLUGIN (sha256 $(sha256sum "$PLUGIN" | cut -c1-12)), results in $out"

for i in $(seq 1 "$repeat"); do
	if [ $((i % 2)) = 1 ]; then order="base kbound"; else order="kbound base"; fi
	for cfg in $order; do
		p=none
		[ $cfg = kbound ] && p=$out/kbound.so
		echo "checker-overhead: run $i/$repeat: $cfg"
		"$run" "${objarg[@]}" -j "$jobs" --out "$out/$cfg.$i" "$TREE" "$p" > "$out/$cfg.$i.log" 2>&1
		tail -n1 "$out/$cfg.$i.log"
	done
done

# Objects ok in every run of both configurations; sums over those only.
awk -F'\t' -v n=$((2 * repeat)) '
	FNR == 1 { next }
	$2 == "ok" { ok[$1]++ }
	END { for (o in ok) if (ok[o] == n) print o }' "$out"/*.*/objects.tsv | sort > "$out/common.list"
ncommon=$(wc -l < "$out/common.list")
[ "$ncommon" -gt 0 ] || { echo "checker-overhead: no object was ok in every run" >&2; exit 1; }

summ() {	# cfg -> "cpu wall maxkib warnings" (cpu/wall averaged over repeats)
	awk -F'\t' -v r="$repeat" '
		NR == FNR { want[$1] = 1; next }
		FNR == 1 { next }
		($1 in want) { cpu += $4; wall += $3; if ($5 > kib) kib = $5; w += $6 }
		END { printf "%.2f %.2f %d %d\n", cpu / r, wall / r, kib, w / r }' \
		"$out/common.list" "$out"/$1.*/objects.tsv
}
read -r bc bw bk bn <<< "$(summ base)"
read -r kc kw kk kn <<< "$(summ kbound)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }

echo
echo "checker-overhead: $(date -u +%Y-%m-%dT%H:%MZ), $ncommon objects ok in all runs, repeat $repeat, -j$jobs"
printf '%-26s %12s %12s %8s\n' "" baseline "+kbound" ratio
printf '%-26s %12s %12s %8s\n' "cpu s (user+sys, sum)" "$bc" "$kc" "$(ratio "$kc" "$bc")"
printf '%-26s %12s %12s %8s\n' "wall s (sum of compiles)" "$bw" "$kw" "$(ratio "$kw" "$bw")"
printf '%-26s %12s %12s %8s\n' "peak RSS KiB (max)" "$bk" "$kk" "$(ratio "$kk" "$bk")"
printf '%-26s %12s %12s\n' "warnings" "$bn" "$kn"
echo "kbound warnings (first run):"
grep -h '\[kbound\.' "$out"/kbound.1/warnings.txt | sed 's/^/  /' || echo "  none"
