#!/usr/bin/env python3
"""Run kbound's Coccinelle rules several times over their input sets, in one
spatch process (-j 1) and in several (-j N), and check that every run of a
rule reports the same thing.

The input set of a rule: the fixture drivers (kernel-fixtures/drivers) and
the C files its own lit tests in test/cocci run it on (read from the tests:
the .c test itself, every %S/Inputs/... file or folder a test naming the
rule mentions; TM2's multi-file trees come with their kbuild Makefiles in
place).  The reference run is -j 1 over the files in sorted order; every
other run hands spatch the files in another order (a shuffle seeded by the
run's number, so a failure can be replayed) with the files the reference's
reports name moved to the end in turn, -j 1 or -j N with --chunksize 1:
spatch's workers then take files as they come free, so the way the files
are shared out changes from run to run, and so does the last file each
process sees.  A rule that keeps per-file facts until a later
file, or joins facts across files in its finalize step, differs here.

spatch runs in the checkout, on paths relative to it (a checkout under a
folder with spaces or quotes in its name is fine: no such path reaches
spatch), with each rule's `// Options:` and a fresh --tmp-dir per run.

    repeat_rules.py --spatch SPATCH [--runs N] [--jobs J] [--rule NAME]...

Prints one line per rule (reports, runs, seconds) and, for a rule whose runs
differ, the lines that differ.  Exit status 0 when every rule repeated, 1
when one did not, 2 when spatch failed.
"""
import argparse
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))))


def c_files(path):
    """The C files of path (a file or a folder), relative to ROOT."""
    if os.path.isfile(path):
        return [os.path.relpath(path, ROOT)] if path.endswith('.c') else []
    out = []
    for d, _, names in os.walk(path):
        out += [os.path.relpath(os.path.join(d, n), ROOT)
                for n in names if n.endswith('.c')]
    return out


def test_inputs():
    """rule name -> the C files its lit tests in test/cocci run it on: a
    test that names %cocci/<rule>.cocci gives the rule its own file (a .c
    test whose RUN lines use %s) and every %S/Inputs/... path it names."""
    here = os.path.join(ROOT, 'test', 'cocci')
    out = {}
    for n in sorted(os.listdir(here)):
        if not (n.endswith('.test') or n.endswith('.c')):
            continue
        with open(os.path.join(here, n), errors='replace') as f:
            text = f.read()
        paths = set(re.findall(r'%S/(Inputs/[\w./-]+)', text))
        if n.endswith('.c') and '%s' in text:
            paths.add(n)
        for rule in set(re.findall(r'%cocci/(\w+)\.cocci', text)):
            for p in paths:
                out.setdefault(rule, set()).update(
                    c_files(os.path.join(here, p.rstrip('/'))))
    return out


def inputs(rule, tests):
    """The whole input set of a rule: the fixture drivers and the inputs
    of its own tests, sorted."""
    files = set(c_files(os.path.join(ROOT, 'kernel-fixtures', 'drivers')))
    files.update(tests.get(rule, ()))
    return sorted(files)


def options(rule):
    """The rule's `// Options:` line, as make coccicheck passes it."""
    with open(rule) as f:
        for line in f:
            m = re.match(r'^//\s*Options:\s*(.*)$', line)
            if m:
                return m.group(1).split()
    return []


