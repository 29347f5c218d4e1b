# SPDX-License-Identifier: GPL-2.0-only
"""Python helpers shared by kbound's Coccinelle rules (cocci/*.cocci).

A rule loads this module from the directory of its own .cocci file, so it
works wherever the rule is run from, including the kernel's
`make coccicheck COCCI=<kbound>/cocci/<rule>.cocci` with the rule outside the
kernel tree:

    @initialize:python@
    @@
    import os, sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
    from kbound_cocci import *

Names start with kbound_ (the rules' own Python uses kb_), so a star import
cannot shadow a rule's names.  State (the alias table) is per process: one
rule per spatch run, one table per --jobs worker.
"""
import importlib.util
import os
import re

__all__ = [
    'kbound_alias', 'kbound_container', 'kbound_index', 'kbound_pretty',
    'kbound_key', 'kbound_norm', 'kbound_squash', 'kbound_modname',
    'kbound_string', 'kbound_strings',
    'kbound_wcall', 'kbound_wparam', 'kbound_wbypass', 'kbound_wmacro',
    'kbound_wnames', 'kbound_wrapper', 'kbound_wsite', 'kbound_wdoes',
    'kbound_name_at', 'kbound_macro_params',
    'KBOUND_FAMILIES', 'kbound_family', 'kbound_family_call',
    'kbound_static_dev', 'kbound_set', 'kbound_owned', 'kbound_store',
    'kbound_handed_before', 'kbound_element', 'kbound_release_fns',
    'kbound_freeing_release', 'kbound_device_release', 'kbound_release_frees',
    'kbound_decl_type', 'kbound_frees_type', 'kbound_release_may_free',
    'kbound_release_cb', 'kbound_dev_fn', 'kbound_in_release',
]

# ---------------------------------------------------------------- devices

kbound_aliases = {}	# (file, function, ident) -> [(line, container expr)]
kbound_alias_flds = {}	# (file, function, ident) -> [(line, field)]


def kbound_alias(pos, a, c, fld=None):
    """Record `a = &c->fld` at pos (a spatch position)."""
    key = (pos.file, pos.current_element, a)
    kbound_aliases.setdefault(key, []).append((int(pos.line), c))
    kbound_alias_flds.setdefault(key, []).append((int(pos.line), fld))


def kbound_container(pos, e):
    """The object that owns the auxiliary_device expression e at pos:
    C for &C->fld, or for an identifier last set to &C->fld before pos."""
    e = e.strip()
    m = re.match(r'^&\s*\(?\s*(.+?)\s*\)?\s*->\s*[\w.]+$', e)
    if m:
        return m.group(1)
    cands = kbound_aliases.get((pos.file, pos.current_element, e), [])
    before = [c for (l, c) in sorted(cands) if l <= int(pos.line)]
    if before:
        return before[-1]
    return e


def _device(pos, e):
    """(container, field) of the auxiliary_device expression e at pos:
    (C, fld) for &C->fld or an alias of it, (e, None) for a plain
    identifier (a struct auxiliary_device * itself), else None."""
    e = e.strip()
    m = re.match(r'^&\s*\(?\s*(\w+)\s*\)?\s*->\s*(\w+)$', e)
    if m:
        return (m.group(1), m.group(2))
    if not re.match(r'^\w+$', e):
        return None
    key = (pos.file, pos.current_element, e)
    cands = [x for x in sorted(kbound_alias_flds.get(key, []))
             if x[0] <= int(pos.line)]
    if cands and cands[-1][1]:
        return (kbound_container(pos, e).strip(), cands[-1][1])
    return (e, None)


def kbound_index(*exprs):
    """The first identifier used as an array index in exprs, else a name
    that cannot occur."""
    for e in exprs:
        m = re.search(r'\[\s*([A-Za-z_]\w*)', e)
        if m:
            return m.group(1)
    return "__kbound_no_index"


def kbound_pretty(e):
    """Undo spatch's token spacing: '& f -> adev' -> '&f->adev'."""
    e = re.sub(r'\s*(->|\.)\s*', r'\1', e.strip())
    e = re.sub(r'([&*!(\[])\s+', r'\1', e)
    return e.replace(' )', ')').replace(' [', '[').replace(' ]', ']')


def kbound_key(p):
    """A position as a hashable key."""
    return (p.file, p.line, p.column)


def kbound_norm(t):
    """A type without qualifiers, one space between tokens."""
    t = re.sub(r'\b(const|volatile)\b', ' ', t or '')
    return ' '.join(t.replace('*', ' * ').split())


