#!/usr/bin/env python3
"""Merge scan-build's plists and the Coccinelle reports into one summary.

Writes OUT/kbound.txt (plain text) and OUT/kbound.sarif (SARIF 2.1.0 for
code-scanning tools), prints the summary, and exits like a linter: 0 when
nothing was found, 1 with findings, 2 when part of the scan failed. Inline
suppressions silence a finding (listed as suppressed); with --baseline only
findings that the previous scan did not have (new ones) make it 1. See
docs/ci.md.
"""
import argparse
import glob
import hashlib
import json
import os
import sys
from collections import defaultdict

sys.dont_write_bytecode = True  # no __pycache__ in the checkout
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bin", "lib"))
import kbound_baseline  # noqa: E402
import kbound_findings  # noqa: E402
import kbound_sarif  # noqa: E402
import kbound_suppress  # noqa: E402
from kbound_source import Source  # noqa: E402


class Sources:
    """The tree's files, read once each (None: unreadable)."""

    def __init__(self, tree):
        self.tree, self.cache = tree, {}

    def __call__(self, fname):
        if fname not in self.cache:
            path = fname if os.path.isabs(fname) else os.path.join(self.tree, fname)
            try:
                with open(path, errors="replace") as f:
                    self.cache[fname] = Source(f.read())
            except OSError:
                self.cache[fname] = None
        return self.cache[fname]


def scanned_files(out, tree):
    """The files the rules were run on (OUT/cocci/files.lst), relative."""
    names = set()
    for lst in glob.glob(os.path.join(out, "cocci", "*files.lst")):
        with open(lst, errors="replace") as f:
            names |= {kbound_findings.relpath(os.path.join(tree, l.strip()), tree)
                      for l in f if l.strip()}
    return names


def suppressions(bugs, files, sources, known):
    """Mark suppressed bugs (bug['suppressed'] = reason); return the
    malformed suppressions: (file, line, text, problem, fingerprint)."""
    malformed, per_file = [], {}
    with_bugs = {b["file"] for b in bugs}
    for fname in sorted(files):
        if fname in with_bugs:
            src = sources(fname)
        else:  # only for its comments: not kept, skipped without one
            src = _source_with_marker(os.path.join(sources.tree, fname))
        per_file[fname] = kbound_suppress.scan(src, known) if src else []
        for first, last, ids, reason, problem, text in per_file[fname]:
            if problem:
                fp = hashlib.sha256("\0".join((fname, text)).encode()).hexdigest()[:24]
                malformed.append((fname, first, text, problem, fp + ":0"))
    for b in bugs:
        b["suppressed"] = kbound_suppress.find(per_file.get(b["file"], []), b["id"],
                                               b["lines"])
    return malformed


