#!/usr/bin/env bash
# List the kbuild objects (paths relative to the tree, ending in .o) in drivers/ and
# sound/ whose .c source uses the auxiliary bus, one per line, sorted.
#
# usage: test/kernel/aux-objects.sh [--init|--any] TREE
#   --init  (default) sources that call auxiliary_device_init (the RL4/RL5/UA2/UA5
#           surface; includes drivers/base/auxiliary.c, the bus itself)
#   --any   sources that spell any word of the APIs kbound checks (the token
#           prefilter of bin/kbound scan: the build's api-tokens.ere, generated
#           from checker/KboundAPI.def; see kb_tokens in bin/lib/kbound.sh)
# Uses `git grep` when TREE is a git work tree, plain grep otherwise.
set -euo pipefail
KB_PROG=aux-objects
# shellcheck source=../../bin/lib/kbound.sh
. "$(dirname "$(readlink -f "$0")")/../../bin/lib/kbound.sh"

mode=init
case "${1:-}" in
--init) mode=init; shift ;;
--any) mode=any; shift ;;
-h|--help) sed -n '2,10p' "$0"; exit 0 ;;
esac
[ $# -eq 1 ] || { echo "usage: $0 [--init|--any] TREE" >&2; exit 2; }
TREE=$1
[ -d "$TREE/drivers" ] && [ -f "$TREE/Makefile" ] ||
	{ echo "aux-objects: $TREE is not a kernel tree" >&2; exit 1; }

if [ $mode = init ]; then
	re='\<auxiliary_device_init\>'
else
	re=$(kb_tokens) || exit 2
fi

cd "$TREE"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	files=$(git grep -lE "$re" -- 'drivers/*.c' 'sound/*.c' || true)
else
	files=$(grep -rlE --include='*.c' "$re" drivers sound || true)
fi
[ -n "$files" ] || { echo "aux-objects: no match in $TREE" >&2; exit 1; }
printf '%s\n' "$files" | sed 's/\.c$/.o/' | sort -u