def kbound_squash(e):
    """An expression without any white space (a join key)."""
    return re.sub(r'\s+', '', e or '')

# ------------------------------------------------------- device families
#
# The driver core's refcounted device families as rows of one model
# (docs/cocci.md): the call of each primitive per family.  A put takes the
# struct device in the generic family (put_device(&x->dev)) and the family
# object in the others (platform_device_put(pdev)).

# The rows are read from checker/KboundAPI.def, the checker's API table, so
# that a name is spelled in one place.  An op is the first of its roles that
# the family has (the platform family's 'init' is platform_device_alloc,
# AllocInit; the auxiliary 'register' is auxiliary_device_create, Create), and
# its call is the family's first row with that role, as api::nameFor() picks
# it in the checker.  Every other row of that family and role is the same op
# (__auxiliary_device_add is an 'add').

KBOUND_API_DEF = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              '..', 'checker', 'KboundAPI.def')
_KBOUND_DEF_FAMILIES = {'Device': 'device', 'Platform': 'platform',
                        'Auxiliary': 'auxiliary'}
_KBOUND_OP_ROLES = (('init', ('Init', 'AllocInit')), ('add', ('Add',)),
                    ('delete', ('Del',)), ('uninit', ('Put',)),
                    ('register', ('InitAdd', 'Create')),
                    ('unregister', ('DelPut', 'Destroy')))


def _kbound_api_rows(path):
    """(name, family, role) of each KBOUND_FUNC row of the .def."""
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except OSError as e:
        raise RuntimeError('kbound: cannot read the API table %s (%s); the '
                           'rules need the kbound checkout they came from'
                           % (os.path.normpath(path), e.strerror or e))
    rows = re.findall(r'^\s*KBOUND_FUNC\(\s*(\w+)\s*,\s*(\w+)\s*,\s*(\w+)',
                      text, re.M)
    if not rows:
        raise RuntimeError('kbound: no KBOUND_FUNC rows in %s'
                           % os.path.normpath(path))
    return rows


def _kbound_families(rows):
    """KBOUND_FAMILIES ({family: {op: name}}) and {name: (family, op)}."""
    first = {}
    for name, fam, role in rows:
        first.setdefault((fam, role), name)
    families, names = {}, {}
    for def_fam, fam in _KBOUND_DEF_FAMILIES.items():
        ops = families[fam] = {}
        for op, roles in _KBOUND_OP_ROLES:
            role = next((r for r in roles if (def_fam, r) in first), None)
            if role is None:
                continue
            ops[op] = first[(def_fam, role)]
            for name, f, r in rows:
                if (f, r) == (def_fam, role):
                    names.setdefault(name, (fam, op))
    return families, names


KBOUND_FAMILIES, _KBOUND_FAMILY_NAMES = _kbound_families(
    _kbound_api_rows(KBOUND_API_DEF))


def kbound_family(api):
    """(family, op) of a family call, or (None, None)."""
    return _KBOUND_FAMILY_NAMES.get(api, (None, None))


def kbound_family_call(api, op):
    """The name of op in the family of the call api: ('device_register',
    'uninit') -> 'put_device'."""
    fam = kbound_family(api)[0]
    return KBOUND_FAMILIES[fam][op] if fam else None


def kbound_static_dev(e):
    """The device expression names an object that is not on the heap
    (`&foo_dev`, `&foo.dev`, `&foo[i].dev`): a static or global device,
    never kfree()d, whose missing put leaks nothing."""
    e = kbound_squash(e)
    return bool(re.match(r'^&\(?\w+(\[[^]]*\])?\)?(\.[\w.]+)?$', e))


# What a function set itself and what it handed on (the family rules): a
# device whose memory the function got from a call (`x = kzalloc(...)`,
# `x = foo_alloc(...)`) is the function's to put; a device passed in is its
# caller's; a device stored in a field or an array element before a point is
# its owner's to tear down.
_sets = set()		# (file, function, value)
_stored = {}		# (file, function, value) -> first line stored in a field


def kbound_set(pos, x):
    """`x = call(...)` (or `T x = call(...)`) at pos."""
    _sets.add((pos.file, pos.current_element, kbound_squash(x)))


def kbound_owned(pos, c):
    """The function of pos set the container c itself from a call."""
    return (pos.file, pos.current_element, kbound_squash(c)) in _sets


def kbound_store(pos, x, y):
    """`x = y` at pos: a store when x is a field or an array element."""
    if re.match(r'^\s*\w+\s*$', x):
        return
    key = (pos.file, pos.current_element, kbound_squash(y))
    if key not in _stored or int(pos.line) < _stored[key]:
        _stored[key] = int(pos.line)


