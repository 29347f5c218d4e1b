#!/usr/bin/env python3
"""The make variables that build a configured kernel tree with its own tools.

usage: kbound-kbuildvars.py TREE [VAR=VALUE...]

kbuild records in include/config/auto.conf.cmd the tools a tree was
configured with (CC_VERSION_TEXT, LD, AR, SRCARCH, ...) and reconfigures the
tree, rewriting .config, when a later make sees others. kbound must build the
objects it scans without that, whether the tree was configured for gcc or
for clang: this prints, one a line, the variables to pass to make (LLVM=-19,
CROSS_COMPILE=..., CC=clang-19, ARCH=...; nothing for a native gcc tree), or,
when the tools cannot be matched, says so and exits 2. VAR=VALUE given on
kbound's command line are taken as the user's choice, and checked the same
way. Exit status: 0 matched, 2 not.
"""
import os
import platform
import re
import shutil
import subprocess
import sys

# uname -m -> kbuild's SRCARCH
HOST_ARCH = {"x86_64": "x86", "i686": "x86", "i386": "x86", "aarch64": "arm64",
             "arm64": "arm64", "riscv64": "riscv", "ppc64le": "powerpc",
             "s390x": "s390", "loongarch64": "loongarch"}


def version_text(cc):
    """What kbuild's CC_VERSION_TEXT would be with CC=cc."""
    try:
        out = subprocess.run([cc, "--version"], capture_output=True, text=True,
                             env=dict(os.environ, LC_ALL="C"), timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    first = out.splitlines()[0] if out else ""
    return first.replace("#", "").strip()


def clang_candidates():
    names = ["clang"] + ["clang-%d" % n for n in range(30, 9, -1)]
    for n in names:
        path = shutil.which(n)
        if path:
            yield n


def llvm_value(ar):
    """LLVM= from the AR kbuild recorded, or None when it is not LLVM's."""
    m = re.fullmatch(r"(.*/)?llvm-ar(-\d+)?", ar)
    if not m:
        return None
    if m.group(1):
        return m.group(1)
    return m.group(2) or "1"


def tools_for(vs):
    """CC and LD as kbuild's top Makefile derives them from vs."""
    llvm = vs.get("LLVM", "")
    cross = vs.get("CROSS_COMPILE", "")
    if llvm:
        prefix = llvm if llvm.endswith("/") else ""
        suffix = llvm if llvm.startswith("-") else ""
        cc, ld = prefix + "clang" + suffix, prefix + "ld.lld" + suffix
    else:
        cc, ld = cross + "gcc", cross + "ld"
    return vs.get("CC", cc), vs.get("LD", ld)


def main():
    if len(sys.argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    tree, given = sys.argv[1], sys.argv[2:]
    with open(os.path.join(tree, "include/config/auto.conf.cmd"), errors="replace") as f:
        recorded = dict(re.findall(r'^ifneq "\$\((\w+)\)" "(.*)"$', f.read(), re.M))
    vs = {}
    for g in given:
        name, _, value = g.partition("=")
        vs[name] = value
    cc_text = recorded.get("CC_VERSION_TEXT", "")
    if not given:
        ar = recorded.get("AR", "")
        llvm = llvm_value(ar)
        if llvm:
            vs["LLVM"] = llvm
        elif ar.endswith("-ar"):
            vs["CROSS_COMPILE"] = ar[:-2]
        arch = recorded.get("SRCARCH")
        if arch and arch != HOST_ARCH.get(platform.machine(), platform.machine()):
            vs["ARCH"] = arch
        if not llvm and "clang" in cc_text:
            # make CC=clang-N without LLVM=: find the clang that says so.
            for cand in clang_candidates():
                if version_text(cand) == cc_text:
                    vs["CC"] = cand
                    break
    cc, ld = tools_for(vs)
    have = version_text(cc)
    args = " ".join("%s=%s" % kv for kv in vs.items()) or "(no variables)"
    if cc_text and have != cc_text:
        sys.stderr.write(
            "kbound: error: %s was configured with the compiler '%s', but make %s "
            "would use %s, which is %s. kbound builds the scanned objects with the "
            "tree's own tools, never reconfiguring it: pass the make variables the "
            "tree was configured with to kbound (e.g. LLVM=-19, or CC=...), or "
            "install that compiler.\n"
            % (tree, cc_text, args, cc, "'%s'" % have if have else "not installed"))
        return 2
    rec_ld = recorded.get("LD")
    if rec_ld and rec_ld != ld:
        sys.stderr.write(
            "kbound: error: %s was configured with LD=%s, but make %s would use "
            "LD=%s and reconfigure the tree; pass the variables it was configured "
            "with (e.g. LLVM=..., LD=...).\n" % (tree, rec_ld, args, ld))
        return 2
    for kv in vs.items():
        print("%s=%s" % kv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
