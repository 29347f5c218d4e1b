// SPDX-License-Identifier: GPL-2.0-only
/// [TM1] A registration is fetched with a tag other than the one it was
/// created with: R = auxiliary_registration_new(..., &A, data) and later
/// auxiliary_registration_data(auxiliary_registration_device(R), &B).
/// The getter compares tag addresses and returns ERR_PTR(-EINVAL); code
/// that skips the check reads the data as the wrong type.  Fetch with &A.
///
// Confidence: High
// Copyright: (C) 2026 kbound authors.
// Comments: the handle expression must be spelled the same in the file;
//  the cross-driver case (id table -> parent) is tm2_regdata_tag_mismatch.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_tags = {}	# (file, handle) -> {tag: creation line}
kb_rep = set()	# reported fetch positions
kb_mode = None
kb_ctags = {}	# (file, creator macro or helper) -> its tag
kb_cnot = set()	# (file, helper) that is not a creator with a fixed tag
kb_ftags = {}	# (file, fetch macro) -> its tag
kb_ok_ret = re.compile(r"^\s*((devm_)?auxiliary_registration_new\s*\(.*|(ERR_PTR|ERR_CAST)\s*\(.*|NULL)\s*$", re.S)

def kb_is_creator(w):
    return any(n == w for (f, n) in kb_ctags)

def kb_is_fetcher(w):
    return any(n == w for (f, n) in kb_ftags)

def kb_creator_tag(p):
    """The fixed tag of the creator called at p, or None."""
    w = kbound_name_at(p)
    if w is None or (p.file, w) in kb_cnot or p.current_element == w:
        return None
    return kb_ctags.get((p.file, w))

def kb_fetch_tag(p):
    return kb_ftags.get((p.file, kbound_name_at(p)))

def kb_created(p, r, a):
    kb_tags.setdefault((p.file, kbound_squash(r)), {}).setdefault(a, p.line)

def kb_wrong(p, r, b):
    """The creation tag and line when handle r was never created with b."""
    tags = kb_tags.get((p.file, kbound_squash(r)))
    if not tags or b is None or b in tags:
        return None
    a, line = sorted(tags.items(), key=lambda t: int(t[1]))[0]
    key = (p.file, p.line, p.column)
    if key in kb_rep:
        return None
    kb_rep.add(key)
    msg = "[TM1] registration created with tag %s (line %s) is fetched with tag %s: auxiliary_registration_data() returns ERR_PTR(-EINVAL); fetch with &%s" % (a, line, b, a)
    if kb_mode == "report":
        coccilib.report.print_report(p, msg)
    elif kb_mode == "org":
        coccilib.org.print_todo(p, "[TM1] registration created with tag %s is fetched with tag %s" % (a, b))
    return a

@initialize:python depends on report@
@@
kb_mode = "report"

@initialize:python depends on org@
@@
kb_mode = "org"

// Creations: the handle is an assignment target or a declared local.
@c@
expression R, E1, E2, E3, E4, D;
identifier A;
position pc;
@@
R = \(auxiliary_registration_new@pc\|devm_auxiliary_registration_new@pc\)(E1, E2, E3, E4, &A, D)

@script:python@
r << c.R;
a << c.A;
pc << c.pc;
@@
kb_created(pc[0], r, a)

@cd@
identifier R, A;
expression E1, E2, E3, E4, D;
type T;
position pc;
@@
T R = \(auxiliary_registration_new@pc\|devm_auxiliary_registration_new@pc\)(E1, E2, E3, E4, &A, D);

@script:python@
r << cd.R;
a << cd.A;
pc << cd.pc;
@@
kb_created(pc[0], r, a)

// The file's own creators with a fixed tag: a macro whose whole body is
// the creation, or a function whose every return is the creation or an
// error; the tag is theirs unless it is one of their parameters.
@cm@
identifier W, A;
expression E1, E2, E3, E4, D;
position p;
@@
#define W(...) \(auxiliary_registration_new@p\|devm_auxiliary_registration_new@p\)(E1, E2, E3, E4, &A, D)

@script:python@
w << cm.W;
a << cm.A;
p << cm.p;
@@
if a not in kbound_macro_params(p[0].file, w):
    kb_ctags[(p[0].file, w)] = a

@ch@
identifier fn, A;
expression E1, E2, E3, E4, D;
position p;
@@
fn@p(...) { <+... return \(auxiliary_registration_new\|devm_auxiliary_registration_new\)(E1, E2, E3, E4, &A, D); ...+> }

