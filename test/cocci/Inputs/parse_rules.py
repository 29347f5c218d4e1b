#!/usr/bin/env python3
"""Run spatch --parse-cocci on every rule in each mode it declares."""
import os
import re
import subprocess
import sys

spatch, d = sys.argv[1], sys.argv[2]
n = fails = 0
for f in sorted(os.listdir(d)):
    if not f.endswith('.cocci'):
        continue
    path = os.path.join(d, f)
    modes = re.findall(r'^virtual (\w+)$', open(path).read(), re.M)
    for mode in modes:
        n += 1
        r = subprocess.run([spatch, '--parse-cocci', path, '-D', mode],
                           capture_output=True, text=True)
        if r.returncode != 0:
            fails += 1
            print('%s -D %s: %s' % (f, mode, (r.stderr or r.stdout).strip()[:300]))
print('parsed %d rule/mode pairs, %d failures' % (n, fails))
sys.exit(1 if fails else 0)
