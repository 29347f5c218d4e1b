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
/// Pass one collects, per file: registrations (auxiliary_registration_new
/// and the devm variant: name, modname, tag), auxiliary_device_init() of a
/// struct auxiliary_device embedded in a container (its ->name, its
/// container type, the modname given to __auxiliary_device_add() or else
/// KBUILD_MODNAME), auxiliary_device_create(), id tables, auxiliary drivers
/// and the tags / container types their code uses.  KBUILD_MODNAME is
/// derived from the kbuild Makefile (obj-y/obj-m/foo-y/foo-objs lines)
/// next to the file; string macros are resolved from the file and the
/// headers it includes.  The finalize pass joins "modname.name" pairs over
/// all files (merging the per-worker tables under --jobs) and reports.
///
// Confidence: Moderate
// Copyright: (C) 2026 kbound authors.
// Comments: names built at run time (sprintf, tables, parameters) cannot be
//  resolved and are skipped.  A parent and driver in the same file with
//  different tags are reported as TM1.
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
import os, re

# Per worker tables; finalize merges them (see merge.* below).
coccinelle.kb_parents = []	# dicts: file line name modname tag ctype kind
coccinelle.kb_uses = []		# dicts: file line func tag ctype
coccinelle.kb_tables = []	# dicts: file line entries(list of str) drivers
kb_inits = {}			# (file, func, expr) -> (line, ctype)
kb_names = {}			# (file, func, expr) -> name text
kb_mods = {}			# (file, func, expr) -> modname text
kb_aliases = {}			# (file, func, ident) -> (container expr, ctype, field)
kb_seen_tables = set()
kb_want = {}			# (file, func, param) -> param index, names to resolve
kb_callargs = {}		# (file, func, index) -> argument texts at call sites
kb_mode = "org"

KB_STR_DEF = re.compile(r'^\s*#\s*define\s+(\w+)\s+((?:"(?:[^"\\]|\\.)*"|\w+)(?:\s+(?:"(?:[^"\\]|\\.)*"|\w+))*)\s*$', re.M)
KB_INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
KB_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(\w+)')
kb_defs_cache = {}
kb_mod_cache = {}

def kb_srctree(path):
    d = os.path.dirname(os.path.abspath(path))
    while d != '/':
        if os.path.isdir(os.path.join(d, 'include', 'linux')):
            return d
        d = os.path.dirname(d)
    return None

kb_read_cache = {}

def kb_read(path):
    if path not in kb_read_cache:
        try:
            with open(path, errors='replace') as f:
                kb_read_cache[path] = f.read()
        except OSError:
            kb_read_cache[path] = ''
    return kb_read_cache[path]

kb_file_cache = {}

def kb_file_defs(path):
    """(string #defines, included paths) of one file, parsed once."""
    if path not in kb_file_cache:
        text = kb_read(path)
        root = kb_srctree(path)
        incs = []
        for m in KB_INCLUDE.finditer(text):
            if m.group(1) == '"':
                inc = os.path.join(os.path.dirname(path), m.group(2))
            elif root:
                inc = os.path.join(root, 'include', m.group(2))
            else:
                continue
            if os.path.isfile(inc):
                incs.append(inc)
        defs = dict((m.group(1), m.group(2)) for m in KB_STR_DEF.finditer(text))
        kb_file_cache[path] = (defs, incs)
    return kb_file_cache[path]

def kb_define(path, name):
    """The string-valued #define name from path or the headers it includes
    (three levels deep, nearest first), or None."""
    key = (path, name)
    if key in kb_defs_cache:
        return kb_defs_cache[key]
    seen, level, val = set([path]), [path], None
    for _ in range(4):
        for f in level:
            defs, _ = kb_file_defs(f)
            if name in defs:
                val = defs[name]
                break
        if val is not None:
            break
        nxt = []
        for f in level:
            for inc in kb_file_defs(f)[1]:
                if inc not in seen:
                    seen.add(inc)
                    nxt.append(inc)
        level = nxt
    kb_defs_cache[key] = val
    return val

