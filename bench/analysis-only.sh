#!/usr/bin/env bash
# The plugin's cost on the analysis alone: each object's preprocessed source
# analyzed by clang --analyze with the default checkers (baseline) and with the
# defaults plus kbound, alternating which runs first, N rounds, in this one
# invocation. No compile, no make: what remains is what kbound's callbacks and
# state add to the path exploration, which checker-overhead.sh dilutes.
#
# usage: bench/analysis-only.sh [--objects FILE] [--repeat N] TREE [PLUGIN]
#   TREE     a configured kernel tree where the objects were built once
#            (their .o.cmd files hold the exact compiler command)
#   --objects FILE  .o paths relative to TREE (default: test/kernel/aux-objects.sh)
#   --repeat N      rounds (default 2); per object and configuration the
#                   minimum user+sys time of the rounds is summed
# Prints per-object times to the results directory and the summed ratio.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
CLANG=${KBOUND_CLANG:-clang-19}
objfile= repeat=2
usage() { sed -n '2,14p' "$0" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case "$1" in
	--objects) objfile=$2; shift ;;
	--repeat) repeat=$2; shift ;;
	-h|--help) usage ;;
	-*) echo "analysis-only: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
	shift
done
[ $# -ge 1 ] && [ $# -le 2 ] || usage
TREE=$(cd "$1" 2>/dev/null && pwd) || { echo "analysis-only: no tree at $1" >&2; exit 2; }
PLUGIN=${2:-$repo/build/checker/kbound.so}
[ -f "$PLUGIN" ] || { echo "analysis-only: no plugin at $PLUGIN" >&2; exit 2; }

out=/tmp/kbound-kernel/bench-analysis-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out/pp"
cp "$PLUGIN" "$out/kbound.so"
if [ -n "$objfile" ]; then cp "$objfile" "$out/objects.txt"
else "$repo/test/kernel/aux-objects.sh" "$TREE" > "$out/objects.txt"; fi

# Preprocess each object with its own kbuild command (-E instead of -c).
while read -r o; do
	cmdf=$TREE/$(dirname "$o")/.$(basename "$o").cmd
	if [ ! -f "$cmdf" ]; then echo "analysis-only: skip $o (not built: no $cmdf)" >&2; continue; fi
	cmd=$(sed -n 's/^savedcmd_[^ ]* := //p' "$cmdf" | head -n1)
	i=$out/pp/$(echo "${o%.o}" | tr / _).i
	cmd=$(sed -E "s# -Wp,-MMD,[^ ]+##; s# -c -o [^ ]+ # -E -o $i #" <<< "$cmd")
	(cd "$TREE" && eval "$cmd") 2>/dev/null || echo "analysis-only: skip $o (preprocessing failed)" >&2
done < "$out/objects.txt"

# The kernel's semantic flags; the rest of its command line only affects codegen.
flags=(--analyze --target=x86_64-linux-gnu -std=gnu11 -fshort-wchar -funsigned-char
       -fno-strict-aliasing -fno-delete-null-pointer-checks -w -x cpp-output -o /dev/null)
one() {	# cfg file -> "file cfg cpu-seconds"
	local extra=()
	[ "$1" = kbound ] && extra=(-Xclang -load -Xclang "$out/kbound.so" -Xclang -analyzer-checker=kbound)
	/usr/bin/time -f '%U %S' -o "$out/t" "$CLANG" "${flags[@]}" "$2" "${extra[@]}" >/dev/null 2>&1 ||
		echo "analysis-only: $1 failed on $2" >&2
	awk -v f="$(basename "$2")" -v c="$1" '{ printf "%s %s %.2f\n", f, c, $1 + $2 }' "$out/t"
}
for r in $(seq 1 "$repeat"); do
	for i in "$out"/pp/*.i; do
		if [ $((r % 2)) = 1 ]; then one base "$i"; one kbound "$i"; else one kbound "$i"; one base "$i"; fi
	done
done > "$out/times.txt"

awk -v n="$(ls "$out"/pp/*.i | wc -l)" -v r="$repeat" '
	{ k = $1 " " $2; if (!(k in m) || $3 < m[k]) m[k] = $3 }
	END {
		for (k in m) { split(k, a, " "); s[a[2]] += m[k] }
		printf "analysis-only: %d objects, %d rounds, sum of per-object minimum CPU s\n", n, r
		printf "  baseline %.2f  +kbound %.2f  ratio %.3f\n", s["base"], s["kbound"], s["kbound"] / s["base"]
	}' "$out/times.txt"
echo "analysis-only: per-object times in $out/times.txt"
