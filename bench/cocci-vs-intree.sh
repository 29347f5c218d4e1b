#!/usr/bin/env bash
# Cost of each kbound Coccinelle rule against the kernel's own
# scripts/coccinelle/free/put_device.cocci (a rule of the same kind: a resource that
# must be released on every path), both through `make coccicheck MODE=report` over
# the same directory in this same invocation (test/kernel/run-cocci.sh does each run).
#
# usage: bench/cocci-vs-intree.sh [--dirs "D..."] [--repeat N] [-j N] TREE [RULE.cocci...]
#   RULE...      default: every <repo>/cocci/*.cocci
#   --dirs       M= directories (default "drivers/")
#   --repeat N   run everything N times, baseline first and last (default 1)
#
# Prints per rule and directory: user+sys seconds (the primary number), wall seconds,
# peak RSS, reports, and the ratio to the baseline's user+sys and wall seconds.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
run=$repo/test/kernel/run-cocci.sh
dirs="drivers/" repeat=1 jobs=$(nproc)
usage() { sed -n '2,13p' "$0" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case "$1" in
	--dirs) dirs=$2; shift ;;
	--repeat) repeat=$2; shift ;;
	-j) jobs=$2; shift ;;
	-h|--help) usage ;;
	-*) echo "cocci-vs-intree: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
	shift
done
[ $# -ge 1 ] || usage
TREE=$(cd "$1" && pwd) || exit 2
shift
base=$TREE/scripts/coccinelle/free/put_device.cocci
[ -f "$base" ] || { echo "cocci-vs-intree: no $base" >&2; exit 2; }
rules=("$@")
if [ ${#rules[@]} = 0 ]; then
	for r in "$repo"/cocci/*.cocci; do [ -f "$r" ] && rules+=("$r"); done
fi
[ ${#rules[@]} -gt 0 ] || { echo "cocci-vs-intree: no kbound rules in $repo/cocci" >&2; exit 2; }

out=/tmp/kbound-kernel/bench-cocci-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
echo "cocci-vs-intree: results in $out"
# Baseline before and after the rules: a drift in machine load shows up as two
# different baseline times instead of silently skewing the ratios.
for i in $(seq 1 "$repeat"); do
	"$run" --dirs "$dirs" -j "$jobs" --out "$out/run$i" "$TREE" "$base" "${rules[@]}" "$base" \
		> "$out/run$i.log" 2>&1
	grep '^run-cocci: ' "$out/run$i.log" | grep -v 'results in'
done

awk -F'\t' -v r="$repeat" '
	FNR == 1 { next }
	{ k = $1 "\t" $3; cpu[k] += $6; wall[k] += $5; n[k]++
	  if ($7 > kib[k]) kib[k] = $7; rep[k] = $8; st[k] = st[k] == "fail" ? "fail" : $4
	  if (!(k in seen)) { seen[k] = 1; order[++m] = k } }
	END {
		printf "%-28s %-12s %8s %8s %9s %7s %9s %9s\n", "rule", "dir", "cpu_s", "wall_s",
			"peak_kib", "reports", "cpu_ratio", "wall_ratio"
		for (i = 1; i <= m; i++) {
			k = order[i]; split(k, a, "\t")
			b = "put_device\t" a[2]
			c = cpu[k] / n[k]; w = wall[k] / n[k]
			bc = cpu[b] / n[b]; bw = wall[b] / n[b]
			printf "%-28s %-12s %8.2f %8.2f %9d %7s %9.2f %9.2f%s\n", a[1], a[2], c, w,
				kib[k], rep[k], (bc > 0 ? c / bc : 0), (bw > 0 ? w / bw : 0),
				(st[k] == "fail" ? "  FAILED" : "")
		}
	}' "$out"/run*/summary.tsv | tee "$out/ratios.txt"
echo "cocci-vs-intree: $(date -u +%Y-%m-%dT%H:%MZ), repeat $repeat, J=$jobs, baseline put_device (ran twice per repeat)"
