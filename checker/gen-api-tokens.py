#!/usr/bin/env python3
"""Turn checker/KboundAPI.def into the files the shell and Python read.

  api.tsv          one row per function/pattern/record: kind, name, family,
                   role (the table, for scripts and for people)
  api-tokens.ere   one line, a grep -E expression matching any word of the
                   device families (the scanner's and bin/kbound-check's
                   selection of files that use the API)

usage: gen-api-tokens.py KboundAPI.def [EXTRA.def ...] OUTDIR
  EXTRA.def  a site's own rows (cmake -DKBOUND_EXTRA_API_DEF=FILE)
"""
import os
import re
import sys

# Words that select a file for scanning: every word of the auxiliary bus and
# the registration-data API, and the calls that set up a device of the other
# driver-core families (a file that only puts or names a device has nothing
# to leak). Memory and Kernel helpers (kfree, IS_ERR, logging) are everywhere
# and select nothing.
SELECTING = {"Auxiliary", "RegData"}
SETUP_FAMILIES = {"Device", "Platform"}
SETUP_ROLES = {"Init", "InitAdd", "AllocInit", "Create", "CreateManaged"}


def selects(kind, family, role):
    """'prefix' (matched anywhere, as auxiliary_* words are), 'word' (a whole
    word: device_register must not select snd_device_register), or None."""
    if kind == "PATTERN":
        return None
    if family in SELECTING:
        return "prefix"
    if kind == "FUNC" and family in SETUP_FAMILIES and role in SETUP_ROLES:
        return "word"
    return None


ROW = re.compile(r"^\s*KBOUND_(FUNC|PATTERN|RECORD)\((.*)\)\s*$")


def rows(path):
    for line in open(path, encoding="utf-8"):
        m = ROW.match(line)
        if not m:
            continue
        kind = m.group(1)
        args = [a.strip().strip('"') for a in m.group(2).split(",")]
        if kind == "FUNC":
            yield kind, args[0], args[1], args[2]
        elif kind == "PATTERN":
            yield kind, args[1], args[3], args[4]
        else:
            yield kind, args[0], args[1], args[2]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    outdir = sys.argv[-1]
    table = [row for path in sys.argv[1:-1] for row in rows(path)]
    if not table:
        sys.exit("gen-api-tokens: no KBOUND_ rows in %s" % sys.argv[1])
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "api.tsv"), "w") as out:
        out.write("# kind\tname\tfamily\trole (generated from KboundAPI.def)\n")
        for row in table:
            out.write("\t".join(row) + "\n")
    prefix = sorted({name for kind, name, fam, role in table
                     if selects(kind, fam, role) == "prefix"})
    # A word that contains another selecting word adds nothing to the
    # expression (grep matches substrings): keep the shortest forms.
    prefix = [w for w in prefix
              if not any(o != w and o in w for o in prefix)]
    words = sorted({name for kind, name, fam, role in table
                    if selects(kind, fam, role) == "word"})
    parts = []
    if prefix:
        parts.append("(%s)" % "|".join(re.escape(w) for w in prefix))
    if words:
        parts.append("\\b(%s)\\b" % "|".join(re.escape(w) for w in words))
    with open(os.path.join(outdir, "api-tokens.ere"), "w") as out:
        out.write("|".join(parts) + "\n")

if __name__ == "__main__":
    main()
