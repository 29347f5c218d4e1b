#!/usr/bin/env bash
# Run kbound's Coccinelle rules through the kernel's own `make coccicheck` over a tree.
#
# usage: test/kernel/run-cocci.sh [options] TREE [RULE.cocci...]
#   RULE...          rules to run (default: every <repo>/cocci/*.cocci)
# options:
#   --dirs "D..."    directories for M= (default: "drivers/"; e.g. "drivers/ sound/")
#   --modes LIST     comma-separated MODE values (default: report); "declared" runs every
#                    mode among report,context,org,patch that the rule declares (virtual X)
#   --out DIR        results directory (default: /tmp/kbound-kernel/cocci-<time>)
#   -j N             J= for coccicheck (spatch --jobs; default: nproc)
#   --selftest       first run each rule over a scratch copy of <repo>/kernel-fixtures/
#                    drivers/*.c (as an external M= dir): a rule named <id>_*.cocci must
#                    report in bug_<id>_*.c when that fixture exists; fail otherwise
#
# Per run it records the exact command, its output (DIR/<rule>.<mode>.<dir>.txt), exit
# status, wall and user+sys seconds and peak RSS (GNU time), and the number of report
# lines (`file.c:LINE:...`). A failing rule is listed and the others still run.
# DIR/summary.tsv has one line per run. Exit status: 0 if every run succeeded.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
KB_PROG=run-cocci
# shellcheck source=../../bin/lib/kbound.sh
. "$here/../../bin/lib/kbound.sh"
repo=$ROOT
dirs="drivers/" modes=report out= jobs=$(nproc) selftest=0
usage() { sed -n '2,20p' "$0" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case "$1" in
	--dirs) dirs=$2; shift ;;
	--modes) modes=$2; shift ;;
	--out) out=$2; shift ;;
	--selftest) selftest=1 ;;
	-j) jobs=$2; shift ;;
	-j*) jobs=${1#-j} ;;
	-h|--help) usage ;;
	-*) echo "run-cocci: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
	shift
done
[ $# -ge 1 ] || usage
TREE=$(cd "$1" 2>/dev/null && pwd) || { echo "run-cocci: no tree at $1" >&2; exit 2; }
shift
[ -x "$TREE/scripts/coccicheck" ] || { echo "run-cocci: $TREE has no scripts/coccicheck" >&2; exit 2; }
for t in spatch /usr/bin/time make; do
	command -v "$t" >/dev/null 2>&1 || {
		echo "run-cocci: missing $t; install with: apt-get install coccinelle time make" >&2
		exit 2
	}
done

rules=()
if [ $# -gt 0 ]; then
	for r in "$@"; do
		[ -f "$r" ] || { echo "run-cocci: no rule $r" >&2; exit 2; }
		rules+=("$(cd "$(dirname "$r")" && pwd)/$(basename "$r")")
	done
else
	mapfile -t rules < <(kb_rules)
	[ ${#rules[@]} -gt 0 ] || { echo "run-cocci: no rules in $repo/cocci" >&2; exit 2; }
fi

out=${out:-/tmp/kbound-kernel/cocci-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out" || exit 2
out=$(cd "$out" && pwd)
printf 'rule\tmode\tdir\tstatus\twall_s\tcpu_s\tpeak_kib\treports\n' > "$out/summary.tsv"

nfail=0
if [ $selftest = 1 ]; then
	st=$out/selftest
	rm -rf "$st"; mkdir -p "$st"
	cp "$repo"/kernel-fixtures/drivers/*.c "$st"/
	for rule in "${rules[@]}"; do
		name=$(basename "$rule" .cocci)
		id=${name%%_*}
		ls "$st"/bug_"${id}"_*.c >/dev/null 2>&1 || { echo "run-cocci: selftest $name: no bug_${id}_*.c fixture, skipped"; continue; }
		make -C "$TREE" coccicheck "COCCI=$rule" MODE=report "M=$st" J=1 > "$st/$name.txt" 2>&1
		if grep -qE "^[^ ]*bug_${id}_[^ ]*\.c:[0-9]+:" "$st/$name.txt"; then
			echo "run-cocci: selftest $name: ok, reports bug_${id}_*.c"
		else
			echo "run-cocci: selftest $name: FAILED, no report in bug_${id}_*.c (see $st/$name.txt)"
			nfail=$((nfail + 1))
		fi
	done
fi
for rule in "${rules[@]}"; do
	name=$(basename "$rule" .cocci)
	if [ "$modes" = declared ]; then
		ml=$(sed -nE 's/^virtual[[:space:]]+(report|context|org|patch)\b.*/\1/p' "$rule" |
			sort -u | paste -sd,)
		[ -n "$ml" ] || ml=report
	else
		ml=$modes
	fi
	IFS=, read -ra mlist <<< "$ml"
	for mode in "${mlist[@]}"; do
		for d in $dirs; do
			tag=$name.$mode.$(printf '%s' "${d%/}" | sed 's,/,_,g')
			log=$out/$tag.txt
			cmd=(make -C "$TREE" coccicheck "COCCI=$rule" "MODE=$mode" "M=$d" "J=$jobs")
			echo "${cmd[*]}" > "$out/$tag.cmd"
			/usr/bin/time -f '%e %U %S %M' -o "$out/$tag.time" "${cmd[@]}" > "$log" 2>&1
			rc=$?
			set -- $(tail -n1 "$out/$tag.time")
			wall=$1 cpu=$(echo "$2 + $3" | bc) kib=$4
			# coccicheck exits 0 even when spatch reports a rule error on stderr.
			if [ $rc != 0 ] || grep -qE '^(coccicheck failed|Fatal error|minus: parse error|plus: parse error|meta: parse error)' "$log"; then
				status=fail
				nfail=$((nfail + 1))
			else
				status=ok
			fi
			n=$(grep -cE '^[^ ]+\.[ch]:[0-9]+:' "$log")
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$mode" "$d" "$status" \
				"$wall" "$cpu" "$kib" "$n" >> "$out/summary.tsv"
			printf 'run-cocci: %-28s %-8s %-10s %-4s %7ss wall %7ss cpu %6s reports\n' \
				"$name" "$mode" "$d" "$status" "$wall" "$cpu" "$n"
		done
	done
done
echo "run-cocci: results in $out"
column -t -s $'\t' "$out/summary.tsv"
[ $nfail = 0 ]
