#!/usr/bin/env python3
"""Check that every rule in cocci/ follows the kernel's coccicheck conventions.

Usage: check_conventions.py COCCI_DIR
Prints one line per problem and exits 1 if there is any.
"""
import os
import re
import sys

ID_RE = r'(?:RL|TM|UA)\d'
# The API names a first rule may hinge on: the auxiliary bus and the
# registration data, the generic device and platform families.
API_RE = (r'auxiliary_\w+|\b(device_(register|initialize|add|del|unregister)'
          r'|put_device|platform_device_\w+)\b')


def check(path):
    text = open(path).read()
    lines = text.splitlines()
    name = os.path.basename(path)
    errs = []
    if not lines or not lines[0].startswith('// SPDX-License-Identifier:'):
        errs.append('first line is not an SPDX line')
    if not any(l.startswith('///') for l in lines):
        errs.append('no /// description')
    if not any(l.startswith('// Confidence:') for l in lines):
        errs.append('no // Confidence: line')
    # scripts/coccicheck greps "Options:" anywhere in the file.
    opts = [l for l in lines if 'Options:' in l]
    if len(opts) != 1 or not opts[0].startswith('// Options:'):
        errs.append('"Options:" must appear exactly once, as // Options:')
    for mode in ('report', 'org'):
        if not re.search(r'^virtual %s$' % mode, text, re.M):
            errs.append('no virtual %s' % mode)
    want = name.split('_')[0].upper()
    if not re.search(r'"\[%s\]' % want, text) and '[%s]' not in text:
        errs.append('no message starting with [%s]' % want)
    for m in re.finditer(r'print_(?:report|todo)\(\s*[^,()]+(?:\[\d\])?,\s*"([^"]*)', text):
        if not re.match(r'\[' + ID_RE + r'\] ', m.group(1)):
            errs.append('message does not start with its ID: "%s"' % m.group(1)[:40])
    if 'virtual patch' in text and not re.search(r'^@[^@]*depends on patch[^@]*@', text, re.M):
        errs.append('virtual patch without a patch rule')
    # The first matching rule must name an API literally (token prefilter).
    rules = re.findall(r'^@([^@\n]*)@\n(.*?)^@@\n(.*?)(?=^@)', text, re.M | re.S)
    first = [r for r in rules if not r[0].startswith(('script', 'initialize', 'finalize'))]
    if not first or not re.search(API_RE, first[0][2]):
        errs.append('first rule does not hinge on a literal API name')
    # A script rule that inherits no metavariable runs in the file's only
    # environment: cocci.include_match(False) there drops it, and every
    # later rule of the file with it (TM2 lost findings that way).
    for head, decls, code in re.findall(r'^@(script:python[^@\n]*)@\n(.*?)^@@\n(.*?)(?=^@|\Z)',
                                        text, re.M | re.S):
        code = '\n'.join(l for l in code.splitlines() if not l.startswith('//'))
        if 'include_match(False)' in code and '<<' not in decls:
            errs.append('@%s@ calls cocci.include_match(False) but inherits no '
                        'metavariable: it would end matching in the file' % head)
    return ['%s: %s' % (name, e) for e in errs]


def main():
    d = sys.argv[1]
    files = sorted(f for f in os.listdir(d) if f.endswith('.cocci'))
    errs = []
    for f in files:
        errs += check(os.path.join(d, f))
    for e in errs:
        print(e)
    print('checked %d rules, %d problems' % (len(files), len(errs)))
    return 1 if errs else 0


if __name__ == '__main__':
    sys.exit(main())
