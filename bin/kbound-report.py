#!/usr/bin/env python3
"""Merge scan-build's plists and the Coccinelle reports into one summary.

Writes OUT/kbound.txt (plain text) and OUT/kbound.sarif (SARIF 2.1.0 for
code-scanning tools), prints the summary, and exits like a linter: 0 when
nothing was found, 1 with findings, 2 when part of the scan failed.
"""
import argparse
import glob
import json
import os
import pathlib
import plistlib
import re
import sys
import urllib.parse
from collections import defaultdict

ID_RE = re.compile(r"^\[([A-Z]{2}\d)\]\s*")
# coccilib.report.print_report: "file:line:col-col: message" (the file's
# path may hold spaces: the tree may live in any folder)
COCCI_RE = re.compile(r"^(?P<file>[^:]+?):(?P<line>\d+):\d+-\d+: (?P<msg>\[[A-Z]{2}\d\].*)$")


def checker_findings(html_dir):
    """Findings from scan-build's -plist-html output."""
    out = []
    for plist in glob.glob(os.path.join(html_dir, "**", "*.plist"), recursive=True):
        try:
            with open(plist, "rb") as f:
                data = plistlib.load(f)
        except (OSError, plistlib.InvalidFileException, ValueError):
            continue
        files = data.get("files", [])
        for diag in data.get("diagnostics", []):
            msg = diag.get("description", "")
            m = ID_RE.match(msg)
            if not m:
                continue  # a core checker's warning; scan-build's HTML has it
            loc = diag.get("location", {})
            fname = files[loc.get("file", 0)] if files else "?"
            # Lines of the path's notes in the same file: a rule that anchors
            # the same bug at one of them (RL5 at the uninit, the checker at
            # the path's end) is the same finding.
            notes = set(ev.get("location", {}).get("line", 0)
                        for ev in diag.get("path", [])
                        if ev.get("kind") == "event" and
                        ev.get("location", {}).get("file") == loc.get("file", 0))
            out.append({"id": m.group(1), "file": fname,
                        "line": loc.get("line", 0), "msg": msg, "tool": "checker",
                        "notes": notes,
                        "html": diag.get("HTMLDiagnostics_files", [""])[0]})
    return out


def cocci_findings(cocci_dir):
    out = []
    for txt in sorted(glob.glob(os.path.join(cocci_dir, "*.txt"))):
        rule = os.path.basename(txt)[:-4]
        with open(txt, errors="replace") as f:
            for line in f:
                m = COCCI_RE.match(line.strip())
                if not m:
                    continue
                msg = m.group("msg")
                out.append({"id": ID_RE.match(msg).group(1),
                            "file": m.group("file"), "line": int(m.group("line")),
                            "msg": msg, "tool": "cocci:" + rule})
    return out


def relpath(path, tree):
    path = os.path.normpath(path)
    return os.path.relpath(path, tree) if path.startswith(tree + os.sep) else path


def sarif(findings, tree):
    rules = sorted({f["id"] for f in findings})
    results = [{
        "ruleId": f["id"],
        "level": "warning",
        "message": {"text": f["msg"]},
        "properties": {"tool": f["tool"]},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": urllib.parse.quote(f["file"]),
                                 "uriBaseId": "SRCROOT"},
            "region": {"startLine": max(1, f["line"])}}}],
    } for f in findings]
    return {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {
                "name": "kbound",
                "informationUri": "docs/checks",
                "rules": [{"id": r, "helpUri": "docs/checks/%s.md" % r} for r in rules]}},
            "originalUriBaseIds": {"SRCROOT": {
                "uri": pathlib.Path(tree).as_uri() + "/"}},
            "results": results}],
    }


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
    args = ap.parse_args()
    if not os.path.isdir(args.out):
        sys.stderr.write("kbound-report: no scan output at %s\n" % args.out)
        return 2
    tree = os.path.abspath(args.tree)

    findings = checker_findings(os.path.join(args.out, "html"))
    findings += cocci_findings(os.path.join(args.out, "cocci"))
    for f in findings:
        f["file"] = relpath(f["file"], tree)
    findings.sort(key=lambda f: (f["file"], f["line"], f["id"], f["tool"]))

    per_id = defaultdict(lambda: defaultdict(int))
    per_file = defaultdict(list)
    for f in findings:
        per_id[f["id"]]["checker" if f["tool"] == "checker" else "cocci"] += 1
        per_file[f["file"]].append(f)

    lines = ["kbound scan of %s" % tree, ""]
    lines.append("%-6s %8s %8s" % ("ID", "checker", "cocci"))
    for cid in sorted(per_id):
        lines.append("%-6s %8d %8d" % (cid, per_id[cid]["checker"], per_id[cid]["cocci"]))
    lines.append("%-6s %8d %8d" % ("total",
                                   sum(v["checker"] for v in per_id.values()),
                                   sum(v["cocci"] for v in per_id.values())))
    lines.append("")
    for fname in sorted(per_file):
        lines.append(fname)
        # Both tools side by side: one row per (line, ID), who found it.
        rows = defaultdict(lambda: {"checker": "", "cocci": "", "msg": ""})
        checker = [f for f in per_file[fname] if f["tool"] == "checker"]
        for f in per_file[fname]:
            key = (f["line"], f["id"])
            kind = "checker" if f["tool"] == "checker" else "cocci"
            if kind == "cocci" and key not in rows:
                same = [c for c in checker if c["id"] == f["id"] and
                        f["line"] in c["notes"]]
                if same:
                    key = (same[0]["line"], f["id"])
            row = rows[key]
            row[kind] = "yes" if key[0] == f["line"] else "@%d" % f["line"]
            # The row's line is the checker's when it has one: its message.
            if kind == "checker" or not row["msg"]:
                row["msg"] = f["msg"]
        for (line, cid) in sorted(rows):
            row = rows[(line, cid)]
            lines.append("  %5d %-4s checker:%-3s cocci:%-3s %s" % (
                line, cid, row["checker"] or "-", row["cocci"] or "-", row["msg"]))
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

    with open(os.path.join(args.out, "kbound.sarif"), "w") as f:
        json.dump(sarif(findings, tree), f, indent=1)
    text = "\n".join(lines) + "\n"
    with open(os.path.join(args.out, "kbound.txt"), "w") as f:
        f.write(text)
    sys.stdout.write(text)
    if args.errors or args.failed:
        return 2
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
