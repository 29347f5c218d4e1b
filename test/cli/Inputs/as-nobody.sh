#!/usr/bin/env bash
# Run part of the checkout as user 65534 (nobody), independent of where the
# checkout lives: the checkout may sit in a 0700 home or a mktemp -d folder
# that nobody cannot enter. So copy the given paths of the checkout into a
# fresh world-readable temporary folder, run CMD there as 65534, remove it.
#
# usage: as-nobody.sh [--copy PATH]... [--private PATH]... -- CMD [ARGS...]
#   --copy PATH     copy PATH (relative to the checkout) into the folder
#   --private PATH  then make PATH (relative to the folder) 0700, root's:
#                   a part of the checkout nobody cannot read
#   CMD             relative to the folder (e.g. bin/kbound), run from there
# The environment is passed on; the exit status is CMD's (125: setup failed).
set -uo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
copy=() private=()
while [ $# -gt 0 ]; do
	case "$1" in
	--copy) copy+=("$2"); shift 2 ;;
	--private) private+=("$2"); shift 2 ;;
	--) shift; break ;;
	*) echo "as-nobody: bad argument '$1'" >&2; exit 125 ;;
	esac
done
[ $# -ge 1 ] || { echo "as-nobody: no command" >&2; exit 125; }
dir=$(mktemp -d /tmp/kbound-nobody.XXXXXX) || exit 125
trap 'rm -rf "$dir"' EXIT
chmod 755 "$dir"
for p in "${copy[@]}"; do
	mkdir -p "$dir/$(dirname "$p")" &&
		cp -a "$root/$p" "$dir/$p" || exit 125
done
chmod -R a+rX "$dir" || exit 125
for p in "${private[@]}"; do
	chmod 700 "$dir/$p" || exit 125
done
cd "$dir" || exit 125
setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
