#!/usr/bin/env bash
# Run scan-build-19 with the kbound analyzer plugin over the auxiliary-bus objects
# of a configured kernel tree (see setup-tree.sh), one kbuild single-object build.
#
# usage: test/kernel/run-checker.sh [options] TREE [PLUGIN]
#   PLUGIN           kbound.so to load; "none" runs scan-build's default checkers only.
#                    Default: $KBOUND_BUILD/checker/kbound.so (<repo>/build) if it
#                    exists, else none.
# options:
#   --any            objects from `aux-objects.sh --any` (default: --init)
#   --objects FILE   objects to analyze, one .o path (relative to TREE) a line
#   --out DIR        results directory (default: /tmp/kbound-kernel/checker-<time>)
#   --checkers LIST  comma-separated checkers to enable (default: kbound with a plugin)
#   --selftest       first analyze a scratch external module with a null dereference
#                    (and an RL4 bug) and fail unless the null dereference is reported
#   -j N             parallel make jobs (default: nproc)
#
# How it hooks into kbuild. `scan-build make` appends CC=ccc-analyzer to the make
# command line, which kbuild records in include/config/auto.conf.cmd: the next build
# with another CC re-runs syncconfig and rebuilds prepare outputs (and analyzes them).
# Instead we pass --keep-cc and put a shim named clang-19 first on PATH: kbuild's
# command lines stay byte-identical to `make LLVM=-19`, so nothing else is rebuilt,
# and the shim gives each object its own report directory, time and peak RSS.
#
# Output: DIR/objects.tsv (object, status, wall s, user+sys s, peak KiB, warnings, note),
# DIR/warnings.txt (one analyzer warning a line, object first), DIR/make.log,
# DIR/objects/<obj>/ (stderr, plists, failures/ with the preprocessed crashing TU).
# Status: ok | crash (analyzer died) | analyzer-error (analyzer failed, e.g. a plugin
# that does not load) | build-failure (compile failed) | not-built (make never
# compiled it, e.g. no rule). The run goes on past any failing object.
# Runs on one tree are serialized (flock on TREE/.kbound-run.lock).
# LLVM: KBOUND_LLVM_DIR (default /usr/lib/llvm-19), as for bin/kbound; paths,
# the shim and the lock come from bin/lib/kbound.sh.
# Exit status: 0 when every object is ok, 1 otherwise, 2 on usage/setup errors.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
KB_PROG=run-checker
# shellcheck source=../../bin/lib/kbound.sh
. "$here/../../bin/lib/kbound.sh"
REAL_CC=$CLANG

objmode=--init objfile= out= checkers= selftest=0 jobs=$(nproc)
usage() { sed -n '2,16p' "$0" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case "$1" in
	--any) objmode=--any ;;
	--objects) objfile=$2; shift ;;
	--out) out=$2; shift ;;
	--checkers) checkers=$2; shift ;;
	--selftest) selftest=1 ;;
	-j) jobs=$2; shift ;;
	-j*) jobs=${1#-j} ;;
	-h|--help) usage ;;
	-*) echo "run-checker: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
	shift
