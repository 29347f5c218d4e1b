#!/usr/bin/env python3
"""Whether kbuild objects are part of a configured kernel tree's build.

usage: kbound-objconfig.py TREE OBJ...   (OBJ relative to TREE, e.g. drivers/base/arch_numa.o)

Prints one line per object: OBJ, a tab, then "in", "out CONFIG_X" (a Kconfig
symbol that puts it in the build is not set in include/config/auto.conf) or
"unknown". Reads the kbuild Makefiles the way they are written in-tree:
obj-$(CONFIG_X) += foo.o, composite objects (foo-y / foo-objs /
foo-$(CONFIG_Y) += bar.o with obj-$(CONFIG_X) += foo.o) and the directory
chain (obj-$(CONFIG_X) += dir/). A single-object `make dir/foo.o` compiles
any .c, enabled or not, so a compile error in an object that is "out" is the
configuration's doing, not the file's.
"""
import os
import re
import sys

ASSIGN = re.compile(r'^\s*([A-Za-z0-9_-]+?)-(\$\((CONFIG_[A-Za-z0-9_]+)\)|y|m|objs)\s*[:+]?=(.*)$')


def makefile_lines(d):
    for name in ("Kbuild", "Makefile"):
        path = os.path.join(d, name)
        if os.path.isfile(path):
            with open(path, errors="replace") as f:
                return f.read().replace("\\\n", " ").splitlines()
    return []


def guards(d, target):
    """(lhs, symbol or None) of each assignment in d's Makefile listing target."""
    out = []
    for line in makefile_lines(d):
        m = ASSIGN.match(line)
        if m and target in m.group(4).split():
            out.append((m.group(1), m.group(3)))
    return out


def state(tree, d, target, enabled, depth=0):
    """'in', ('out', sym) or 'unknown' for target (foo.o or sub/) in directory d."""
    if depth > 8:
        return "unknown"
    found = guards(d, target)
    if not found and not target.endswith("/"):
        # Listed by an ancestor's Makefile with its path (mlx5_core-y +=
        # sf/dev/dev.o, i915-y += gt/intel_gsc.o).
        rel, up = target, d
        for _ in range(4):
            if os.path.abspath(up) == os.path.abspath(tree):
                break
            rel, up = os.path.basename(up) + "/" + rel, os.path.dirname(up)
            if guards(up, rel):
                return state(tree, up, rel, enabled, depth + 1)
    if not found:
        return "unknown"
    result = None
    for lhs, sym in found:
        if sym and sym not in enabled:
            st = ("out", sym)
        elif lhs in ("obj", "lib", "core", "subdir", "always"):
            st = "in"
        else:  # part of the composite object lhs.o
            st = state(tree, d, lhs + ".o", enabled, depth + 1)
        if st == "in":
            result = "in"
            break
        if result is None or result == "unknown":
            result = st
    if result == "in" and os.path.abspath(d) != os.path.abspath(tree):
        parent = os.path.dirname(d)
        st = state(tree, parent, os.path.basename(d) + "/", enabled, depth + 1)
        if isinstance(st, tuple):
            return st
    return result


# Left-hand sides that do not name a composite object (a module).
NOT_MODULES = ("obj", "lib", "core", "subdir", "always", "extra", "hostprogs",
               "targets", "ccflags", "asflags", "ldflags", "subdir-ccflags")


def module_name(path):
    """KBUILD_MODNAME of the C file path: the composite object whose list
    names it (foo-y / foo-objs / foo-$(CONFIG_X) += bar.o in the kbuild
    Makefile of its directory, or of up to two directories above with the
    path from there: mlx5_core-y += sf/dev/dev.o), else the object's own
    name; '-' becomes '_' as kbuild does.  Used by the TM2 Coccinelle rule
    (cocci/kbound_cocci.py imports this file)."""
    path = os.path.abspath(path)
    obj = os.path.splitext(path)[0] + ".o"
    d = os.path.dirname(path)
    for _ in range(3):
        found = guards(d, os.path.relpath(obj, d))
        for lhs, _sym in found:
            if lhs not in NOT_MODULES:
                return lhs.replace("-", "_")
        if found:               # obj-m += bar.o: a module of its own
            break
        d = os.path.dirname(d)
    return os.path.splitext(os.path.basename(path))[0].replace("-", "_")


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    tree = sys.argv[1]
    enabled = set()
    try:
        with open(os.path.join(tree, "include/config/auto.conf")) as f:
            for line in f:
                m = re.match(r'^(CONFIG_[A-Za-z0-9_]+)=[ym]', line)
                if m:
                    enabled.add(m.group(1))
    except OSError:
        sys.stderr.write("kbound-objconfig: %s is not configured\n" % tree)
        return 2
    for obj in sys.argv[2:]:
        st = state(tree, os.path.join(tree, os.path.dirname(obj)),
                   os.path.basename(obj), enabled)
        print("%s\t%s" % (obj, "out " + st[1] if isinstance(st, tuple) else st))
    return 0


if __name__ == "__main__":
    sys.exit(main())
