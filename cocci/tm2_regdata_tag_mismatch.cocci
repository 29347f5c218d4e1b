// SPDX-License-Identifier: GPL-2.0-only
/// [TM2] Across files: a parent registers the auxiliary device
/// "modname.name" with registration-data tag A (or embeds the struct
/// auxiliary_device in struct A), while the auxiliary driver whose
/// auxiliary_device_id table matches "modname.name" fetches the data with
/// tag B (or container_of()s the device to struct B).  The fetch fails with
/// -EINVAL (wrong tag) or -ENOENT (no data), and container_of() to the
/// wrong struct reads memory of another type.  Run over the whole tree
/// (both the parent and the driver directories).
///
/// SmPL finds, per file: registrations (auxiliary_registration_new and the
/// devm variant: name, modname, tag), auxiliary_device_init() of a struct
/// auxiliary_device embedded in a container (also through an alias, a
/// wrapper macro of the file or a static helper whose caller names the
/// device; its ->name, its container type, the modname given to
/// __auxiliary_device_add()), auxiliary_device_create(), id tables
/// (designated or positional entries, any layout), auxiliary drivers, and
/// the tags and container_of() types of their code (also through a
/// to_foo() macro or helper).  Python resolves names (string macros, the
/// kbuild module name from bin/kbound-objconfig.py) and the finalize pass
/// joins "modname.name" pairs over all files (merging the per-worker
/// tables under --jobs) and reports.
///
// Confidence: Moderate
// Copyright: (C) 2026 kbound authors.
// Comments: names built at run time (sprintf, tables, parameters) cannot be
//  resolved and are skipped.  A parent and driver in the same file with
//  different tags are reported as TM1.  Needs kbound_cocci.py next to this
//  file and ../bin/kbound-objconfig.py.
// Options: --no-includes --include-headers

virtual org
virtual report

@new@
expression E1, NAME, E3, MOD, D;
identifier TAG;
position p;
@@
\(auxiliary_registration_new@p\|devm_auxiliary_registration_new@p\)(E1, NAME, E3, MOD, &TAG, D)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *

# Per worker tables; finalize merges them (see merge.* below).
coccinelle.kb_parents = []	# dicts: file line name modname tag ctype kind
coccinelle.kb_uses = []		# dicts: file line func tag ctype
coccinelle.kb_tables = []	# dicts: file line table entries drivers
kb_mode = "org"

# Per file (cleared by the last rule of each file): what SmPL matched,
# resolved once the file's string constants are known.
kb_raw = []		# parents: (file, line, name expr, modname expr, tag, ctype, kind)
kb_inits = {}		# (file, func, device expr) -> (line, ctype, container, field)
kb_names = {}		# (file, func, device expr) -> [(line, name expr)]
kb_mods = {}		# (file, func, device expr) -> modname expr
kb_aliases = {}		# (file, func, ident) -> (container, ctype, field)
kb_consts = {}		# file -> {identifier: string} file-scope string constants
kb_want = {}		# (file, func, param) -> param index, names to resolve
kb_callargs = {}	# (file, func, index) -> [(caller, argument)]
kb_entries = {}		# (file, table) -> (line, [name expr])
kb_drivers = {}		# (file, driver) -> [table, [functions]]
kb_init_macros = {}	# (file, macro) -> field of the container it inits
kb_cof_macros = {}	# (file, macro) -> container type

def kb_wanted(fn):
    """fn is a function of the file whose parameter names a device."""
    return any(k[1] == fn for k in kb_want)

def kb_devices(f, fn, e):
    """The spellings of the device initialized as e: &C->fld is set up as
    C->fld.name, an alias A as A->name or C->fld.name."""
    want = set([e[1:]]) if e.startswith('&') else set([e])
    al = kb_aliases.get((f, fn, e))
    if al:
        want.add(al[0] + '->' + al[2])
    return want

def kb_name_of(f, fn, e):
    """The last name expression given to device e in function fn."""
    found = []
    for d in kb_devices(f, fn, e):
        found += kb_names.get((f, fn, d), [])
    return sorted(found)[-1][1] if found else None

