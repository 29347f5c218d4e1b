#!/usr/bin/env bash
# readme-scan-build.sh SCAN_BUILD PLUGIN CLANG HTML: the README's scan-build
# line in the current folder, as a user pastes it: the plugin loaded by its
# absolute path, copied first to a folder without white space when its path
# has some (scan-build hands plugins to each compile in one space-separated
# variable), as the README says.
set -uo pipefail
scan_build=$1 plugin=$2 clang=$3 html=$4
case "$plugin" in
*[[:space:]]*)
	tmp=$(mktemp -d /tmp/kbound-readme.XXXXXX) || exit 2
	trap 'rm -rf "$tmp"' EXIT
	cp "$plugin" "$tmp/kbound.so" || exit 2
	plugin=$tmp/kbound.so ;;
esac
"$scan_build" -o "$html" -load-plugin "$plugin" -enable-checker kbound --use-cc="$clang" make
