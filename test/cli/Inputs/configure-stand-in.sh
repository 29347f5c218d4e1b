#!/usr/bin/env bash
# configure-stand-in.sh TREE gcc|clang|other: write TREE's
# include/config/auto.conf.cmd the way kbuild records the tools a tree was
# configured with (its version text, LD, AR, SRCARCH), for a native gcc
# build, an LLVM=-19 build, or a compiler this machine does not have.
set -euo pipefail
tree=$1 kind=$2
case "$kind" in
gcc) text=$(LC_ALL=C gcc --version | head -n1) ld=ld ar=ar ;;
clang) text=$(LC_ALL=C clang-19 --version | head -n1) ld=ld.lld-19 ar=llvm-ar-19 ;;
other) text="gcc (Other) 99.1.0" ld=ld ar=ar ;;
*) echo "usage: $0 TREE gcc|clang|other" >&2; exit 2 ;;
esac
mkdir -p "$tree/include/config"
{
	for kv in "CC_VERSION_TEXT=$text" "LD=$ld" "AR=$ar" "SRCARCH=x86"; do
		printf 'ifneq "$(%s)" "%s"\n$(autoconfig): FORCE\nendif\n\n' "${kv%%=*}" "${kv#*=}"
	done
} >"$tree/include/config/auto.conf.cmd"