def kb_caller_names(f, fn, c, fld):
    """Names set by the callers of fn on the container they pass as the
    parameter c (a static helper that only does the init)."""
    idx = kb_want.get((f, fn, c))
    out = []
    for caller, a in kb_callargs.get((f, fn, idx), []) if idx is not None else []:
        a = kbound_squash(a)
        dev = a[1:] + '.' + fld if a.startswith('&') else a + '->' + fld
        for d in (dev, kbound_squash(dev)):
            out += [n for (_, n) in kb_names.get((f, caller, d), [])]
    return out

@initialize:python depends on report@
@@
kb_mode = "report"

@script:python@
p << new.p;
nam << new.NAME;
mod << new.MOD;
tag << new.TAG;
@@
kb_raw.append((p[0].file, int(p[0].line), nam, mod, tag, None, 'regdata'))

// Real API: auxiliary_device_init() of &C->fld, C a pointer to the container.
@init@
type T;
T *C;
identifier fld;
position p;
@@
auxiliary_device_init@p(&C->fld)

@script:python@
p << init.p;
c << init.C;
fld << init.fld;
t << init.T;
@@
kb_inits[(p[0].file, p[0].current_element, kbound_squash('&' + c + '->' + fld))] = (int(p[0].line), kbound_norm(t), kbound_squash(c), fld)

@inita@
identifier A;
position p;
@@
auxiliary_device_init@p(A)

// A wrapper macro of the file: #define foo_init(x) auxiliary_device_init(&(x)->adev)
@initm@
identifier W, a, fld;
position p;
@@
(
#define W(a) auxiliary_device_init@p(&(a)->fld)
|
#define W(a) auxiliary_device_init@p(&a->fld)
)

@script:python@
p << initm.p;
w << initm.W;
fld << initm.fld;
@@
kb_init_macros[(p[0].file, w)] = fld

@initw depends on initm@
identifier W : script:python() { any(k[1] == W for k in kb_init_macros) };
type T;
T *C;
position p;
@@
W@p(C)

@script:python@
p << initw.p;
w << initw.W;
c << initw.C;
t << initw.T;
@@
fld = kb_init_macros.get((p[0].file, w))
if fld:
    kb_inits[(p[0].file, p[0].current_element, kbound_squash('&' + c + '->' + fld))] = (int(p[0].line), kbound_norm(t), kbound_squash(c), fld)

// Aliases (adev = &C->fld) only in files where inita matched
// (auxiliary_device_init() of a plain identifier): elsewhere the alias
// table is never read, and every address-of-field assignment would cost a
// Python call for nothing.
@ali depends on inita@
type T;
T *C;
identifier A, fld;
position p;
@@
A@p = &C->fld

@script:python@
p << ali.p;
a << ali.A;
c << ali.C;
fld << ali.fld;
t << ali.T;
@@
kb_aliases[(p[0].file, p[0].current_element, a)] = (kbound_squash(c), kbound_norm(t), fld)

@alid depends on inita@
type T, T2;
T *C;
identifier A, fld;
position p;
@@
T2 A@p = &C->fld;

@script:python@
p << alid.p;
a << alid.A;
c << alid.C;
fld << alid.fld;
t << alid.T;
@@
kb_aliases[(p[0].file, p[0].current_element, a)] = (kbound_squash(c), kbound_norm(t), fld)

@script:python@
p << inita.p;
a << inita.A;
@@
al = kb_aliases.get((p[0].file, p[0].current_element, a))
if al:
    kb_inits[(p[0].file, p[0].current_element, a)] = (int(p[0].line), al[1], al[0], al[2])

// The device's name: X->name = N or X.name = N anywhere in a statement.
// The field and the add function are named by regex: a literal would add
// them to the file prefilter's token list (spatch scans every file once per
// token), and these rules only run where an init already matched.
@nm depends on init || inita || initw@
expression X, N;
identifier namefld =~ "^name$";
position p;
@@
\(X.namefld@p = N\|X->namefld@p = N\)

@script:python@
p << nm.p;
x << nm.X;
n << nm.N;
@@
kb_names.setdefault((p[0].file, p[0].current_element, kbound_squash(x)), []).append((int(p[0].line), n))

@md depends on init || inita || initw@
expression E, MOD;
identifier addfn =~ "^__auxiliary_device_add$";
position p;
@@
addfn@p(E, MOD)

