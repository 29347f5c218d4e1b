#!/usr/bin/env bash
# The real-fix benchmark: published upstream fixes of driver-core lifetime
# bugs, each re-created in a prepared Linux 6.12 tree by reverting the fix
# (cases/*.patch; "State: present" cases need no patch, the bug is still
# there), scanned with `bin/kbound scan` (the checker and the rules on that
# one file), then the tree is restored. Prints, per case, what each tool
# reported inside the buggy function, and recall per tool, family and ID.
#
# usage: bench/real-fixes/run.sh [--out DIR] [--no-facts] TREE [CASE...]
#   TREE   a configured kernel tree (test/kernel/setup-tree.sh); its files are
#          patched one case at a time and restored byte for byte (the restored
#          files get a new mtime, so the next make rebuilds their objects)
#   CASE   case names or patch files (default: every cases/*.patch)
#   --out  results directory (default: /tmp/kbound-real-fixes/<time>)
#   --no-facts  scan each case's file on its own, without the tree's facts
#          database (docs/facts-db.md): recall without cross-file facts
#
# A case counts as caught by a tool when the tool reports the expected ID
# (or the case's `Also:` ID) in `File:` within `Lines:` (one or more ranges,
# "120-160" or "120-160, 300-340": the functions on the faulty path); a report inside the
# lines with another ID only is listed as "other" (a wrong ID). Exit status:
# 0 when every case ran, 2 when a case could not be applied or scanned.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out= scan_opts=()
usage() { sed -n '2,21p' "$0" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case "$1" in
	--out) out=${2:?--out needs a directory}; shift ;;
	--no-facts) scan_opts+=(--no-facts) ;;
	-h|--help) usage ;;
	-*) echo "real-fixes: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
	shift
done
[ $# -ge 1 ] || usage
tree=$(cd "$1" 2>/dev/null && pwd) || { echo "real-fixes: no tree at $1" >&2; exit 2; }
shift
[ -f "$tree/.config" ] && [ -f "$tree/include/generated/autoconf.h" ] || {
	echo "real-fixes: $tree is not a configured kernel tree (run test/kernel/setup-tree.sh)" >&2
	exit 2
}
out=${out:-/tmp/kbound-real-fixes/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out/cases" || exit 2
out=$(cd "$out" && pwd)

cases=()
if [ $# -eq 0 ]; then
	for p in "$here"/cases/*.patch; do cases+=("$p"); done
else
	for c in "$@"; do
		if [ -f "$c" ]; then cases+=("$(cd "$(dirname "$c")" && pwd)/$(basename "$c")")
		elif [ -f "$here/cases/$c.patch" ]; then cases+=("$here/cases/$c.patch")
		else echo "real-fixes: no case $c" >&2; exit 2
		fi
	done
fi

backup=$(mktemp -d) || exit 2
restore() {	# put back every file a case patched, byte for byte
	local f
	[ -f "$backup/files" ] || return 0
	while IFS= read -r f; do
		cp "$backup/orig/$f" "$tree/$f" || echo "real-fixes: CANNOT RESTORE $tree/$f (copy in $backup/orig)" >&2
	done <"$backup/files"
	rm -f "$backup/files"
}
trap 'restore; rm -rf "$backup"' EXIT
trap 'exit 130' INT TERM

field() { sed -n "s/^$1: *//p;/^--- /q" "$2" | head -1; }

printf 'case\tfamily\texpect\talso\tfile\tlines\tstate\tstatus\tchecker\tcocci\n' >"$out/results.tsv"
errors=0 n=0
for p in "${cases[@]}"; do
	n=$((n + 1))
	name=$(basename "$p" .patch)
	file=$(field File "$p") lines=$(field Lines "$p")
	printf '[%d/%d] %s: ' "$n" "${#cases[@]}" "$name" >&2
	row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" \
		"$(field Family "$p")" "$(field Expect "$p")" "$(field Also "$p")" \
		"$file" "$lines" "$(field State "$p")" "$1" "${2:-}" "${3:-}" >>"$out/results.tsv"; }
	if [ -z "$file" ] || ! [[ $lines =~ ^[0-9]+-[0-9]+(,\ *[0-9]+-[0-9]+)*$ ]] || [ ! -f "$tree/$file" ]; then
		echo "bad header or no $file in the tree" >&2
		row bad-case; errors=1; continue
	fi
	# Back up every file the patch touches, then apply it.
	mkdir -p "$backup/orig"
	sed -n 's|^+++ b/\([^[:space:]]*\).*|\1|p' "$p" >"$backup/files"
	while IFS= read -r f; do
		mkdir -p "$backup/orig/$(dirname "$f")" && cp "$tree/$f" "$backup/orig/$f" || exit 2
	done <"$backup/files"
	if [ -s "$backup/files" ] &&
		! patch -s -p1 -N --no-backup-if-mismatch -r - -d "$tree" <"$p" >"$out/cases/$name.patch.log" 2>&1; then
		echo "does not apply (see $out/cases/$name.patch.log)" >&2
		restore; row no-apply; errors=1; continue
	fi
	"$root/bin/kbound" scan -o "$out/cases/$name" "${scan_opts[@]}" --all --path "$file" "$tree" \
		>"$out/cases/$name.log" 2>&1
	rc=$?
	restore
	if [ "$rc" -ge 2 ] || [ ! -f "$out/cases/$name/kbound.txt" ]; then
		echo "scan failed (exit $rc, see $out/cases/$name.log)" >&2
		row scan-error; errors=1; continue
	fi
	# kbound.txt: the file's name, then "  LINE ID  checker:yes|- cocci:yes|- message".
	ids=$(awk -v f="$file" -v r="$lines" '
		function inside(l,   i, n, rs, a) {
			n = split(r, rs, ", *")
			for (i = 1; i <= n; i++) {
				split(rs[i], a, "-")
				if (l >= a[1] && l <= a[2]) return 1
			}
			return 0
		}
		/^[^ ]/ { cur = $0; next }
		cur == f && inside($1 + 0) {
			if ($3 == "checker:yes") ck[$2] = 1
			if ($4 == "cocci:yes") cc[$2] = 1
		}
		END {
			for (i in ck) c1 = c1 (c1 ? "," : "") i
			for (i in cc) c2 = c2 (c2 ? "," : "") i
			print c1 "\t" c2
		}' "$out/cases/$name/kbound.txt")
	row ok "${ids%%$'\t'*}" "${ids#*$'\t'}"
	echo "checker={${ids%%$'\t'*}} cocci={${ids#*$'\t'}}" >&2
done
python3 "$here/score.py" "$out/results.tsv" | tee "$out/summary.txt"
echo "results: $out" >&2
exit $((errors ? 2 : 0))
