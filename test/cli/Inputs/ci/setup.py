"""Make a scan output directory and its tree from the canned inputs here.

    setup.py DEST [--shift N] [--new] [--only ID,...]

DEST/tree: the tree (tree/ here); DEST/out: a scan's output (out/ here: a
plist with path notes, Coccinelle reports), @TREE@ replaced by DEST/tree's
absolute path. --shift N: an unrelated edit, N lines added at the top of
drivers/foo/foo.c, and every line the tools report in it moved by N.
--new: a real change, a function with a new UA2 bug appended to foo.c and
its report added to the rule's output. --only: keep only the findings of
these check IDs (both tools).
"""
import argparse
import os
import plistlib
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
FOO = "drivers/foo/foo.c"
NEW = """
static int foo_again(struct foo *foo)
{
	int ret = auxiliary_device_init(&foo->adev);

	if (ret)
		return ret;
	kfree(foo);
	return -EIO;
}
"""

ap = argparse.ArgumentParser()
ap.add_argument("dest")
ap.add_argument("--shift", type=int, default=0)
ap.add_argument("--new", action="store_true")
ap.add_argument("--only", help="comma-separated check IDs")
args = ap.parse_args()
dest = os.path.abspath(args.dest)
tree = os.path.join(dest, "tree")
shutil.copytree(os.path.join(HERE, "tree"), tree)
shutil.copytree(os.path.join(HERE, "out"), os.path.join(dest, "out"))
foo = os.path.join(tree, FOO)

with open(foo) as f:
    text = f.read()
if args.shift:
    added = "/* an unrelated edit */\n" + "#include <linux/slab.h>\n" * (args.shift - 1)
    text = text.replace("#include <linux/auxiliary_bus.h>\n", added +
                        "#include <linux/auxiliary_bus.h>\n", 1)
if args.new:
    new_line = text.count("\n") + NEW[:NEW.index("kfree")].count("\n") + 1
    text += NEW
with open(foo, "w") as f:
    f.write(text)

plist = os.path.join(dest, "out", "html", "x", "report.plist")
with open(plist, "rb") as f:
    data = plistlib.load(f)
data["files"] = [p.replace("@TREE@", tree) for p in data["files"]]


def shift(node):
    if isinstance(node, dict):
        if "line" in node and node.get("file") == 0:
            node["line"] += args.shift
        for v in node.values():
            shift(v)
    elif isinstance(node, list):
        for v in node:
            shift(v)


shift(data["diagnostics"])
keep = lambda msg: not args.only or not msg.startswith("[") or \
    msg[1:4] in args.only.split(",")
data["diagnostics"] = [d for d in data["diagnostics"] if keep(d["description"])]
with open(plist, "wb") as f:
    plistlib.dump(data, f)

cocci = os.path.join(dest, "out", "cocci")
for name in os.listdir(cocci):
    path = os.path.join(cocci, name)
    with open(path) as f:
        text = f.read().replace("@TREE@", tree)
    text = re.sub(r"^(%s):(\d+):" % re.escape(FOO),
                  lambda m: "%s:%d:" % (m.group(1), int(m.group(2)) + args.shift),
                  text, flags=re.M)
    if args.new and name == "ua2_kfree_after_init.txt":
        text += "%s:%d:1-6: [UA2] kfree() of an auxiliary device after " \
                "auxiliary_device_init() succeeded\n" % (FOO, new_line)
    text = "".join(l for l in text.splitlines(True)
                   if keep(l.split(": ", 1)[-1]))
    with open(path, "w") as f:
        f.write(text)