def _source_with_marker(path):
    try:
        with open(path, errors="replace") as f:
            text = f.read()
    except OSError:
        return None
    if "kbound-suppress" in text or "codechecker_" in text:
        return Source(text)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tree", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--errors", type=int, default=0,
                    help="1 if part of the scan failed")
    ap.add_argument("--failed", action="append", default=[],
                    help="FILE: REASON for a file that did not build or crashed")
    ap.add_argument("--skipped", action="append", default=[],
                    help="FILE: REASON for a selected file that is no object")
    ap.add_argument("--objects", type=int, default=-1,
                    help="how many objects the checker was run on")
    ap.add_argument("--baseline", metavar="PREV",
                    help="a previous scan's kbound.sarif or output directory")
    args = ap.parse_args()
    if not os.path.isdir(args.out):
        sys.stderr.write("kbound-report: no scan output at %s\n" % args.out)
        return 2
    tree = os.path.abspath(args.tree)
    base = None
    if args.baseline:
        try:
            base = kbound_baseline.load(args.baseline)
        except (OSError, ValueError) as e:
            sys.stderr.write("kbound-report: --baseline: %s\n" % e)
            return 2

    findings = kbound_findings.read_scan(args.out, tree)
    bugs = kbound_findings.pair(findings)
    sources = Sources(tree)
    kbound_baseline.fingerprint_all(bugs, sources)
    known = kbound_suppress.known_ids(ROOT)
    files = {b["file"] for b in bugs} | scanned_files(args.out, tree)
    malformed = suppressions(bugs, files, sources, known)
    fixed = kbound_baseline.compare(bugs, base) if base is not None else []

    per_id = defaultdict(lambda: defaultdict(int))
    for f in findings:
        per_id[f["id"]][kbound_findings.kind(f)] += 1

    lines = ["kbound scan of %s" % tree, ""]
    lines.append("%-6s %8s %8s" % ("ID", "checker", "cocci"))
    for cid in sorted(per_id):
        lines.append("%-6s %8d %8d" % (cid, per_id[cid]["checker"], per_id[cid]["cocci"]))
    lines.append("%-6s %8d %8d" % ("total",
                                   sum(v["checker"] for v in per_id.values()),
                                   sum(v["cocci"] for v in per_id.values())))
    lines.append("")
    current = None
    for b in bugs:
        if b["file"] != current:
            current = b["file"]
            lines.append(current)
        mark = ""
        if b["suppressed"] is not None:
            mark = "(suppressed) "
        elif b.get("baseline") == "new":
            mark = "(new) "
        lines.append("  %5d %-4s checker:%-3s cocci:%-3s %s%s" % (
            b["line"], b["id"], b["checker"] or "-", b["cocci"] or "-", mark, b["msg"]))
    supp = [b for b in bugs if b["suppressed"] is not None]
    if supp or malformed:
        lines.append("")
        lines.append("suppressed: %d" % len(supp))
        for b in supp:
            lines.append("  %s:%d %s (%s): %s" % (b["file"], b["line"], b["id"],
                                                  ", ".join(b["tools"]), b["suppressed"]))
        lines.append("malformed suppressions: %d" % len(malformed))
        for fname, line, text, problem, _ in malformed:
            lines.append("  %s:%d: %s: %s" % (fname, line, problem, text))
    live = [b for b in bugs if b["suppressed"] is None]
    counts = None
    if base is not None:
        new = [b for b in live if b["baseline"] == "new"]
        counts = {"new": len(new), "unchanged": len(live) - len(new), "fixed": len(fixed)}
        lines.append("")
        lines.append("baseline %s: %d new, %d unchanged, %d fixed" % (
            args.baseline, counts["new"], counts["unchanged"], counts["fixed"]))
        for b in new:
            lines.append("  new    %s:%d %s %s" % (b["file"], b["line"], b["id"], b["msg"]))
        for r in fixed:
            lines.append("  fixed  %s:%d %s %s" % (r["file"], r["line"], r["id"], r["msg"]))
    if args.objects >= 0:
        lines.append("")
        lines.append("objects: %d selected, %d analyzed, %d failed, %d skipped" % (
            args.objects, args.objects - len(args.failed) - len(args.skipped),
            len(args.failed), len(args.skipped)))
    for failed in args.failed:
        lines.append("FAILED  %s" % failed)
    for skipped in args.skipped:
        lines.append("SKIPPED %s" % skipped)
    lines.append("")
    html_dirs = sorted(glob.glob(os.path.join(args.out, "html", "*", "index.html")))
    if html_dirs:
        html = html_dirs[-1]
    elif any(f["tool"] == "checker" for f in findings):
        html = os.path.join(args.out, "html")
    else:
        html = os.path.join(args.out, "html") + " (no checker findings)"
    lines.append("HTML report: %s" % html)
    lines.append("SARIF:       %s" % os.path.join(args.out, "kbound.sarif"))
    lines.append("text:        %s" % os.path.join(args.out, "kbound.txt"))

    log = kbound_sarif.log(bugs, malformed, tree, ROOT, args.errors,
                           [kbound_findings.relative_message(f, tree) for f in args.failed],
                           counts)
    with open(os.path.join(args.out, "kbound.sarif"), "w") as f:
        json.dump(log, f, indent=1)
    text = "\n".join(lines) + "\n"
    with open(os.path.join(args.out, "kbound.txt"), "w") as f:
        f.write(text)
    sys.stdout.write(text)
    if args.errors or args.failed:
        return 2
    if base is not None:
        return 1 if counts["new"] else 0
    return 1 if live else 0



if __name__ == "__main__":
    sys.exit(main())
