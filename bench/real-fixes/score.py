#!/usr/bin/env python3
"""Recall of the real-fix benchmark from run.sh's results.tsv.

A case is caught by a tool when the tool reported its expected ID (or its
`Also:` ID) inside the buggy function. Reports there with other IDs only are
listed as wrong IDs. Cases that did not apply or scan count as misses and
are listed. Prints one table per case, then recall per tool, family and ID;
--markdown prints the per-case table for docs/real-fixes.md instead.
"""
import csv
import sys
from collections import defaultdict


def ids(cell):
    return {i for i in cell.split(",") if i}


def pct(k, n):
    return f"{k}/{n} ({100 * k / n:.0f}%)" if n else "-"


def markdown(rows):
    """The per-case table for docs/real-fixes.md."""
    print("| case | family | expected | checker | cocci | verdict |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        want = ids(r["expect"]) | ids(r["also"])
        ck, cc = ids(r["checker"]), ids(r["cocci"])
        hit = r["status"] == "ok" and bool(want & (ck | cc))
        exp = r["expect"] + (f" (or {r['also']})" if r["also"] else "")
        verdict = r["status"] if r["status"] != "ok" else \
            ("caught" if hit else "missed")
        print(f"| `{r['case']}` | {r['family']} | {exp} | "
              f"{', '.join(sorted(ck)) or '-'} | {', '.join(sorted(cc)) or '-'} "
              f"| {verdict} |")


def main(path, md=False):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    if not rows:
        print("no cases")
        return 1
    if md:
        markdown(rows)
        return 0
    tally = defaultdict(lambda: [0, 0, 0, 0])  # cases, checker, cocci, either
    wrong, failed = [], []
    print(f"{'case':40} {'fam':9} {'exp':4} {'checker':12} {'cocci':12} verdict")
    for r in rows:
        want = ids(r["expect"]) | ids(r["also"])
        ck, cc = ids(r["checker"]), ids(r["cocci"])
        hit_ck, hit_cc = bool(want & ck), bool(want & cc)
        if r["status"] != "ok":
            failed.append(f"{r['case']}: {r['status']}")
            verdict = r["status"]
        else:
            verdict = "caught" if hit_ck or hit_cc else "missed"
            for tool, got, hit in (("checker", ck, hit_ck), ("cocci", cc, hit_cc)):
                if got and not hit:
                    wrong.append(f"{r['case']}: {tool} said {','.join(sorted(got))}, "
                                 f"expected {r['expect']}")
        print(f"{r['case']:40} {r['family']:9} {r['expect']:4} "
              f"{','.join(sorted(ck)) or '-':12} {','.join(sorted(cc)) or '-':12} {verdict}")
        for key in ("all", "family " + r["family"], "ID " + r["expect"]):
            t = tally[key]
            t[0] += 1
            t[1] += hit_ck
            t[2] += hit_cc
            t[3] += hit_ck or hit_cc
    print()
    print(f"{'':22} {'cases':>5} {'checker':>12} {'cocci':>12} {'either':>12}")
    order = ["all"] + sorted(k for k in tally if k.startswith("family")) + \
        sorted(k for k in tally if k.startswith("ID"))
    for k in order:
        n, a, b, e = tally[k]
        print(f"{k:22} {n:5} {pct(a, n):>12} {pct(b, n):>12} {pct(e, n):>12}")
    if wrong:
        print("\nreported inside the function with another ID only:")
        for w in wrong:
            print("  " + w)
    if failed:
        print("\nnot scanned (counted as missed):")
        for w in failed:
            print("  " + w)
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    md = "--markdown" in args
    args = [a for a in args if a != "--markdown"]
    if len(args) != 1:
        sys.exit("usage: score.py [--markdown] results.tsv")
    sys.exit(main(args[0], md))
