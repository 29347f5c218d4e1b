#!/usr/bin/env python3
"""Inline suppressions on the kbuild checker route (bin/kbound-check).

usage: kbound-check-suppress.py < analyzer-text-output

Reads the analyzer's text diagnostics, and for each kbound warning
("FILE:LINE:COL: warning: [ID] ...") that a suppression comment in FILE
silences (docs/ci.md#suppressions: on the line or ending on the line
above), prints "FILE:LINE:COL: note: [ID] suppressed: REASON" instead of
the warning and its path notes. Everything else passes through. Exit 0.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bin", "lib"))
import kbound_suppress  # noqa: E402
from kbound_source import Source  # noqa: E402

WARN = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): warning: \[(?P<id>[A-Z]{2}\d)\]")
NOTE = re.compile(r"^.+?:\d+:\d+: note: ")


def main():
    known = kbound_suppress.known_ids(ROOT)
    cache = {}
    skipping = False
    for line in sys.stdin:
        m = WARN.match(line)
        if m:
            fname = m.group("file")
            if fname not in cache:
                try:
                    with open(fname, errors="replace") as f:
                        cache[fname] = kbound_suppress.scan(Source(f.read()), known)
                except OSError:
                    cache[fname] = []
            reason = kbound_suppress.find(cache[fname], m.group("id"),
                                          [int(m.group("line"))])
            skipping = reason is not None
            if skipping:
                sys.stdout.write("%s:%s:%s: note: [%s] suppressed: %s\n" % (
                    fname, m.group("line"), m.group("col"), m.group("id"), reason))
                continue
        elif skipping and NOTE.match(line):
            continue
        else:
            skipping = False
        sys.stdout.write(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
