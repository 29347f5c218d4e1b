#!/usr/bin/env bash
# .ci/llvm-leg.sh N: build kbound against Debian's LLVM N (/usr/lib/llvm-N)
# in a fresh temporary build directory and run the lit suite's checker and
# Coccinelle rule tests (test/checker, test/cocci) with LLVM N's lit.
#
# Installs the Debian packages for LLVM N when they are missing (as root;
# otherwise it prints the apt-get line and exits 2). Prints one summary line,
#   llvm-leg N: X passed, Y failed in S s
# (or 'llvm-leg N: build failed in S s') and exits 0 only if the build
# succeeded and no test failed. KBOUND_LEG_KEEP=1 keeps the build directory.
# Versions and timings: docs/llvm-versions.md.
set -u -o pipefail

usage() {
  echo "usage: $0 N   (LLVM major, 14 or newer)" >&2
  exit 2
}
[ $# -eq 1 ] || usage
N=$1
case $N in
'' | *[!0-9]*) usage ;;
esac
if [ "$N" -lt 14 ]; then
  echo "llvm-leg: kbound needs LLVM 14 or newer, not $N" >&2
  exit 2
fi

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd) || exit 2
llvm="/usr/lib/llvm-$N"
lit="$llvm/build/utils/lit/lit.py"
start=$(date +%s)
elapsed() { echo $(($(date +%s) - start)); }

# What the build and the tests need: LLVM N's headers, CMake packages, clang,
# scan-build, FileCheck and lit; the tools every leg shares.
pkgs=("clang-$N" "libclang-$N-dev" "llvm-$N-dev" "llvm-$N-tools"
      "clang-tools-$N" cmake make g++ python3 coccinelle libsqlite3-dev)
missing=()
for p in "${pkgs[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) || status=
  case $status in
  *" installed") ;;
  *) missing+=("$p") ;;
  esac
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "llvm-leg $N: missing packages; as root run:" >&2
    echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 2
  fi
  echo "llvm-leg $N: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -q && apt-get install -y -q --no-install-recommends \
           "${missing[@]}"; }; then
    echo "llvm-leg $N: apt-get failed in $(elapsed) s" >&2
    exit 2
  fi
fi

build=$(mktemp -d "${TMPDIR:-/tmp}/kbound-llvm-$N.XXXXXX") || exit 2
cleanup() {
  if [ "${KBOUND_LEG_KEEP:-0}" = 1 ]; then
    echo "llvm-leg $N: build directory kept: $build"
  else
    rm -rf -- "$build"
  fi
}
trap cleanup EXIT

# Only what test/checker and test/cocci use: the plugin and the API token
# files (not the fixture programs). Release: the default build's -O2 without
# its debug info, which costs compile time and changes no result.
echo "llvm-leg $N: configuring and building in $build"
if ! cmake -S "$root" -B "$build" -DKBOUND_LLVM_ROOT="$llvm" \
       -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
       >"$build/configure.log" 2>&1 ||
   ! cmake --build "$build" -j2 --target kbound kbound_api_tokens \
       >"$build/build.log" 2>&1; then
  tail -n 40 -- "$build/configure.log" "$build/build.log" >&2 2>/dev/null
  echo "llvm-leg $N: build failed in $(elapsed) s"
  exit 1
fi
if [ "$(cat -- "$build/share/kbound/llvm-major")" != "$N" ]; then
  echo "llvm-leg $N: the build is for LLVM" \
       "$(cat -- "$build/share/kbound/llvm-major"), not $N" >&2
  echo "llvm-leg $N: build failed in $(elapsed) s"
  exit 1
fi
echo "llvm-leg $N: built in $(elapsed) s; running lit"

# -sv: one line per failure, with its output; -o: the results to count.
python3 "$lit" -sv -j2 -o "$build/lit.json" \
  "$build/test/checker" "$build/test/cocci" "$build/test/facts"
lit_status=$?
counts=$(python3 - "$build/lit.json" <<'EOF'
import json, sys
try:
    with open(sys.argv[1]) as f:
        tests = json.load(f)["tests"]
except (OSError, ValueError, KeyError):
    print("0 0")
    sys.exit(0)
good = {"PASS", "XFAIL", "FLAKYPASS"}
neutral = {"UNSUPPORTED", "EXCLUDED", "SKIPPED"}
passed = sum(t["code"] in good for t in tests)
failed = sum(t["code"] not in good and t["code"] not in neutral
             for t in tests)
print(passed, failed)
EOF
)
read -r passed failed <<<"$counts"
# lit failing without a failed test (a bad config, no tests found) is a
# failure too.
if [ "$lit_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "llvm-leg $N: $passed passed, $failed failed in $(elapsed) s"
[ "$failed" -eq 0 ]