@script:python@
p << md.p;
e << md.E;
mod << md.MOD;
@@
kb_mods[(p[0].file, p[0].current_element, kbound_squash(e))] = mod

// A name that is a parameter of the function that sets it, or a container
// that is a parameter of a helper that only inits it: resolve it from the
// calls of that function in the same file (one level).
@script:python depends on init || inita || initw@
@@
for (f, fn, e), (line, t, c, fld) in list(kb_inits.items()):
    name = kb_name_of(f, fn, e)
    if name and re.match(r'^\w+$', name.strip()):
        kb_want[(f, fn, name.strip())] = None
    elif name is None and re.match(r'^\w+$', c):
        kb_want[(f, fn, c)] = None

// fp finds the wanted parameters' positions, cs the calls of those
// functions.  Their identifier constraints ask Python about every function
// name of the file, so fp runs only where an init matched and cs only where
// fp found a wanted function.  (Not a script rule that calls
// cocci.include_match(False) when kb_want is empty: such a rule inherits
// no metavariable, so it drops the file's only environment, and every later
// rule of that file, the last one that hands the file's findings on
// included, is skipped.  The findings then waited for the next file of the
// same spatch process and were lost when there was none: under -j N that
// depended on how the files were shared out.)
@fp depends on init || inita || initw@
identifier fn : script:python() { kb_wanted(fn) };
identifier P;
type T;
parameter list[n] PS;
position p;
@@
fn@p(PS, T P, ...) { ... }

@script:python@
fn << fp.fn;
pn << fp.P;
n << fp.n;
p << fp.p;
@@
if (p[0].file, fn, pn) in kb_want:
    kb_want[(p[0].file, fn, pn)] = int(n)

@cs depends on fp@
identifier fn : script:python() { kb_wanted(fn) };
expression list[n] ES;
expression A;
position p;
@@
fn@p(ES, A, ...)

@script:python@
fn << cs.fn;
n << cs.n;
a << cs.A;
p << cs.p;
@@
kb_callargs.setdefault((p[0].file, fn, int(n)), []).append((p[0].current_element, a))

// auxiliary_device_create(): no container and no tag, but it names a device.
@cr@
expression E1, MOD, NAME, E4, E5;
position p;
@@
auxiliary_device_create@p(E1, MOD, NAME, E4, E5)

@script:python@
p << cr.p;
mod << cr.MOD;
nam << cr.NAME;
@@
kb_raw.append((p[0].file, int(p[0].line), nam, mod, None, None, 'create'))

@crd@
expression E1, NAME, E3;
position p;
@@
devm_auxiliary_device_create@p(E1, NAME, E3)

@script:python@
p << crd.p;
nam << crd.NAME;
@@
kb_raw.append((p[0].file, int(p[0].line), nam, 'KBUILD_MODNAME', None, None, 'create'))

// Driver side: id tables, one match per entry, designated or positional.
@idt@
identifier I;
expression N;
position p;
@@
(
struct auxiliary_device_id I@p[...] = { ..., { .name = N, ... }, ... };
|
struct auxiliary_device_id I@p[...] = { ..., { N, ... }, ... };
)

@script:python@
p << idt.p;
i << idt.I;
n << idt.N;
@@
kb_entries.setdefault((p[0].file, i), (int(p[0].line), []))[1].append(n)

@drv depends on idt@
identifier SD =~ "^auxiliary_driver$";
identifier tblfld =~ "^id_table$";
identifier D, T;
position p;
@@
struct SD D@p = { ..., .tblfld = T, ... };

@script:python@
p << drv.p;
d << drv.D;
t << drv.T;
@@
kb_drivers.setdefault((p[0].file, d), [t, []])[0] = t

@drvf depends on drv@
identifier drv.SD, drv.D, F;
identifier fld =~ "^(probe|remove|shutdown)$";
position drv.p;
@@
struct SD D@p = { ..., .fld = F, ... };

@script:python@
p << drv.p;
d << drv.D;
f << drvf.F;
@@
kb_drivers.setdefault((p[0].file, d), [None, []])[1].append(f)

@fetch depends on idt@
expression E;
identifier TAG;
identifier datafn =~ "^auxiliary_registration_data$";
position p;
@@
datafn@p(E, &TAG)

