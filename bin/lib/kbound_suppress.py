"""Inline suppressions (docs/ci.md#suppressions).

    /* kbound-suppress RL4: the caller frees it in foo_remove() */
    // kbound-suppress RL4, UA2: reason
    // codechecker_suppress [kbound.RL4] reason     (CodeChecker's syntax;
    //   codechecker_false_positive and codechecker_intentional too)

in a comment on the finding's line or ending on the line just above it. A
suppression needs a reason and known check IDs; one without is malformed:
it is reported and suppresses nothing.
"""
import glob
import os
import re

KBOUND_RE = re.compile(r"\bkbound-suppress\b(?P<rest>.*)", re.S)
CC_RE = re.compile(r"\bcodechecker_(?:suppress|false_positive|intentional)\b\s*"
                   r"(?:\[(?P<names>[^\]]*)\])?(?P<reason>.*)", re.S)


def _body(comment):
    """A comment's text: without its markers and the '*' of each line."""
    if comment.startswith("//"):
        text = comment[2:]
    else:
        text = comment[2:-2] if comment.endswith("*/") else comment[2:]
    lines = [re.sub(r"^\s*(\*|//)?", "", l) for l in text.split("\n")]
    return " ".join(l.strip() for l in lines).strip()


def parse(comment, known):
    """(ids, reason, problem) of a suppression in COMMENT, or None when it
    holds none. PROBLEM is '' for a well-formed one."""
    body = _body(comment)
    m = KBOUND_RE.search(body)
    if m:
        rest = m.group("rest")
        if ":" not in rest:
            return [], "", "no reason (kbound-suppress ID: reason)"
        ids_part, reason = rest.split(":", 1)
        ids = [i for i in re.split(r"[\s,]+", ids_part.strip()) if i]
        reason = reason.strip()
    else:
        m = CC_RE.search(body)
        if not m:
            return None
        if m.group("names") is None:
            return [], "", "no [kbound.ID] list (codechecker_suppress [kbound.ID] reason)"
        names = [n.strip() for n in m.group("names").split(",") if n.strip()]
        if "all" in names:
            ids = sorted(known)
        else:
            ids = [n[len("kbound."):] for n in names if n.startswith("kbound.")]
            if not ids:
                return None  # for another tool's checkers
        reason = m.group("reason").strip()
    if not ids:
        return ids, reason, "no check ID"
    unknown = [i for i in ids if i not in known]
    if unknown:
        return ids, reason, "unknown check ID %s" % ", ".join(unknown)
    if not reason:
        return ids, reason, "no reason"
    return ids, reason, ""


def _blocks(source):
    """The comments of a Source, a run of // comments alone on consecutive
    lines taken as one (a reason may go on over several lines)."""
    blocks = []
    for first, last, comment in source.comments:
        alone = not source.code_lines[first - 1].strip()
        if (blocks and comment.startswith("//") and alone and
                blocks[-1][2].startswith("//") and blocks[-1][1] == first - 1):
            blocks[-1] = (blocks[-1][0], last, blocks[-1][2] + "\n" + comment)
        else:
            blocks.append((first, last, comment))
    return blocks


def scan(source, known):
    """Every suppression in a Source: (first line, last line, ids, reason,
    problem, text)."""
    out = []
    for first, last, comment in _blocks(source):
        p = parse(comment, known)
        if p is not None:
            out.append((first, last) + p + (_body(comment),))
    return out


def find(suppressions, cid, lines):
    """The reason of a well-formed suppression of CID for a finding at one
    of LINES (on it, or ending on the line above it), or None."""
    for first, last, ids, reason, problem, _ in suppressions:
        if problem or cid not in ids:
            continue
        if any(first <= l <= last or last == l - 1 for l in lines):
            return reason
    return None


def known_ids(root):
    """The check IDs a suppression may name: one page each in docs/checks."""
    checks = os.path.join(root, "docs", "checks")
    return {os.path.basename(p)[:-3] for p in glob.glob(os.path.join(checks, "*.md"))}