def kb_modname(path):
    """KBUILD_MODNAME of path, from the kbuild Makefile that builds it."""
    path = os.path.abspath(path)
    if path in kb_mod_cache:
        return kb_mod_cache[path]
    base = os.path.splitext(os.path.basename(path))[0]
    result = base
    d = os.path.dirname(path)
    for _ in range(3):
        rel = os.path.relpath(os.path.splitext(path)[0] + '.o', d)
        found = None
        for mk in ('Kbuild', 'Makefile'):
            text = kb_read(os.path.join(d, mk)).replace('\\\n', ' ')
            for m in re.finditer(r'^\s*([\w-]+?)-(?:y|m|objs|\$\([\w]+\))\s*[:+]?=\s*(.*)$', text, re.M):
                if m.group(1) == 'obj' or m.group(1).startswith('ccflags') or m.group(1).startswith('subdir'):
                    continue
                if rel in m.group(2).split():
                    found = m.group(1)
                    break
            if found:
                break
        if found:
            result = found.replace('-', '_')
            break
        if os.path.isfile(os.path.join(d, 'Makefile')) and re.search(r'obj-[^\n]*\b' + re.escape(rel) + r'\b', kb_read(os.path.join(d, 'Makefile'))):
            result = os.path.splitext(os.path.basename(rel))[0].replace('-', '_')
            break
        d = os.path.dirname(d)
    kb_mod_cache[path] = result
    return result

def kb_string(text, path, depth=0):
    """Value of a string expression (literals, macros, KBUILD_MODNAME), or None."""
    if text is None or depth > 5:
        return None
    out = ''
    text = text.strip()
    if not text:
        return None
    pos = 0
    for m in KB_TOKEN.finditer(text):
        if text[pos:m.start()].strip():
            return None
        pos = m.end()
        if m.group(1) is not None:
            out += m.group(1)
        elif m.group(2) == 'KBUILD_MODNAME':
            out += kb_modname(path)
        else:
            val = kb_define(path, m.group(2))
            sub = kb_string(val, path, depth + 1) if val else None
            if sub is None:
                return None
            out += sub
    if text[pos:].strip():
        return None
    return out

def kb_global_string(ident, path):
    """A file-scope char array or pointer initialised with a literal."""
    m = re.search(r'\b' + re.escape(ident) + r'\s*(?:\[[^\]]*\])?\s*=\s*"((?:[^"\\]|\\.)*)"\s*;', kb_read(path))
    return m.group(1) if m else None

def kb_strings(text, path):
    """Possible values of a name expression: handles c ? "a" : "b"."""
    if text is None:
        return []
    m = re.match(r'^[^?]*\?\s*(.*?)\s*:\s*([^:]*)$', text.strip())
    parts = [m.group(1), m.group(2)] if m else [text]
    out = []
    for t in parts:
        v = kb_string(t, path)
        if v is None and re.match(r'^\w+$', t.strip()):
            v = kb_global_string(t.strip(), path)
        if v is not None:
            out.append(v)
    return out

def kb_norm(t):
    t = re.sub(r'\b(const|volatile)\b', ' ', t or '')
    return ' '.join(t.replace('*', ' * ').split())

def kb_e(e):
    return re.sub(r'\s+', '', e)

KB_FUNC = re.compile(r'^[A-Za-z_][\w \t\*]*?\b(\w+)\s*\(')
kb_func_cache = {}

def kb_functions(path):
    """Line -> enclosing function name, for kernel style code (definitions
    start in column 0, bodies open with '{' in column 0)."""
    if path in kb_func_cache:
        return kb_func_cache[path]
    owner, cur, pending = {}, None, None
    for no, l in enumerate(kb_read(path).split('\n'), 1):
        m = KB_FUNC.match(l)
        if m and not l.rstrip().endswith(';') and not l.startswith(('struct', 'static struct', 'static const struct', 'typedef', 'enum', 'union')):
            pending = m.group(1)
        elif m and l.startswith(('static struct', 'static const struct', 'struct')) and '(' in l and not l.rstrip().endswith(';') and '=' not in l:
            pending = m.group(1)
        if l.startswith('{') and pending:
            cur, pending = pending, None
        elif l.startswith('}'):
            owner[no] = cur
            cur = None
            continue
        owner[no] = cur
    kb_func_cache[path] = owner
    return owner

