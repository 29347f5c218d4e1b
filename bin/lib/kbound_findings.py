"""Findings of both tools, read from a scan's output directory, and paired
into bugs: one row per (file, line, ID), a Coccinelle finding joining the
checker's row when it anchors the same bug at one of the path's notes.
"""
import glob
import os
import plistlib
import re
from collections import defaultdict

ID_RE = re.compile(r"^\[([A-Z]{2}\d)\]\s*")
# coccilib.report.print_report: "file:line:col-col: message" (the file's
# path may hold spaces: the tree may live in any folder)
COCCI_RE = re.compile(r"^(?P<file>[^:]+?):(?P<line>\d+):(?P<col>\d+)-\d+: "
                      r"(?P<msg>\[[A-Z]{2}\d\].*)$")


def checker_findings(html_dir):
    """Findings from scan-build's -plist-html output."""
    out = []
    plists = glob.glob(os.path.join(html_dir, "**", "*.plist"), recursive=True)
    for plist in sorted(plists):
        try:
            with open(plist, "rb") as f:
                data = plistlib.load(f)
        except (OSError, plistlib.InvalidFileException, ValueError):
            continue
        files = data.get("files", [])
        fname = lambda i: files[i] if 0 <= i < len(files) else "?"
        for diag in data.get("diagnostics", []):
            msg = diag.get("description", "")
            m = ID_RE.match(msg)
            if not m:
                continue  # a core checker's warning; scan-build's HTML has it
            loc = diag.get("location", {})
            events = [ev for ev in diag.get("path", []) if ev.get("kind") == "event"]
            # Lines of the path's notes in the same file: a rule that anchors
            # the same bug at one of them (RL5 at the uninit, the checker at
            # the path's end) is the same finding.
            notes = set(ev.get("location", {}).get("line", 0) for ev in events
                        if ev.get("location", {}).get("file") == loc.get("file", 0))
            path = [{"file": fname(ev.get("location", {}).get("file", 0)),
                     "line": ev.get("location", {}).get("line", 0),
                     "col": ev.get("location", {}).get("col", 0),
                     "depth": ev.get("depth", 0),
                     "msg": ev.get("message", ev.get("extended_message", ""))}
                    for ev in events]
            out.append({"id": m.group(1), "file": fname(loc.get("file", 0)),
                        "line": loc.get("line", 0), "col": loc.get("col", 0),
                        "msg": msg, "tool": "checker", "notes": notes,
                        "function": diag.get("issue_context", ""), "path": path,
                        "html": (diag.get("HTMLDiagnostics_files") or [""])[0]})
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
                            "col": int(m.group("col")) + 1,
                            "msg": msg, "tool": "cocci:" + rule, "notes": set(),
                            "function": "", "path": []})
    return out


def relpath(path, tree):
    """PATH relative to TREE when it lies in it (a rule's path relative to
    the folder spatch ran in is kept as it is)."""
    path = os.path.normpath(path)
    return os.path.relpath(path, tree) if path.startswith(tree + os.sep) else path


def relative_message(msg, tree):
    """MSG with the tree's absolute path taken out of the paths it names."""
    return msg.replace(tree + os.sep, "")


def read_scan(out, tree):
    """Both tools' findings, paths and messages relative to TREE, sorted."""
    findings = checker_findings(os.path.join(out, "html"))
    findings += cocci_findings(os.path.join(out, "cocci"))
    for f in findings:
        f["file"] = relpath(f["file"], tree)
        f["msg"] = relative_message(f["msg"], tree)
        for ev in f["path"]:
            ev["file"] = relpath(ev["file"], tree)
            ev["msg"] = relative_message(ev["msg"], tree)
    findings.sort(key=lambda f: (f["file"], f["line"], f["id"], f["tool"]))
    return findings


def kind(f):
    return "checker" if f["tool"] == "checker" else "cocci"


def pair(findings):
    """Bugs: one per (file, line, ID), both tools side by side. A row's line
    is the checker's when it has one; a Coccinelle finding at one of that
    report's path notes joins it ('@LINE' in its column)."""
    per_file = defaultdict(list)
    for f in findings:
        per_file[f["file"]].append(f)
    bugs = []
    for fname in sorted(per_file):
        rows = {}
        checker = [f for f in per_file[fname] if kind(f) == "checker"]
        for f in per_file[fname]:
            key = (f["line"], f["id"])
            if kind(f) == "cocci" and key not in rows:
                same = [c for c in checker if c["id"] == f["id"] and
                        f["line"] in c["notes"]]
                if same:
                    key = (same[0]["line"], f["id"])
            row = rows.setdefault(key, {"file": fname, "line": key[0], "id": f["id"],
                                        "checker": "", "cocci": "", "msg": "",
                                        "findings": []})
            row[kind(f)] = "yes" if key[0] == f["line"] else "@%d" % f["line"]
            row["findings"].append(f)
            # The row's line is the checker's when it has one: its message.
            if kind(f) == "checker" or not row["msg"]:
                row["msg"] = f["msg"]
        bugs += [rows[k] for k in sorted(rows)]
    for b in bugs:
        b["tools"] = sorted({f["tool"] for f in b["findings"]},
                            key=lambda t: (t != "checker", t))
        b["lines"] = sorted({f["line"] for f in b["findings"]})
    return bugs
