"""Fingerprints of bugs, and the comparison with a previous scan's SARIF.

A bug's fingerprint is a hash of its file, check ID, enclosing function and
the normalized code around its line (that line and the nearest code line
before and after it, without white space and comments), plus which one of
the bugs with that hash in the file it is (0, 1, ... by line). Edits
elsewhere in the file, moved lines and comments do not change it.
"""
import hashlib
import json
import os
from collections import Counter, defaultdict

KEY = "kbound/v1"


def fingerprint_all(bugs, source_of):
    """Set bug['fingerprint'] (and bug['function']) on every bug.
    SOURCE_OF(file) is the file's Source, or None when it cannot be read."""
    seen = defaultdict(int)
    for b in bugs:
        src = source_of(b["file"])
        func = next((f["function"] for f in b["findings"] if f.get("function")), "")
        if not func and src is not None:
            func = src.function_at(b["line"])
        b["function"] = func
        snippet = src.snippet(b["line"]) if src is not None else ""
        h = hashlib.sha256("\0".join((b["file"], b["id"], func, snippet)).encode()
                           ).hexdigest()[:24]
        b["fingerprint"] = "%s:%d" % (h, seen[h])
        seen[h] += 1


def load(path):
    """The results of a previous scan (its kbound.sarif or its output
    directory): a list of {fingerprint, file, line, id, msg, suppressed}."""
    if os.path.isdir(path):
        path = os.path.join(path, "kbound.sarif")
    if not os.path.isfile(path):
        raise ValueError("%s: no such file (a previous scan's kbound.sarif or "
                         "output directory is needed)" % path)
    with open(path) as f:
        try:
            log = json.load(f)
        except ValueError as e:
            raise ValueError("%s: not a SARIF file: %s" % (path, e))
    out = []
    for run in log.get("runs", []):
        for r in run.get("results", []):
            if r.get("ruleId") == "kbound-suppress":
                continue  # a malformed suppression, not a finding
            fp = r.get("partialFingerprints", {}).get(KEY)
            if fp is None:
                raise ValueError("%s: a result without a %s fingerprint (made by "
                                 "an older kbound? scan again to make a baseline)"
                                 % (path, KEY))
            loc = (r.get("locations") or [{}])[0].get("physicalLocation", {})
            out.append({"fingerprint": fp, "id": r.get("ruleId", ""),
                        "file": loc.get("artifactLocation", {}).get("uri", ""),
                        "line": loc.get("region", {}).get("startLine", 0),
                        "msg": r.get("message", {}).get("text", ""),
                        "suppressed": bool(r.get("suppressions"))})
    return out


def compare(bugs, base):
    """Set bug['baseline'] to 'new' or 'unchanged'; return the baseline's
    results that no bug matches any more (fixed), suppressed ones left out."""
    prev = Counter(b["fingerprint"] for b in base)
    for b in bugs:
        if prev[b["fingerprint"]] > 0:
            prev[b["fingerprint"]] -= 1
            b["baseline"] = "unchanged"
        else:
            b["baseline"] = "new"
    now = Counter(b["fingerprint"] for b in bugs)
    fixed = []
    for r in base:
        if now[r["fingerprint"]] > 0:
            now[r["fingerprint"]] -= 1
        elif not r["suppressed"]:
            fixed.append(r)
    return fixed