def kb_name_of(path, fn, e):
    """The ->name given to the device expression e in function fn."""
    owner = kb_functions(path)
    lines = kb_read(path).split('\n')
    want = set([e, e[1:]]) if e.startswith('&') else set([e])
    for (af, afn, a), (c, t, fld) in kb_aliases.items():
        if af == path and afn == fn and a == e:
            want.add(c + '->' + fld)
    found = None
    for no, l in enumerate(lines, 1):
        if owner.get(no) != fn:
            continue
        m = re.match(r'^\s*(.+?)\s*(?:->|\.)\s*name\s*=\s*(.+?);\s*(?:/\*.*)?$', l)
        if m and kb_e(m.group(1)) in want:
            found = m.group(2)
    return found

def kb_scan_uses(path):
    """container_of() of a struct auxiliary_device * (directly or through a
    to_foo() macro) in the functions of path."""
    text = kb_read(path)
    owner = kb_functions(path)
    adev_vars = set(re.findall(r'struct\s+auxiliary_device\s*\*\s*(\w+)', text))
    macros = {}
    for m in re.finditer(r'#\s*define\s+(\w+)\s*\(\s*(\w+)\s*\)\s*\\?\s*container_of\s*\(\s*\(?\s*\2\s*\)?\s*,\s*((?:struct|union)\s+\w+)\s*,', text):
        macros[m.group(1)] = kb_norm(m.group(3))
    for m in re.finditer(r'\bcontainer_of\s*\(\s*(\w+)\s*,\s*((?:struct|union)\s+\w+)\s*,', text):
        line = text.count('\n', 0, m.start()) + 1
        if m.group(1) in adev_vars and owner.get(line):
            coccinelle.kb_uses.append({'file': path, 'line': line, 'func': owner[line],
                                       'tag': None, 'ctype': kb_norm(m.group(2))})
    for mac, t in macros.items():
        for m in re.finditer(r'\b' + re.escape(mac) + r'\s*\(\s*(\w+)\s*\)', text):
            line = text.count('\n', 0, m.start()) + 1
            if m.group(1) in adev_vars and owner.get(line):
                coccinelle.kb_uses.append({'file': path, 'line': line, 'func': owner[line],
                                           'tag': None, 'ctype': t})

def kb_scan_tables(path):
    """auxiliary_device_id tables and the auxiliary drivers that use them."""
    if path in kb_seen_tables:
        return
    kb_seen_tables.add(path)
    text = kb_read(path)
    drivers = {}
    for m in re.finditer(r'struct\s+auxiliary_driver\s+(\w+)\s*=\s*\{(.*?)\n\s*\}\s*;', text, re.S):
        body = m.group(2)
        tbl = re.search(r'\.id_table\s*=\s*(\w+)', body)
        funcs = re.findall(r'\.(?:probe|remove|shutdown)\s*=\s*(\w+)', body)
        if tbl:
            drivers.setdefault(tbl.group(1), []).append((m.group(1), funcs))
    for m in re.finditer(r'struct\s+auxiliary_device_id\s+(\w+)\s*\[[^\]]*\]\s*=\s*\{(.*?)\n\s*\}\s*;', text, re.S):
        line = text.count('\n', 0, m.start()) + 1
        entries = []
        for n in re.finditer(r'\.name\s*=\s*([^,}]+)', m.group(2)):
            v = kb_string(n.group(1), path)
            if v is not None:
                entries.append(v)
        coccinelle.kb_tables.append({'file': path, 'line': line, 'table': m.group(1),
                                     'entries': entries,
                                     'drivers': drivers.get(m.group(1), [])})

@initialize:python depends on report@
@@
kb_mode = "report"

