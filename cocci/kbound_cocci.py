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
]

# ---------------------------------------------------------------- devices

kbound_aliases = {}	# (file, function, ident) -> [(line, container expr)]


def kbound_alias(pos, a, c):
    """Record `a = &c->fld` at pos (a spatch position)."""
    key = (pos.file, pos.current_element, a)
    kbound_aliases.setdefault(key, []).append((int(pos.line), c))


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