def kbound_handed_before(pos, *vals):
    """One of vals was stored in a field or an array element before pos:
    the owner of that structure tears it down (usb-serial's ports)."""
    for v in vals:
        line = _stored.get((pos.file, pos.current_element, kbound_squash(v)))
        if line is not None and line < int(pos.line):
            return True
    return False


def kbound_element(*vals):
    """An array element: a loop that runs no iteration (the put at a label
    in a loop) looks like a path without the put of that element."""
    return any('[' in v for v in vals)


# The release callbacks of a file, read, not guessed (the family rules):
# which functions are installed as a device release, whether the file has
# one, and which types they free.
kbound_release_fns = set()	# (file, fn) installed as a release
kbound_freeing_release = set()	# files whose device release kfree()s a container
kbound_device_release = set()	# files that install a device release
_freed = {}		# file -> [('var', release, local) | ('type', release, type)]
_types = {}		# (file, function, identifier) -> its declared type


def kbound_release_frees(pos, fn, kind, v):
    """The release fn frees the local v (kind 'var') or a container of
    type v (kind 'type')."""
    kbound_freeing_release.add(pos.file)
    _freed.setdefault(pos.file, []).append((kind, fn, v))


def kbound_decl_type(pos, x, t):
    """x is declared with type t in the function of pos."""
    _types[(pos.file, pos.current_element, x)] = kbound_norm(t)


def kbound_frees_type(pos, c):
    """Some release of the file may free memory of the type of c: false
    only when the type of c and every type the releases free are known."""
    t = _types.get((pos.file, pos.current_element, kbound_squash(c)))
    if t is None:
        return True
    freed = set()
    for (kind, fn, v) in _freed.get(pos.file, []):
        if kind == 'type':
            freed.add(v)
        elif (pos.file, fn, v) in _types:
            freed.add(_types[(pos.file, fn, v)])
        else:
            return True
    return not freed or t in freed


def kbound_release_may_free(pos, c):
    """The memory of c may be freed by a release: no device release of the
    file is visible (the kernel's rule holds), or one frees its type."""
    if pos.file not in kbound_device_release:
        return True
    return pos.file in kbound_freeing_release and kbound_frees_type(pos, c)


# Where a kfree() is the release's own (the UA2 rules): inside a device
# release callback, freeing the container is the correct idiom, whatever
# ran before it there.
_release_cbs = set()	# (file, fn) installed as a release: assignment or initializer
_dev_fns = set()	# (file, fn) whose one parameter is a struct device *
_RELEASE_NAME = re.compile(r'(^|_)release$')


def kbound_release_cb(pos, fn):
    """fn is installed as a release at pos (`x->dev.release = fn`,
    `dev->release = fn`, `.release = fn` in a device_type or any other
    initializer, `.dev.release = fn`)."""
    _release_cbs.add((pos.file, fn))


def kbound_dev_fn(pos, fn):
    """fn, defined at pos, takes one parameter, a struct device *."""
    _dev_fns.add((pos.file, fn))


def kbound_in_release(pos):
    """pos is inside a device release callback of its file: a function
    whose one parameter is a struct device * that the file installs as a
    release or that is named *_release."""
    key = (pos.file, pos.current_element)
    return key in _dev_fns and (key in _release_cbs or
                                bool(_RELEASE_NAME.search(pos.current_element)))


# ------------------------------------------------- KBUILD_MODNAME, strings

_objconfig = []


