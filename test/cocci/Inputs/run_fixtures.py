#!/usr/bin/env python3
"""Run every rule over kernel-fixtures/drivers and judge the reports.

Usage: run_fixtures.py SPATCH COCCI_DIR DRIVERS_DIR

A fixture is a file or directory in DRIVERS_DIR named bug_<id>_* (seeded
with bug <ID>) or correct_* (no bug).  A bug fixture whose ID some rule
covers must be reported with that ID; a correct fixture must get no report
at all; reports with another ID on a bug fixture are listed as "extra".
Prints one line per fixture and a summary; exits 1 on a miss or a false
positive.
"""
import os
import re
import subprocess
import sys

spatch, cocci, drivers = sys.argv[1:4]
rules = sorted(f for f in os.listdir(cocci) if f.endswith('.cocci'))
covered = set(f.split('_')[0].upper() for f in rules)
if 'TM2' in covered:
    covered.add('TM1')      # the TM2 pass labels same-file mismatches TM1

reports = {}                # fixture -> list of (ID, file:line)
line_re = re.compile(r'^(.+?):(\d+):[\d-]+: \[((?:RL|TM|UA)\d)\] ')
for rule in rules:
    out = subprocess.run(
        [spatch, '-D', 'report', '--very-quiet', '--no-show-diff',
         '--no-includes', '--include-headers', '--cocci-file',
         os.path.join(cocci, rule), '--dir', drivers],
        capture_output=True, text=True)
    if out.returncode != 0:
        print('ERROR %s: %s' % (rule, out.stderr.strip()[:300]))
        sys.exit(1)
    for l in out.stdout.splitlines():
        m = line_re.match(l)
        if not m:
            continue
        rel = os.path.relpath(m.group(1), drivers)
        unit = rel.split(os.sep)[0]
        unit = unit[:-2] if unit.endswith('.c') else unit
        reports.setdefault(unit, []).append(
            (m.group(3), '%s:%s' % (rel, m.group(2))))

# Bug fixtures of a device family no rule covers (none since the rules read
# the generic device and platform families too).
FAMILY_NOT_COVERED = {}
# Bug fixtures whose bug needs another file's function summary (the facts
# database, docs/facts-db.md): the checker's, not a rule's.
NEEDS_FACTS = {'bug_ua2_cross_file_register'}

fails = nbug = ncorrect = 0
for entry in sorted(os.listdir(drivers)):
    unit = entry[:-2] if entry.endswith('.c') else entry
    if not (entry.endswith('.c') or os.path.isdir(os.path.join(drivers, entry))):
        continue
    got = sorted(set(reports.get(unit, [])))
    ids = sorted(set(i for i, _ in got))
    m = re.match(r'bug_([a-z]+\d)_', unit)
    if m:
        want = m.group(1).upper()
        if want not in covered:
            print('skip      %s (no rule for %s)' % (unit, want))
            continue
        if unit in NEEDS_FACTS and not got:
            print('skip      %s (needs the facts database: checker only)'
                  % unit)
            continue
        if unit in FAMILY_NOT_COVERED and not got:
            print('skip      %s (no rule for the %s family)'
                  % (unit, FAMILY_NOT_COVERED[unit]))
            continue
        nbug += 1
        extra = [i for i in ids if i != want]
        if want in ids:
            print('found     %s %s%s' % (unit, want,
                  (' extra=' + ','.join(extra)) if extra else ''))
        else:
            fails += 1
            print('MISSED    %s %s (got %s)' % (unit, want, ids or 'nothing'))
    elif unit.startswith('correct_'):
        ncorrect += 1
        if got:
            fails += 1
            print('FALSE-POS %s %s' % (unit, ' '.join('%s@%s' % g for g in got)))
        else:
            print('clean     %s' % unit)
    else:
        print('other     %s %s' % (unit, ' '.join('%s@%s' % g for g in got) or 'clean'))
print('fixtures: %d bug fixtures judged, %d correct fixtures, %d failures'
      % (nbug, ncorrect, fails))
sys.exit(1 if fails else 0)