done
[ $# -ge 1 ] && [ $# -le 2 ] || usage
TREE=$(cd "$1" 2>/dev/null && pwd) || { echo "run-checker: no tree at $1" >&2; exit 2; }
PLUGIN=${2:-}
if [ -z "$PLUGIN" ]; then
	PLUGIN=none
	if [ -f "$BUILD/checker/kbound.so" ]; then
		PLUGIN=$BUILD/checker/kbound.so
	else
		echo "run-checker: note: $BUILD/checker/kbound.so not built; default checkers only" >&2
	fi
fi
if [ "$PLUGIN" != none ]; then
	[ -f "$PLUGIN" ] || { echo "run-checker: plugin $PLUGIN not found" >&2; exit 2; }
	PLUGIN=$(cd "$(dirname "$PLUGIN")" && pwd)/$(basename "$PLUGIN")
	[ -n "$checkers" ] || checkers=kbound
fi

for t in "$SCAN_BUILD" "$CCC" "$REAL_CC" /usr/bin/time make; do
	command -v "$t" >/dev/null 2>&1 || {
		echo "run-checker: missing $t; install with: apt-get install clang-tools$LLVM_SUFFIX clang$LLVM_SUFFIX time make" >&2
		exit 2
	}
done
[ -f "$TREE/.config" ] && [ -f "$TREE/include/generated/autoconf.h" ] ||
	{ echo "run-checker: $TREE is not configured and prepared; run setup-tree.sh" >&2; exit 2; }

# One run per tree at a time: a run deletes and rebuilds its objects, and two runs
# would race on the same .o/.cmd files (and skew each other's timings).
kb_lock "$TREE"

out=${out:-/tmp/kbound-kernel/checker-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out" || exit 2
out=$(cd "$out" && pwd)
rm -rf "$out/objects" "$out/shim" "$out/scan-build"
: > "$out/compiles.tsv"

if [ -n "$objfile" ]; then
	grep -v '^\s*\(#\|$\)' "$objfile" > "$out/objects.list" || true
else
	"$here/aux-objects.sh" $objmode "$TREE" > "$out/objects.list" || exit 2
fi
nobj=$(wc -l < "$out/objects.list")
[ "$nobj" -gt 0 ] || { echo "run-checker: no objects to analyze" >&2; exit 2; }

# The shim (kb_install_shim): only `-c ... -o X.o` compiles get their own
# report dir and measurement; everything else (kbuild's --version and option
# probes, -E) goes straight through.
kb_install_shim "$out/shim"

sb=("$SCAN_BUILD" --keep-cc "--use-cc=$REAL_CC" -o "$out/scan-build" -plist)
if [ "$PLUGIN" != none ]; then
	kb_scan_plugin "$PLUGIN"
	sb+=(-load-plugin "$KB_PLUGIN")
	IFS=, read -ra cl <<< "$checkers"
	for c in "${cl[@]}"; do sb+=(-enable-checker "$c"); done
fi
export KBOUND_TREE=$TREE KBOUND_OUT=$out KBOUND_SHIM_MEASURE=1 KBOUND_TIMEOUT=0

# Analyzer warnings end in [checker.name]; compiler warnings end in [-Wflag].
warnings_of() {
	grep -E '^[^ ]+:[0-9]+:[0-9]+: warning: .* \[[A-Za-z][A-Za-z0-9_.]*\]$' "$1" 2>/dev/null |
		sort -u
}

if [ $selftest = 1 ]; then
	st=$out/selftest
	rm -rf "$st"; mkdir -p "$st"
	echo 'obj-m := kbound_selftest.o' > "$st/Makefile"
	cat > "$st/kbound_selftest.c" <<'EOF'
// SPDX-License-Identifier: GPL-2.0
/* run-checker.sh --selftest: proves objects really get analyzed. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/auxiliary_bus.h>

static int kbound_selftest_null(int c)
{
	int *p = NULL;

	if (c)
		return *p;	/* core.NullDereference must report this */
	return 0;
}

static void kbound_selftest_release(struct device *dev)
{
}

static int kbound_selftest_rl4(struct device *parent)
{
	struct auxiliary_device *adev = kzalloc(sizeof(*adev), GFP_KERNEL);
	int ret;

	if (!adev)
		return -ENOMEM;
	adev->name = "selftest";
	adev->dev.parent = parent;
	adev->dev.release = kbound_selftest_release;
	ret = auxiliary_device_init(adev);
	if (ret) {
		kfree(adev);
		return ret;
	}
	ret = auxiliary_device_add(adev);
	if (ret)
		return ret;	/* RL4: no auxiliary_device_uninit */
	return 0;
}

static int __init kbound_selftest_init(void)
{
	return kbound_selftest_null(1) + kbound_selftest_rl4(NULL);
}
module_init(kbound_selftest_init);
MODULE_LICENSE("GPL");
EOF
	echo "run-checker: selftest (external module $st)"
	(cd "$TREE" && PATH="$out/shim:$PATH" "${sb[@]}" make "LLVM=$LLVM_SUFFIX" \
		M="$st" kbound_selftest.o) > "$out/selftest.log" 2>&1
	d=$out/objects/$(printf '%s' "$st/kbound_selftest.o" | sed 's,/,__,g')
	if ! grep -q 'core.NullDereference' <<<"$(warnings_of "$d/stderr")"; then
		echo "run-checker: SELFTEST FAILED: null dereference not reported (see $out/selftest.log)" >&2
		exit 1
	fi
	echo "run-checker: selftest ok: core.NullDereference reported"
	if grep -q '\[RL4\]' <<<"$(warnings_of "$d/stderr")"; then
		echo "run-checker: selftest: kbound reported RL4"
	else
		echo "run-checker: selftest: kbound reported no RL4 (plugin: $PLUGIN)"
	fi
	warnings_of "$d/stderr" | sed 's/^/  /'
fi

# Remove the objects so make rebuilds (and so re-analyzes) exactly these.
while read -r o; do
	rm -f "$TREE/$o" "$TREE/$(dirname "$o")/.$(basename "$o").cmd"
done < "$out/objects.list"

echo "run-checker: $nobj objects, plugin=$PLUGIN checkers=${checkers:-<defaults>} -j$jobs"
echo "run-checker: results in $out"
start=$(date +%s.%N)
# -k: one object's build failure must not stop the others.
(cd "$TREE" && PATH="$out/shim:$PATH" "${sb[@]}" make "LLVM=$LLVM_SUFFIX" -k "-j$jobs" \
	$(cat "$out/objects.list")) > "$out/make.log" 2>&1
wall=$(echo "$(date +%s.%N) - $start" | bc)

: > "$out/warnings.txt"
printf 'object\tstatus\twall_s\tcpu_s\tpeak_kib\twarnings\tnote\n' > "$out/objects.tsv"
nok=0 nbad=0 nwarn=0
while read -r o; do
	d=$out/objects/$(printf '%s' "$o" | sed 's,/,__,g')
	line=$(grep -P "^\Q$o\E\t" "$out/compiles.tsv" | tail -n1)
	secs=- cpu=- kib=- w=0 note=
	if [ -z "$line" ]; then
		status=not-built
		note=$(grep -m1 -F "$o" "$out/make.log" | grep -E 'No rule|Error' | cut -c1-160)
		# Deleted above, yet present: some other build made it meanwhile.
		[ -z "$note" ] && [ -f "$TREE/$o" ] &&
			note="built outside this run (a concurrent build on the tree?)"
	else
		rc=$(echo "$line" | cut -f2)
		secs=$(echo "$line" | cut -f3) cpu=$(echo "$line" | cut -f4)
		kib=$(echo "$line" | cut -f5)
		if [ "$rc" != 0 ]; then
			status=build-failure
			note=$(grep -m1 -E ': (fatal )?error: ' "$d/stderr" | cut -c1-160)
		elif ls "$d"/failures/clang_crash_* >/dev/null 2>&1; then
			status=crash
			note=$(ls "$d"/failures/clang_crash_*.info.txt | head -n1)
		elif ls "$d"/failures/*.info.txt >/dev/null 2>&1; then
			status=analyzer-error
			note=$(grep -h -m1 -E 'error' "$d"/failures/*.stderr.txt 2>/dev/null | head -n1 | cut -c1-160)
		else
			status=ok
		fi
		warnings_of "$d/stderr" | sed "s|^|$o: |" >> "$out/warnings.txt"
		w=$(warnings_of "$d/stderr" | wc -l)
	fi
	[ $status = ok ] && nok=$((nok + 1)) || nbad=$((nbad + 1))
	nwarn=$((nwarn + w))
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$o" "$status" "$secs" "$cpu" "$kib" "$w" "$note" \
		>> "$out/objects.tsv"
done < "$out/objects.list"

column -t -s $'\t' "$out/objects.tsv"
echo "---- warnings ($nwarn) ----"
cat "$out/warnings.txt"
echo "---- by checker ----"
sed -E 's/.*\[([A-Za-z0-9_.]+)\]$/\1/' "$out/warnings.txt" | sort | uniq -c | sort -rn
printf 'run-checker: %d ok, %d not ok, %d warnings, %.1f s wall\n' "$nok" "$nbad" "$nwarn" "$wall"
[ $nbad = 0 ]