def _kbuild():
    """bin/kbound-objconfig.py, which owns the kbuild Makefile reading."""
    if not _objconfig:
        here = os.path.dirname(os.path.abspath(__file__))
        path = os.path.join(os.path.dirname(here), 'bin', 'kbound-objconfig.py')
        spec = importlib.util.spec_from_file_location('kbound_objconfig', path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        _objconfig.append(mod)
    return _objconfig[0]


_modnames = {}


def kbound_modname(path):
    """KBUILD_MODNAME of the C file path (see kbound-objconfig.py)."""
    if path not in _modnames:
        _modnames[path] = _kbuild().module_name(path)
    return _modnames[path]


# #define NAME "str" / NAME OTHER "str" (string macros; a backslash-continued
# definition is joined first).
_STR_DEF = re.compile(r'^[ \t]*#[ \t]*define[ \t]+(\w+)[ \t]+((?:"(?:[^"\\\n]|\\.)*"|\w+)(?:[ \t]+(?:"(?:[^"\\\n]|\\.)*"|\w+))*)[ \t]*$', re.M)
_INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(\w+)')
_texts = {}
_files = {}
_defines = {}


def _read(path):
    if path not in _texts:
        try:
            with open(path, errors='replace') as f:
                _texts[path] = f.read().replace('\\\n', ' ')
        except OSError:
            _texts[path] = ''
    return _texts[path]


def _srctree(path):
    d = os.path.dirname(os.path.abspath(path))
    while d != '/':
        if os.path.isdir(os.path.join(d, 'include', 'linux')):
            return d
        d = os.path.dirname(d)
    return None


def _file_defs(path):
    """(string #defines, included paths) of one file, parsed once."""
    if path not in _files:
        text = _read(path)
        root = _srctree(path)
        incs = []
        for m in _INCLUDE.finditer(text):
            if m.group(1) == '"':
                inc = os.path.join(os.path.dirname(path), m.group(2))
            elif root:
                inc = os.path.join(root, 'include', m.group(2))
            else:
                continue
            if os.path.isfile(inc):
                incs.append(inc)
        defs = dict((m.group(1), m.group(2)) for m in _STR_DEF.finditer(text))
        _files[path] = (defs, incs)
    return _files[path]


def _define(path, name):
    """The string-valued #define name from path or the headers it includes
    (three levels deep, nearest first), or None."""
    key = (path, name)
    if key in _defines:
        return _defines[key]
    seen, level, val = set([path]), [path], None
    for _ in range(4):
        for f in level:
            defs = _file_defs(f)[0]
            if name in defs:
                val = defs[name]
                break
        if val is not None:
            break
        nxt = []
        for f in level:
            for inc in _file_defs(f)[1]:
                if inc not in seen:
                    seen.add(inc)
                    nxt.append(inc)
        level = nxt
    _defines[key] = val
    return val


def kbound_string(text, path, extra=None, depth=0):
    """Value of a string expression (literals, string macros,
    KBUILD_MODNAME) in the file path, or None.  extra maps identifiers to
    known values (file-scope string constants that SmPL found)."""
    if text is None or depth > 5:
        return None
    text = text.strip()
    if not text:
        return None
    out, pos = '', 0
    for m in _TOKEN.finditer(text):
        if text[pos:m.start()].strip():
            return None
        pos = m.end()
        if m.group(1) is not None:
            out += m.group(1)
        elif m.group(2) == 'KBUILD_MODNAME':
            out += kbound_modname(path)
        elif extra and m.group(2) in extra:
            out += extra[m.group(2)]
        else:
            val = _define(path, m.group(2))
            sub = kbound_string(val, path, extra, depth + 1) if val else None
            if sub is None:
                return None
            out += sub
    if text[pos:].strip():
        return None
    return out


def kbound_strings(text, path, extra=None):
    """Possible values of a name expression; `c ? "a" : "b"` gives both."""
    if text is None:
        return []
    m = re.match(r'^[^?]*\?\s*(.*?)\s*:\s*([^:]*)$', text.strip())
    parts = [m.group(1), m.group(2)] if m else [text]
    return [v for v in (kbound_string(t, path, extra) for t in parts) if v is not None]

# ------------------------------------------- the file's wrappers and helpers
#
# A driver often calls the device API through its own wrapper macro
# (`#define foo_init(x) auxiliary_device_init(&(x)->adev)`) or a function of
# the same file whose parameter is the container or the device
# (`static void foo_put(struct foo *f) { auxiliary_device_uninit(&f->adev); }`).
# The rules collect, per file: the API calls in each function (kbound_wcall),
# each function's parameters (kbound_wparam), the functions in which a path
# avoids an API call and still succeeds (kbound_wbypass) and the wrapper
# macros whose whole body is one API call (kbound_wmacro).  kbound_wrapper()
# then says what a call of such a name does; "always" means on every path
# (for init/add: on every path that returns success), so that a helper that
# only sometimes does it never creates a report.

# The auxiliary primitives (the combined create/destroy calls are not
# wrappers' business there) and the registration drop; the generic device and
# platform families (the rules named *_device_*.cocci): the same primitives,
# plus the combined calls.
_OPS = {name: op for name, (fam, op) in _KBOUND_FAMILY_NAMES.items()
        if fam != 'auxiliary' or op in ('init', 'add', 'delete', 'uninit')}
_OPS['auxiliary_registration_drop'] = 'drop'
_wcalls = {}	# (file, fn) -> [(op, container, field)]
_wparams = {}	# (file, fn) -> {parameter: index}
_wbypass = set()	# (file, fn, op)
_wmacros = {}	# (file, name) -> [(op, field)]
_wcache = {}	# file -> {name: [(index, op, field, always)]}
kbound_wnames = set()	# candidate names, any file (identifier constraints)


def kbound_wcall(pos, fn, api, e):
    """The API call api(e) at pos in the function fn."""
    d = _device(pos, e)
    if d and api in _OPS:
        _wcalls.setdefault((pos.file, fn), []).append((_OPS[api], d[0], d[1]))
        kbound_wnames.add(fn)
        _wcache.pop(pos.file, None)


def kbound_wparam(pos, fn, p, n):
    """Parameter p of fn is its n-th (from 0)."""
    _wparams.setdefault((pos.file, fn), {})[p] = int(n)
    _wcache.pop(pos.file, None)


_ERR_RET = re.compile(r'^\s*(-\s*E[A-Z0-9]+|-\s*\d+|(PTR_ERR|ERR_PTR|ERR_CAST|dev_err_probe)\s*\(.*)\s*$', re.S)


def kbound_wbypass(pos, fn, api, ret=None):
    """A path of fn that avoids api reaches `return ret` (None: a plain
    return or the end of the function).  An error return is no bypass of
    init or add, which only need to hold when the helper succeeds."""
    op = _OPS.get(api)
    if op in ('init', 'add') and ret is not None and _ERR_RET.match(ret):
        return
    _wbypass.add((pos.file, fn, op))
    _wcache.pop(pos.file, None)


def kbound_wmacro(pos, name, api, fld=None):
    """#define name(x) api(&(x)->fld), or api(x) when fld is None."""
    if api in _OPS:
        _wmacros.setdefault((pos.file, name), []).append((_OPS[api], fld))
        kbound_wnames.add(name)
        _wcache.pop(pos.file, None)


def kbound_wrapper(path, name):
    """What a call of name does in the file path: a list of
    (argument index, op, field or None, always)."""
    if path not in _wcache:
        tab = {}
        for (f, w), ops in _wmacros.items():
            if f == path:
                for op, fld in ops:
                    tab.setdefault(w, []).append((0, op, fld, True))
        for (f, fn), calls in _wcalls.items():
            params = _wparams.get((f, fn), {})
            if f != path or not params:
                continue
            for op, c, fld in calls:
                if c in params:
                    always = (f, fn, op) not in _wbypass
                    tab.setdefault(fn, []).append((params[c], op, fld, always))
        _wcache[path] = tab
    return _wcache[path].get(name, [])


def kbound_wsite(pos, name, n, arg, ops, always=True):
    """A call name(..., arg, ...) at pos with arg its n-th argument, as an
    API call of one of ops: the device expression it works on (`&arg->fld`
    or arg), or None.  A function's own calls (recursion) do not count.
    With always=False a helper that does it on some paths is enough."""
    if name in _OPS:
        return arg.strip() if _OPS[name] in ops and int(n) == 0 else None
    if pos.current_element == name:
        return None
    hits = set((fld, alw) for (idx, op, fld, alw) in kbound_wrapper(pos.file, name)
               if idx == int(n) and op in ops)
    if len(hits) > 1 and always:
        return None		# two devices, or not on every path: ambiguous
    for fld, alw in hits:
        if alw or not always:
            a = arg.strip()
            if fld is None:
                return a
            if a.startswith('&'):
                return '&' + a[1:].strip() + '.' + fld
            if not re.match(r'^[\w>.\[\]-]+$', a.replace(' ', '')):
                a = '(' + a + ')'
            return '&' + a + '->' + fld
    return None


def kbound_wdoes(path, name, ops, always=False):
    """name is a wrapper or helper of path that does one of ops."""
    return any(op in ops and (alw or not always)
               for (_, op, _, alw) in kbound_wrapper(path, name))


_lines = {}


def _src_lines(path):
    if path not in _lines:
        try:
            with open(path, errors='replace') as f:
                _lines[path] = f.read().split('\n')
        except OSError:
            _lines[path] = []
    return _lines[path]


def kbound_name_at(pos):
    """The identifier that starts at the spatch position pos (a rule cannot
    inherit an identifier whose constraint is a script, so rules that match
    a wrapper call by such an identifier read its name back here)."""
    lines = _src_lines(pos.file)
    try:
        m = re.match(r'\w+', lines[int(pos.line) - 1][int(pos.column):])
    except IndexError:
        return None
    return m.group(0) if m else None


def kbound_macro_params(path, name):
    """The parameter names of the function-like #define name in path."""
    m = re.search(r'^[ \t]*#[ \t]*define[ \t]+%s\(([^)]*)\)' % re.escape(name),
                  _read(path), re.M)
    return [a.strip() for a in m.group(1).split(',')] if m else []
