"""The SARIF 2.1.0 log of a scan, in the form GitHub code scanning accepts:
absolute help URIs, rule descriptions and help from docs/checks/<ID>.md,
tool version, partial fingerprints, code flows from the checker's path,
locations relative to the SRCROOT base, one result per bug.
"""
import os
import pathlib
import re
import subprocess
import urllib.parse

from kbound_baseline import KEY

SUPPRESS_RULE = "kbound-suppress"


def version(root):
    """VERSION, plus the checkout's git short hash when there is one."""
    try:
        with open(os.path.join(root, "VERSION")) as f:
            v = f.read().strip()
    except OSError:
        v = "0.0.0"
    if os.path.exists(os.path.join(root, ".git")):
        try:
            h = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
            if re.fullmatch(r"[0-9a-f]{4,40}", h):
                v += "+g" + h
        except (OSError, subprocess.SubprocessError):
            pass
    return v


def docs_url(root):
    """The base URI of the docs: KBOUND_DOCS_URL, or the checkout's docs/."""
    base = os.environ.get("KBOUND_DOCS_URL", "").strip()
    if not base:
        base = pathlib.Path(os.path.join(root, "docs")).resolve().as_uri()
    return base.rstrip("/") + "/"


def _section(md, title):
    m = re.search(r"^## %s\s*\n(.*?)(?=^## |\Z)" % re.escape(title), md, re.S | re.M)
    return m.group(1).strip() if m else ""


def _plain(md):
    """Markdown as plain text: no link targets, emphasis or code quotes."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", md)
    text = re.sub(r"\*\*([^*]*)\*\*", r"\1", text)
    return text.replace("`", "")


def _absolute_links(md, page_uri):
    """Relative links of a docs page made absolute (GitHub shows the help
    away from the docs)."""
    def fix(m):
        target = m.group(2)
        if re.match(r"[a-z][a-z0-9+.-]*:", target):
            return m.group(0)
        return "[%s](%s)" % (m.group(1), urllib.parse.urljoin(page_uri, target))
    return re.sub(r"\[([^\]]*)\]\(([^)\s]+)\)", fix, md)


def rule(cid, docs_dir, base):
    """A reportingDescriptor from docs/checks/<ID>.md."""
    uri = base + "checks/%s.md" % cid
    try:
        with open(os.path.join(docs_dir, "checks", cid + ".md")) as f:
            md = f.read()
    except OSError:
        md = "# %s: kbound check %s\n" % (cid, cid)
    title = re.match(r"#\s*(?:%s:\s*)?(.*)" % cid, md)
    short = title.group(1).strip() if title else cid
    what = _section(md, "What it finds").split("\n\n")[0] or short
    full = " ".join(_plain(what).split())
    if not full.endswith((".", ":")) and "." in full:
        full = full[:full.rindex(".") + 1]  # whole sentences only
    return {"id": cid,
            "shortDescription": {"text": short},
            "fullDescription": {"text": full},
            "help": {"text": _plain(md), "markdown": _absolute_links(md, uri)},
            "helpUri": uri,
            "defaultConfiguration": {"level": "warning"},
            "properties": {"tags": ["kbound"]}}


def suppress_rule(docs_dir, base):
    uri = base + "ci.md#suppressions"
    try:
        with open(os.path.join(docs_dir, "ci.md")) as f:
            md = _section(f.read(), "Suppressions")
    except OSError:
        md = ""
    short = "A malformed kbound suppression comment (no reason, or an unknown check ID)"
    return {"id": SUPPRESS_RULE, "name": "MalformedSuppression",
            "shortDescription": {"text": short},
            "fullDescription": {"text": short + "; it suppresses nothing."},
            "help": {"text": _plain(md) or short,
                     "markdown": _absolute_links(md, uri) or short},
            "helpUri": uri,
            "defaultConfiguration": {"level": "warning"},
            "properties": {"tags": ["kbound"]}}


def _location(fname, line, col=0, msg=None):
    if os.path.isabs(fname):  # outside the tree (a system header)
        art = {"uri": pathlib.Path(fname).as_uri()}
    else:
        art = {"uri": urllib.parse.quote(fname), "uriBaseId": "SRCROOT"}
    region = {"startLine": max(1, line)}
    if col > 0:
        region["startColumn"] = col
    loc = {"physicalLocation": {"artifactLocation": art, "region": region}}
    if msg:
        loc["message"] = {"text": msg}
    return loc


def _code_flows(bug):
    flows = []
    for f in bug["findings"]:
        if not f["path"]:
            continue
        locs = [{"location": _location(ev["file"], ev["line"], ev["col"], ev["msg"] or None),
                 "nestingLevel": max(0, ev["depth"])}
                for ev in f["path"]]
        flows.append({"threadFlows": [{"locations": locs}]})
    return flows


def result(bug, index):
    main = next((f for f in bug["findings"] if f["line"] == bug["line"]), bug["findings"][0])
    r = {"ruleId": bug["id"], "ruleIndex": index, "level": "warning",
         "message": {"text": bug["msg"]},
         "locations": [_location(bug["file"], bug["line"], main.get("col", 0))],
         "partialFingerprints": {KEY: bug["fingerprint"]},
         "properties": {"tool": ", ".join(bug["tools"]), "tools": bug["tools"],
                        "function": bug["function"]}}
    related = [f for f in bug["findings"] if f["line"] != bug["line"]]
    if related:
        r["relatedLocations"] = [dict(_location(f["file"], f["line"], f.get("col", 0),
                                                "%s: %s" % (f["tool"], f["msg"])), id=i)
                                 for i, f in enumerate(related)]
    flows = _code_flows(bug)
    if flows:
        r["codeFlows"] = flows
    if bug.get("suppressed") is not None:
        r["suppressions"] = [{"kind": "inSource", "justification": bug["suppressed"]}]
    if bug.get("baseline"):
        r["baselineState"] = bug["baseline"]
    return r


def log(bugs, malformed, tree, root, errors, failed, baseline=None):
    """The whole SARIF log. MALFORMED: (file, line, text, problem, fingerprint)."""
    docs_dir = os.path.join(root, "docs")
    base = docs_url(root)
    ids = sorted(os.path.basename(p)[:-3] for p in
                 os.listdir(os.path.join(docs_dir, "checks")) if p.endswith(".md")) \
        if os.path.isdir(os.path.join(docs_dir, "checks")) else []
    ids += sorted({b["id"] for b in bugs} - set(ids))
    rules = [rule(cid, docs_dir, base) for cid in ids] + [suppress_rule(docs_dir, base)]
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [result(b, index[b["id"]]) for b in bugs]
    for fname, line, text, problem, fp in malformed:
        results.append({
            "ruleId": SUPPRESS_RULE, "ruleIndex": index[SUPPRESS_RULE], "level": "warning",
            "message": {"text": "malformed suppression, %s: %s" % (problem, text)},
            "locations": [_location(fname, line)],
            "partialFingerprints": {KEY: fp}})
    v = version(root)
    run = {
        "tool": {"driver": {"name": "kbound", "version": v, "semanticVersion": v,
                            "informationUri": base, "rules": rules}},
        "originalUriBaseIds": {"SRCROOT": {"uri": pathlib.Path(tree).as_uri() + "/"}},
        "invocations": [{"executionSuccessful": not (errors or failed),
                         "toolExecutionNotifications": [
                             {"level": "error", "message": {"text": relmsg}}
                             for relmsg in failed]}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if baseline is not None:
        run["properties"] = {"baseline": baseline}
    return {"version": "2.1.0",
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "runs": [run]}
