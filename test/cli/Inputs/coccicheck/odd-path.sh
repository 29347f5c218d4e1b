#!/usr/bin/env bash
# odd-path.sh ROOT WORK ARGS...: copies the kbound checkout's bin/,
# cocci/ and checker/KboundAPI.def (the rules' API table) (ROOT) and the
# stand-in tree (TREE, the folder of this script's tree/ with the test's
# sources added: $WORK/tree) under
# WORK/kb dir/it's $x & y/, then runs the copy's bin/kbound coccicheck -C
# on the copied tree with ARGS. test/cli/coccicheck.test: every path
# kbound coccicheck handles may hold spaces, quotes, '$' and '&'.
set -eu
root=$1 work=$2
shift 2
odd="$work/kb dir/it's \$x & y"
rm -rf "$work/kb dir"
mkdir -p "$odd/kbound"
cp -r "$root/bin" "$root/cocci" "$odd/kbound/"
mkdir "$odd/kbound/checker"
cp "$root/checker/KboundAPI.def" "$odd/kbound/checker/"
cp -r "$work/tree" "$odd/the tree"
exec "$odd/kbound/bin/kbound" coccicheck -C "$odd/the tree" "$@"