@script:python@
fn << ch.fn;
a << ch.A;
p << ch.p;
@@
kb_ctags.setdefault((p[0].file, fn), a)
if kb_ctags[(p[0].file, fn)] != a:
    kb_cnot.add((p[0].file, fn))	# two tags

@chr depends on ch@
identifier ch.fn;
expression R;
position pr;
@@
fn(...) { <+... return@pr R; ...+> }

@script:python@
fn << ch.fn;
r << chr.R;
pr << chr.pr;
@@
if not kb_ok_ret.match(r):
    kb_cnot.add((pr[0].file, fn))

@chp depends on ch@
identifier ch.fn, ch.A;
type T;
position pp;
@@
fn@pp(..., T A, ...) { ... }

@script:python@
fn << ch.fn;
pp << chp.pp;
@@
kb_cnot.add((pp[0].file, fn))

@cw depends on cm || ch@
expression R;
identifier W : script:python() { kb_is_creator(W) };
position pc;
@@
R = W@pc(...)

@script:python@
r << cw.R;
pc << cw.pc;
@@
a = kb_creator_tag(pc[0])
if a:
    kb_created(pc[0], r, a)

@cwd depends on cm || ch@
identifier R;
identifier W : script:python() { kb_is_creator(W) };
type T;
position pc;
@@
T R = W@pc(...);

@script:python@
r << cwd.R;
pc << cwd.pc;
@@
a = kb_creator_tag(pc[0])
if a:
    kb_created(pc[0], r, a)

// Fetches: through auxiliary_registration_device(R) directly, or a local
// (assigned or initialized) holding it.
@f1 depends on c || cd || cw || cwd@
expression R;
identifier B;
position pf;
@@
auxiliary_registration_data@pf(auxiliary_registration_device(R), &B)

@f2 depends on c || cd || cw || cwd exists@
expression R, X;
identifier B;
position pf;
@@
X = auxiliary_registration_device(R);
... when != X = ...
auxiliary_registration_data@pf(X, &B)

@f3 depends on c || cd || cw || cwd exists@
expression R;
identifier X, B;
type T;
position pf;
@@
T X = auxiliary_registration_device(R);
... when != X = ...
auxiliary_registration_data@pf(X, &B)

@script:python@
r << f1.R;
b << f1.B;
pf << f1.pf;
@@
kb_wrong(pf[0], r, b)

@script:python@
r << f2.R;
b << f2.B;
pf << f2.pf;
@@
kb_wrong(pf[0], r, b)

@script:python@
r << f3.R;
b << f3.B;
pf << f3.pf;
@@
kb_wrong(pf[0], r, b)

// Fetches through a macro of the file whose whole body is the fetch with
// a fixed tag: `#define foo_data(a) auxiliary_registration_data(a, &B)`.
@fm depends on c || cd || cw || cwd@
identifier W, a, B;
position p;
@@
#define W(a) auxiliary_registration_data@p(a, &B)

@script:python@
w << fm.W;
b << fm.B;
p << fm.p;
@@
if b not in kbound_macro_params(p[0].file, w):
    kb_ftags[(p[0].file, w)] = b

@f1w depends on fm@
expression R;
identifier W : script:python() { kb_is_fetcher(W) };
position pf;
@@
W@pf(auxiliary_registration_device(R))

@f2w depends on fm exists@
expression R, X;
identifier W : script:python() { kb_is_fetcher(W) };
position pf;
@@
X = auxiliary_registration_device(R);
... when != X = ...
W@pf(X)

@f3w depends on fm exists@
expression R;
identifier X;
identifier W : script:python() { kb_is_fetcher(W) };
type T;
position pf;
@@
T X = auxiliary_registration_device(R);
... when != X = ...
W@pf(X)

@script:python@
r << f1w.R;
pf << f1w.pf;
@@
kb_wrong(pf[0], r, kb_fetch_tag(pf[0]))

@script:python@
r << f2w.R;
pf << f2w.pf;
@@
kb_wrong(pf[0], r, kb_fetch_tag(pf[0]))

@script:python@
r << f3w.R;
pf << f3w.pf;
@@
kb_wrong(pf[0], r, kb_fetch_tag(pf[0]))

@depends on context@
identifier F;
position p : script:python() { (p[0].file, p[0].line, p[0].column) in kb_rep };
@@
* F@p(...)
