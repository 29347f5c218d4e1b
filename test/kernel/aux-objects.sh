#!/usr/bin/env bash
# List the kbuild objects (paths relative to the tree, ending in .o) in drivers/ and
# sound/ whose .c source uses the auxiliary bus, one per line, sorted.
#
# usage: test/kernel/aux-objects.sh [--init|--any] TREE
#   --init  (default) sources that call auxiliary_device_init (the RL4/RL5/UA2/UA5
#           surface; includes drivers/base/auxiliary.c, the bus itself)
#   --any   sources that use any auxiliary-bus API: id tables, drivers, creation,
#           drvdata, to_auxiliary_dev / container_of over an auxiliary_device
# Uses `git grep` when TREE is a git work tree, plain grep otherwise.
set -euo pipefail

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
	re='\bauxiliary_device_init\b'
else
	# One line per alternative; container_of is matched when the struct or the
	# member on the same line names an auxiliary device.
	re='\b(auxiliary_device_(id|init|create|destroy|delete|uninit|add)|__auxiliary_device_add'
	re+='|devm_auxiliary_device_create|auxiliary_driver(_register|_unregister)?'
	re+='|module_auxiliary_driver|auxiliary_[gs]et_drvdata|to_auxiliary_dev'
	re+='|container_of\(.*(auxiliary_device|\badev\b|\baux_dev\b|\bauxdev\b))'
fi

cd "$TREE"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	files=$(git grep -lP "$re" -- 'drivers/*.c' 'sound/*.c' || true)
else
	files=$(grep -rlP --include='*.c' "$re" drivers sound || true)
fi
[ -n "$files" ] || { echo "aux-objects: no match in $TREE" >&2; exit 1; }
printf '%s\n' "$files" | sed 's/\.c$/.o/' | sort -u
