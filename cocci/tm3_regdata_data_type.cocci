// SPDX-License-Identifier: GPL-2.0-only
/// [TM3] At creation, @data does not point to the type of the tag:
/// auxiliary_registration_new(..., &tag, data) where tag was defined by
/// DEFINE_AUXILIARY_REGDATA_TYPE(tag, struct A) and data is a struct B *.
/// The registration copies sizeof(struct A) bytes from data, and every
/// driver that fetches with the tag reads a struct A that is not there.
/// Pass a pointer to the tag's type, or use the tag of the data's type.
///
// Confidence: High
// Copyright: (C) 2026 kbound authors.
// Comments: the tag must be defined in the same file or in a header it
//  includes with quotes; data of unknown or void type is not judged.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@tm3@
identifier tag;
type T;
T *D;
expression E1, E2, E3, E4;
position p;
@@
\(auxiliary_registration_new@p\|devm_auxiliary_registration_new@p\)(E1, E2, E3, E4, &tag, D)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_tags = {}	# file -> {tag: type}
kb_rep = set()
kb_def = re.compile(r'DEFINE_AUXILIARY_REGDATA_TYPE\s*\(\s*(\w+)\s*,\s*([^;]*?)\)\s*;')
kb_inc = re.compile(r'#\s*include\s*"([^"]+)"')
kb_tdef = re.compile(r'typedef\s+((?:struct|union|enum)\s+\w+|\w+)\s+(\w+)\s*;')
kb_typedefs = {}	# file -> {alias: type}
kb_macros = {}	# (file, creation macro) -> (its tag, index of its data parameter)
kb_mode = None

def kb_tags_of(file):
    if file in kb_tags:
        return kb_tags[file]
    tags = {}
    todo, seen = [file], set()
    while todo:
        f = todo.pop()
        if f in seen or len(seen) > 20:
            continue
        seen.add(f)
        try:
            text = open(f, errors='replace').read()
        except OSError:
            continue
        for m in kb_def.finditer(text):
            tags.setdefault(m.group(1), kbound_norm(m.group(2)))
        for m in kb_tdef.finditer(text):
            kb_typedefs.setdefault(file, {})[m.group(2)] = kbound_norm(m.group(1))
        for m in kb_inc.finditer(text):
            todo.append(os.path.join(os.path.dirname(f), m.group(1)))
    kb_tags[file] = tags
    return tags

def kb_mismatch(p, tag, t):
    want = kb_tags_of(p.file).get(tag)
    got = kbound_norm(t)
    tdefs = kb_typedefs.get(p.file, {})
    if want is not None:
        want = tdefs.get(want, want)
    got = tdefs.get(got, got)
    if want is None or got in ('void', 'char', 'u8', 'unsigned char') or want == got:
        return None
    kb_rep.add((p.file, p.line, p.column))
    return want

@initialize:python depends on report@
@@
kb_mode = "report"

@initialize:python depends on org@
@@
kb_mode = "org"

@script:python depends on report@
p << tm3.p;
tag << tm3.tag;
t << tm3.T;
d << tm3.D;
@@
want = kb_mismatch(p[0], tag, t)
if want:
    coccilib.report.print_report(p[0], "[TM3] registration data %s is a %s *, but tag %s is for %s: pass a %s * or the tag of %s" % (d.replace(" ", ""), kbound_norm(t), tag, want, want, kbound_norm(t)))

@script:python depends on org@
p << tm3.p;
tag << tm3.tag;
t << tm3.T;
@@
want = kb_mismatch(p[0], tag, t)
if want:
    coccilib.org.print_todo(p[0], "[TM3] registration data is a %s *, tag %s is for %s" % (kbound_norm(t), tag, want))

@script:python depends on context@
p << tm3.p;
tag << tm3.tag;
t << tm3.T;
@@
kb_mismatch(p[0], tag, t)

// A creation macro of the file with a fixed tag whose data is one of its
// parameters: `#define foo_reg(d, x) auxiliary_registration_new(d, ...,
// &foo_type, x)`; a call passes the data unchecked by the compiler.
@tm3m@
identifier W, tag;
expression E1, E2, E3, E4, D;
position p;
@@
#define W(...) \(auxiliary_registration_new@p\|devm_auxiliary_registration_new@p\)(E1, E2, E3, E4, &tag, D)

@script:python@
w << tm3m.W;
tag << tm3m.tag;
d << tm3m.D;
p << tm3m.p;
@@
params = kbound_macro_params(p[0].file, w)
d = d.strip().strip("()").strip()
if tag not in params and d in params:
    kb_macros[(p[0].file, w)] = (tag, params.index(d))

@tm3w depends on tm3m@
identifier W : script:python() { any(n == W for (f, n) in kb_macros) };
expression list[n] ES;
type T;
T *D;
position p;
@@
W@p(ES, D, ...)

@script:python@
p << tm3w.p;
n << tm3w.n;
t << tm3w.T;
d << tm3w.D;
@@
w = kbound_name_at(p[0])
m = kb_macros.get((p[0].file, w))
if m and m[1] == int(n):
    want = kb_mismatch(p[0], m[0], t)
    if want and kb_mode == "report":
        coccilib.report.print_report(p[0], "[TM3] registration data %s is a %s *, but tag %s (in %s()) is for %s: pass a %s * or the tag of %s" % (d.replace(" ", ""), kbound_norm(t), m[0], w, want, want, kbound_norm(t)))
    elif want and kb_mode == "org":
        coccilib.org.print_todo(p[0], "[TM3] registration data is a %s *, tag %s (in %s()) is for %s" % (kbound_norm(t), m[0], w, want))

@depends on context@
identifier NEW;
position p : script:python() { (p[0].file, p[0].line, p[0].column) in kb_rep };
@@
* NEW@p(...)