def run(spatch, rule, files, jobs, tmp):
    """The sorted report lines of one spatch run, or raise."""
    lst = os.path.join(tmp, 'files.lst')
    with open(lst, 'w') as f:
        for name in files:
            f.write(name + '\n\n')
    cmd = [spatch, '-D', 'report', '--very-quiet', '--no-show-diff',
           '--cocci-file', rule, '--file-groups', lst,
           '--tmp-dir', os.path.join(tmp, 'spatch')] + options(rule)
    if jobs > 1:
        cmd += ['-j', str(jobs), '--chunksize', '1']
    p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, universal_newlines=True)
    shutil.rmtree(os.path.join(tmp, 'spatch'), ignore_errors=True)
    if p.returncode != 0 or 'EXN' in p.stderr or 'Traceback' in p.stderr:
        raise RuntimeError('%s (exit status %d):\n%s' % (
            ' '.join(cmd), p.returncode, p.stderr[-2000:]))
    return sorted(l for l in p.stdout.splitlines() if l.strip())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--spatch', default='spatch')
    ap.add_argument('--runs', type=int, default=2,
                    help='shuffled runs each way (-j 1 and -j JOBS) besides '
                    'the sorted -j 1 reference (default 2)')
    ap.add_argument('--jobs', type=int, default=2,
                    help='spatch -j of the parallel runs, and how many -j 1 '
                    'runs go at a time (default 2)')
    ap.add_argument('--rule', action='append', default=[],
                    help='only this rule (file name without .cocci); repeatable')
    ap.add_argument('--seed', type=int, default=0,
                    help='shuffle seeds are SEED+1 ... SEED+2*RUNS (default 0)')
    a = ap.parse_args()

    rules = sorted(os.path.join(ROOT, 'cocci', n)
                   for n in os.listdir(os.path.join(ROOT, 'cocci'))
                   if n.endswith('.cocci'))
    if a.rule:
        rules = [r for r in rules if os.path.basename(r)[:-6] in a.rule]
        if len(rules) != len(set(a.rule)):
            sys.stderr.write('repeat_rules.py: no such rule among %s\n' % a.rule)
            return 2
    tests = test_inputs()
    files = dict((r, inputs(os.path.basename(r)[:-6], tests)) for r in rules)
    # (rule, seed or None for the sorted reference, jobs); -j 1 runs of
    # odd seeds, -j JOBS runs of even ones.
    tasks = []
    for rule in rules:
        tasks.append((rule, None, 1))
        for i in range(a.runs):
            tasks.append((rule, a.seed + 2 * i + 1, 1))
            tasks.append((rule, a.seed + 2 * i + 2, a.jobs))
    results, errors, secs = {}, {}, {}

    def last_files(rule, seed, jobs):
        """The files a shuffled run puts last: the files the reference
        reports name (a report's file, or a file its message cites), each
        the very last file of one run in turn (-j 1, -j JOBS, -j 1, ...),
        with JOBS-1 others before it in a -j JOBS run (with --chunksize 1
        the last tasks are the workers' last files).  The file a process
        sees last is where a rule that holds a file's facts until the next
        file loses them."""
        ref = '\n'.join(results.get((rule, None, 1), []))
        named = [f for f in files[rule] if f in ref]
        if not named:
            return []
        k = seed - a.seed - 1
        n = len(named)
        last = []
        for i in range(jobs):
            f = named[(k + (i + 1) * n // jobs) % n]
            if f in last:
                last.remove(f)
            last.append(f)
        return last

    def do(task):
        rule, seed, jobs = task
        order = list(files[rule])
        if seed is not None:
            random.Random(seed).shuffle(order)
            last = last_files(rule, seed, jobs)
            order = [f for f in order if f not in last] + \
                [f for f in last if f in order]
        tmp = tempfile.mkdtemp(prefix='kbound-repeat.')
        t0 = time.time()
        try:
            results[task] = run(a.spatch, rule, order, jobs, tmp)
        except RuntimeError as e:
            errors[task] = str(e)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        secs[rule] = secs.get(rule, 0) + time.time() - t0

    t0 = time.time()
    # At most JOBS spatch processes at a time: the -j 1 runs JOBS at a
    # time, then the -j JOBS runs one at a time.
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        list(pool.map(do, [t for t in tasks if t[1] is None]))
        list(pool.map(do, [t for t in tasks if t[1] is not None and t[2] == 1]))
    for t in tasks:
        if t[2] != 1:
            do(t)

    status = 0
    for rule in rules:
        name = os.path.basename(rule)[:-6]
        mine = [t for t in tasks if t[0] == rule]
        bad = [t for t in mine if t in errors]
        if bad:
            status = 2
            for t in bad:
                print('%s: ERROR: %s' % (name, errors[t]))
            continue
        ref = results[mine[0]]
        diff = [t for t in mine[1:] if results[t] != ref]
        print('%s: %d files, %d reports, %s in %d runs (-j 1 and -j %d), %.1f s' % (
            name, len(files[rule]), len(ref), 'DIFFERENT' if diff else 'identical',
            len(mine), a.jobs, secs[rule]))
        for t in diff:
            status = max(status, 1)
            got = results[t]
            print('  -j %d, shuffle seed %d: %d reports' % (t[2], t[1], len(got)))
            for l in sorted(set(ref) - set(got)):
                print('    only in the reference: ' + l)
            for l in sorted(set(got) - set(ref)):
                print('    only in this run:      ' + l)
            if set(got) == set(ref):
                print('    same lines, another count')
    print('%d rules, %d spatch runs, %.1f s' % (len(rules), len(tasks), time.time() - t0))
    return status


if __name__ == '__main__':
    sys.exit(main())
