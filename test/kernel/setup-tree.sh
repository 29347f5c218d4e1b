#!/usr/bin/env bash
# Set up a configured Linux 6.12 tree (Debian's linux-source-6.12) for kbound's
# integration runs: download, extract, `make LLVM=-19 allmodconfig`, `make prepare`.
#
# usage: test/kernel/setup-tree.sh [TREE]        (default TREE: /work/linux/src)
#
# Idempotent: every step is skipped when its result is already there, so a
# second run only checks. Environment:
#   KBOUND_DL_DIR   where the .deb is downloaded and unpacked (default: /work/dl)
#   KBOUND_JOBS     make -j value (default: nproc)
#   KBOUND_LLVM_DIR the LLVM installation (default /usr/lib/llvm-19; kbuild's
#                   LLVM= value follows from it: -19), as for bin/kbound
set -euo pipefail

KB_PROG=setup-tree
# shellcheck source=../../bin/lib/kbound.sh
. "$(dirname "$(readlink -f "$0")")/../../bin/lib/kbound.sh"
TREE=${1:-/work/linux/src}
DL=${KBOUND_DL_DIR:-/work/dl}
PKG=linux-source-6.12
TARBALL_REL=usr/src/$PKG.tar.xz

die() { echo "setup-tree: error: $*" >&2; exit 1; }
say() { echo "setup-tree: $*"; }

# Tools a clang-built allmodconfig `prepare` needs (objtool wants libelf, certs want
# openssl headers). Print the one apt-get line rather than half-working.
missing=()
for t in clang$LLVM_SUFFIX ld.lld$LLVM_SUFFIX llvm-ar$LLVM_SUFFIX make flex bison bc \
	 perl xz dpkg-deb; do
	command -v "$t" >/dev/null 2>&1 || missing+=("$t")
done
[ -e /usr/include/libelf.h ] || missing+=(libelf-dev)
[ -e /usr/include/openssl/ssl.h ] || missing+=(libssl-dev)
if [ ${#missing[@]} -gt 0 ]; then
	die "missing: ${missing[*]}
  install with: apt-get install clang$LLVM_SUFFIX lld$LLVM_SUFFIX llvm$LLVM_SUFFIX make flex bison bc perl xz-utils libelf-dev libssl-dev"
fi

# 1. The source tarball.
tarball=$DL/$TARBALL_REL
if [ -f "$TREE/Makefile" ] && grep -q '^PATCHLEVEL = 12$' "$TREE/Makefile"; then
	say "tree already extracted at $TREE"
else
	[ -e "$TREE" ] && [ -n "$(ls -A "$TREE" 2>/dev/null)" ] &&
		die "$TREE exists but is not a linux 6.12 tree; remove it or pick another path"
	mkdir -p "$DL"
	if [ ! -f "$tarball" ]; then
		deb=$(ls "$DL"/${PKG}_*_all.deb 2>/dev/null | sort -V | tail -n1 || true)
		if [ -z "$deb" ]; then
			say "downloading $PKG into $DL"
			(cd "$DL" && apt-get download "$PKG") ||
				die "apt-get download $PKG failed (run 'apt-get update' first?)"
			deb=$(ls "$DL"/${PKG}_*_all.deb | sort -V | tail -n1)
		fi
		say "unpacking $deb"
		dpkg-deb -x "$deb" "$DL" || die "dpkg-deb -x $deb failed"
		[ -f "$tarball" ] || die "$deb does not contain $TARBALL_REL"
	fi
	parent=$(dirname "$TREE")
	mkdir -p "$parent"
	tmp=$(mktemp -d "$parent/.extract.XXXXXX")
	say "extracting $tarball"
	tar -xJf "$tarball" -C "$tmp" || { rm -rf "$tmp"; die "tar failed on $tarball"; }
	[ -d "$tmp/$PKG" ] || { rm -rf "$tmp"; die "tarball has no top directory $PKG"; }
	rmdir "$TREE" 2>/dev/null || true
	mv "$tmp/$PKG" "$TREE"
	rmdir "$tmp"
fi

cd "$TREE"
MAKE=(make "LLVM=$LLVM_SUFFIX" "-j$JOBS")

# 2. allmodconfig, built for this clang (the .config records the compiler version:
# a config made by another compiler would be silently re-synced by kbuild).
want_ver=$(clang$LLVM_SUFFIX -dumpversion | awk -F. '{ printf "%d%02d%02d", $1, $2, $3 }')
if [ -f .config ] && grep -q '^CONFIG_CC_IS_CLANG=y' .config &&
   grep -q "^CONFIG_CLANG_VERSION=$want_ver\$" .config &&
   [ -f .kbound-allmodconfig ]; then
	say "allmodconfig already done"
else
	say "make LLVM=$LLVM_SUFFIX allmodconfig"
	"${MAKE[@]}" allmodconfig || die "allmodconfig failed"
	touch .kbound-allmodconfig
fi

# 3. prepare: generated headers, asm-offsets, objtool; what single-object builds need.
if [ -f .kbound-prepared ] && [ .kbound-prepared -nt .config ] &&
   [ -f include/generated/autoconf.h ] && [ -f include/generated/asm-offsets.h ]; then
	say "prepare already done"
else
	say "make LLVM=$LLVM_SUFFIX -j$JOBS prepare"
	start=$(date +%s)
	"${MAKE[@]}" prepare || die "make prepare failed"
	touch .kbound-prepared
	say "prepare took $(( $(date +%s) - start )) s"
fi
say "ready: $TREE"