@script:python@
p << new.p;
nam << new.NAME;
mod << new.MOD;
tag << new.TAG;
@@
coccinelle.kb_parents.append({'file': p[0].file, 'line': int(p[0].line),
    'name': kb_string(nam, p[0].file), 'modname': kb_string(mod, p[0].file),
    'tag': tag, 'ctype': None, 'kind': 'regdata'})

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
kb_inits[(p[0].file, p[0].current_element, kb_e('&' + c + '->' + fld))] = (int(p[0].line), kb_norm(t))

@inita@
identifier A;
position p;
@@
auxiliary_device_init@p(A)

// Only in files where inita matched (auxiliary_device_init() of a plain
// identifier): elsewhere the alias table is never read, and every
// address-of-field assignment would cost a Python call for nothing.
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
kb_aliases[(p[0].file, p[0].current_element, a)] = (kb_e(c), kb_norm(t), fld)

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
kb_aliases[(p[0].file, p[0].current_element, a)] = (kb_e(c), kb_norm(t), fld)

@script:python@
p << inita.p;
a << inita.A;
@@
al = kb_aliases.get((p[0].file, p[0].current_element, a))
if al:
    kb_inits[(p[0].file, p[0].current_element, a)] = (int(p[0].line), al[1])

// md and fetch name their function by a regex: a literal would add it to the
// file prefilter's token list (spatch scans every file once per token), and
// these rules only run where init/inita or idt already matched.
@md depends on init || inita@
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
kb_mods[(p[0].file, p[0].current_element, kb_e(e))] = mod

// A name that is a parameter of the function that sets it: resolve it from
// the calls of that function in the same file (one level).
@script:python depends on init || inita@
@@
for (f, fn, e), (line, t) in list(kb_inits.items()):
    name = kb_name_of(f, fn, e)
    if name and re.match(r'^\w+$', name.strip()):
        kb_want[(f, fn, name.strip())] = None

// fp and cs test every function name in the file against kb_want in
// Python: run them only when some name is a parameter.
@script:python want depends on init || inita@
@@
if not kb_want:
    cocci.include_match(False)

@fp depends on want@
identifier fn : script:python() { any(k[1] == fn for k in kb_want) };
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

@cs depends on want@
identifier fn : script:python() { any(k[1] == fn for k in kb_want) };
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
kb_callargs.setdefault((p[0].file, fn, int(n)), []).append(a)

@script:python depends on init || inita@
@@
for (f, fn, e), (line, t) in list(kb_inits.items()):
    name = kb_name_of(f, fn, e)
    mod = kb_mods.get((f, fn, e))
    values = kb_strings(name, f) if name else []
    idx = kb_want.get((f, fn, (name or '').strip()))
    if not values and idx is not None:
        for a in kb_callargs.get((f, fn, idx), []):
            values += kb_strings(a, f)
    for v in sorted(set(values)) or [None]:
        coccinelle.kb_parents.append({'file': f, 'line': line, 'name': v,
            'modname': kb_string(mod, f) if mod else kb_modname(f),
            'tag': None, 'ctype': t, 'kind': 'embed'})
kb_inits.clear()
kb_want.clear()
kb_callargs.clear()

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
name = nam
coccinelle.kb_parents.append({'file': p[0].file, 'line': int(p[0].line),
    'name': kb_string(name, p[0].file), 'modname': kb_string(mod, p[0].file),
    'tag': None, 'ctype': None, 'kind': 'create'})

@crd@
expression E1, NAME, E3;
position p;
@@
devm_auxiliary_device_create@p(E1, NAME, E3)

@script:python@
p << crd.p;
nam << crd.NAME;
@@
name = nam
coccinelle.kb_parents.append({'file': p[0].file, 'line': int(p[0].line),
    'name': kb_string(name, p[0].file), 'modname': kb_modname(p[0].file),
    'tag': None, 'ctype': None, 'kind': 'create'})

// Driver side.
@idt@
identifier I;
position p;
@@
struct auxiliary_device_id I@p[] = ...;

@script:python@
p << idt.p;
@@
if p[0].file not in kb_seen_tables:
    kb_scan_uses(p[0].file)
kb_scan_tables(p[0].file)

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