@script:python@
p << fetch.p;
tag << fetch.TAG;
@@
coccinelle.kb_uses.append({'file': p[0].file, 'line': int(p[0].line),
    'func': p[0].current_element, 'tag': tag, 'ctype': None})

// container_of() of a struct auxiliary_device * (in any expression: a
// declaration, a conditional, a cast), and through a to_foo() macro.
// The type of A is checked in Python: a literal struct auxiliary_device
// would add a token to the prefilter.
@cof depends on idt@
identifier cofn =~ "^container_of$";
type TA, T;
TA *A;
identifier fld;
position p;
@@
cofn@p(A, T, fld)

@script:python@
p << cof.p;
t << cof.T;
ta << cof.TA;
@@
if kbound_norm(ta) == 'struct auxiliary_device':
  coccinelle.kb_uses.append({'file': p[0].file, 'line': int(p[0].line),
      'func': p[0].current_element, 'tag': None, 'ctype': kbound_norm(t)})

@cofm depends on idt@
identifier cofn =~ "^container_of$";
identifier M, a, fld;
type T;
@@
(
#define M(a) cofn((a), T, fld)
|
#define M(a) cofn(a, T, fld)
)

@cofu depends on cofm@
identifier cofm.M;
type TA;
TA *A;
position p;
@@
M@p(A)

@script:python@
p << cofu.p;
t << cofm.T;
ta << cofu.TA;
@@
if kbound_norm(ta) == 'struct auxiliary_device':
  coccinelle.kb_uses.append({'file': p[0].file, 'line': int(p[0].line),
      'func': p[0].current_element, 'tag': None, 'ctype': kbound_norm(t)})

// File-scope string constants a name may be spelled with
// (static const char foo_name[] = "foo").
@gstr depends on new || init || inita || initw || cr || crd || idt@
identifier X;
type T;
constant S;
position p;
@@
\(T X@p[] = S;\|T *X@p = S;\)

@script:python@
p << gstr.p;
x << gstr.X;
s << gstr.S;
@@
if p[0].current_element == x:
    v = kbound_string(s, p[0].file)
    if v is not None:
        kb_consts.setdefault(p[0].file, {})[x] = v

// Last rule of each file: resolve names and hand the file's findings to
// the per-worker tables.
@script:python depends on new || init || inita || initw || cr || crd || idt@
@@
def kb_vals(f, text):
    return kbound_strings(text, f, kb_consts.get(f))

for (f, line, nam, mod, tag, t, kind) in kb_raw:
    vals = kb_vals(f, nam)
    coccinelle.kb_parents.append({'file': f, 'line': line,
        'name': vals[0] if vals else None,
        'modname': kbound_string(mod, f, kb_consts.get(f)),
        'tag': tag, 'ctype': t, 'kind': kind})
for (f, fn, e), (line, t, c, fld) in sorted(kb_inits.items()):
    name = kb_name_of(f, fn, e)
    mod = None
    for d in kb_devices(f, fn, e) | set([e]):
        mod = kb_mods.get((f, fn, d), mod)
    values = kb_vals(f, name) if name else []
    idx = kb_want.get((f, fn, (name or '').strip()))
    if not values and idx is not None:
        for (caller, a) in kb_callargs.get((f, fn, idx), []):
            values += kb_vals(f, a)
    if name is None:
        for n in kb_caller_names(f, fn, c, fld):
            values += kb_vals(f, n)
    for v in sorted(set(values)) or [None]:
        coccinelle.kb_parents.append({'file': f, 'line': line, 'name': v,
            'modname': kbound_string(mod, f, kb_consts.get(f)) if mod else kbound_modname(f),
            'tag': None, 'ctype': t, 'kind': 'embed'})
for (f, tbl), (line, names) in sorted(kb_entries.items()):
    entries = []
    for n in names:
        entries += kb_vals(f, n)
    coccinelle.kb_tables.append({'file': f, 'line': line, 'table': tbl,
        'entries': entries,
        'drivers': [(d, fl) for (df, d), (t, fl) in sorted(kb_drivers.items())
                    if df == f and t == tbl]})
for d in (kb_raw, kb_inits, kb_names, kb_mods, kb_aliases, kb_consts, kb_want,
          kb_callargs, kb_entries, kb_drivers, kb_init_macros):
    d.clear()

@finalize:python@
parents << merge.kb_parents;
uses << merge.kb_uses;
tables << merge.kb_tables;
@@
import coccilib.report, coccilib.org, os, sys

class KbPos:
    def __init__(self, file, line):
        self.file, self.line, self.column, self.column_end = file, line, 0, 0

def kb_flat(lists):
    out = []
    for l in lists:
        out.extend(l or [])
    return out

parents, uses, tables = kb_flat(parents), kb_flat(uses), kb_flat(tables)
uses.sort(key=lambda u: (u['file'], u['line']))
by_name = {}
for par in parents:
    if par['name'] is not None and par['modname'] is not None:
        by_name.setdefault(par['modname'] + '.' + par['name'], []).append(par)

seen = set()
out = []
for tb in tables:
    # The code of the drivers that use this table.
    funcs = set()
    for (drv, fl) in tb['drivers']:
        funcs.update(fl)
    ndrivers = len([t for t in tables if t['file'] == tb['file'] and t['drivers']])
    mine = [u for u in uses if u['file'] == tb['file'] and
            (u['func'] in funcs or ndrivers <= 1)]
    tags = set(u['tag'] for u in mine if u['tag'])
    ctypes = set(u['ctype'] for u in mine if u['ctype'])
    for entry in tb['entries']:
        for par in by_name.get(entry, []):
            where = '%s:%d' % (par['file'], par['line'])
            if os.environ.get('KBOUND_TM2_PAIRS'):
                # Debug aid: every matched parent/driver pair, on stderr.
                sys.stderr.write('TM2 pair %s: %s %s (%s) -> %s:%d tags=%s types=%s\n' % (
                    entry, where, par['kind'], par['tag'] or par['ctype'],
                    tb['file'], tb['line'], sorted(tags), sorted(ctypes)))
            problem = None
            if par['kind'] == 'regdata':
                if tags and par['tag'] not in tags:
                    problem = ('fetches with tag %s, but %s registers "%s" with tag %s'
                               % ('/'.join(sorted(tags)), where, entry, par['tag']))
                    site = [u for u in mine if u['tag']][0]
                elif not tags and ctypes:
                    problem = ('container_of()s the device to %s, but %s registers "%s" through auxiliary_registration_new() with tag %s: fetch with auxiliary_registration_data(adev, &%s)'
                               % ('/'.join(sorted(ctypes)), where, entry, par['tag'], par['tag']))
                    site = [u for u in mine if u['ctype']][0]
            elif par['kind'] == 'embed' and par['ctype']:
                if ctypes and par['ctype'] not in ctypes:
                    problem = ('container_of()s the device to %s, but %s embeds "%s" in %s'
                               % ('/'.join(sorted(ctypes)), where, entry, par['ctype']))
                    site = [u for u in mine if u['ctype']][0]
                elif not ctypes and tags:
                    problem = ('fetches registration data with tag %s, but %s registers "%s" without registration data (embedded in %s): the fetch returns -ENOENT'
                               % ('/'.join(sorted(tags)), where, entry, par['ctype']))
                    site = [u for u in mine if u['tag']][0]
            if not problem:
                continue
            same = par['file'] == site['file']
            cid = 'TM1' if same and par['kind'] == 'regdata' and tags else 'TM2'
            key = (site['file'], site['line'], entry, par['file'], par['line'])
            if key in seen:
                continue
            seen.add(key)
            out.append((site['file'], site['line'],
                        '[%s] auxiliary driver for "%s" (%s:%d) %s' % (cid, entry, tb['file'], tb['line'], problem)))

if os.environ.get('KBOUND_TM2_PAIRS'):
    npairs = sum(len(by_name.get(e, [])) for tb in tables for e in tb['entries'])
    sys.stderr.write('TM2 summary: %d parent registrations (%d with a resolved name), '
                     '%d id tables (%d resolved entries), %d pairs\n' % (
                         len(parents), sum(1 for p in parents if p['name'] is not None),
                         len(tables), sum(len(t['entries']) for t in tables), npairs))

for (f, l, msg) in sorted(out):
    if kb_mode == 'report':
        coccilib.report.print_report(KbPos(f, l), msg)
    else:
        coccilib.org.print_todo(KbPos(f, l), msg)
