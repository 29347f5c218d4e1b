// SPDX-License-Identifier: GPL-2.0-only
/// [UA6] A registration from devm_auxiliary_registration_new() is dropped
/// by hand with auxiliary_registration_drop().  Devres drops it again when
/// the parent unbinds: a double drop and a use after free.  Remove the
/// auxiliary_registration_drop() call (or create the registration with
/// auxiliary_registration_new() if it must go away earlier).
///
// Confidence: High
// Copyright: (C) 2026 kbound authors.
// Comments: a local or a structure field that holds the devm registration;
//  a field also assigned from auxiliary_registration_new() is not judged.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@dv@
expression R;
position pd;
@@
R = devm_auxiliary_registration_new@pd(...)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_wx_dummy = set()	# files where wx named the dummy function
kb_devm_fields = set()	# (file, field) holding devm registrations
kb_plain_fields = set()	# (file, field) also holding plain ones
kb_rep = {}		# drop position -> field name (None for a local)

kb_file = None		# the file being matched (for identifier constraints)
kb_via = {}		# drop position -> wrapper name

def kb_drop(p, d):
    """d at p is auxiliary_registration_drop() or a wrapper of the file
    that drops its (only) argument on every path."""
    if d == "auxiliary_registration_drop":
        return True
    if kbound_wsite(p, d, 0, "x", ["drop"]) is None:
        return False
    kb_via[kbound_key(p)] = d
    return True

def kb_field_drop(p, fld):
    if (p.file, fld) in kb_devm_fields and (p.file, fld) not in kb_plain_fields:
        kb_rep[kbound_key(p)] = fld

@dvd depends on dv || !dv@
identifier R;
type T;
position pd;
@@
T R = devm_auxiliary_registration_new@pd(...);

// The own drop wrappers of the file (kbound_cocci.py: kbound_wrapper):
// macros whose whole body is auxiliary_registration_drop() of their
// argument, and functions that drop one of their parameters, with the paths
// on which they do not (a helper that only sometimes drops is not taken
// for the drop).
@wmd depends on dv || dvd@
identifier W, a;
identifier API =~ "^auxiliary_registration_drop$";
position p;
@@
#define W(a) API@p(a)

@script:python@
p << wmd.p;
w << wmd.W;
api << wmd.API;
@@
kbound_wmacro(p[0], w, api)

@wc depends on dv || dvd@
identifier API =~ "^auxiliary_registration_drop$";
expression E;
position p;
@@
API@p(E, ...)

@script:python@
p << wc.p;
api << wc.API;
e << wc.E;
@@
kbound_wcall(p[0], p[0].current_element, api, e)

@wp depends on wc@
identifier fn, P;
type T;
parameter list[n] PS;
position p : script:python(fn) { fn in kbound_wnames };
@@
fn@p(PS, T P, ...) { ... }

@script:python@
p << wp.p;
pn << wp.P;
n << wp.n;
@@
kbound_wparam(p[0], p[0].current_element, pn, n)

// (A script rule that drops every match would end matching in the file:
// one match per file names a function that cannot exist instead; each
// match that goes on costs a pass of wb and wbv over the file.)
@script:python wx@
p << wc.p;
FN;
@@
fn = p[0].current_element
if kbound_wrapper(p[0].file, fn):
    coccinelle.FN = cocci.make_ident(fn)
elif p[0].file not in kb_wx_dummy:
    kb_wx_dummy.add(p[0].file)
    coccinelle.FN = cocci.make_ident("__kbound_no_fn")
else:
    cocci.include_match(False)

@wb exists@
identifier wx.FN, wc.API;
expression R;
position pr;
@@
FN(...) {
  ... when != API(...)
(
  return API(...);
|
  return@pr R;
)
}

@script:python@
pr << wb.pr;
api << wc.API;
r << wb.R;
@@
kbound_wbypass(pr[0], pr[0].current_element, api, r)

@wbv exists@
identifier wx.FN, wc.API;
position pe;
@@
void FN@pe(...) {
  ... when != API(...)
}

@script:python@
pe << wbv.pe;
api << wc.API;
@@
kbound_wbypass(pe[0], pe[0].current_element, api)

// Locals: created with devm, dropped on a later path.
@ua6 exists@
expression R;
identifier DROP;
position dv.pd;
position p;
@@
R = devm_auxiliary_registration_new@pd(...);
... when != R = ...
DROP@p(R);

@script:python@
p << ua6.p;
d << ua6.DROP;
@@
if kb_drop(p[0], d):
    kb_rep.setdefault(kbound_key(p[0]), None)

@ua6d exists@
identifier R;
type T;
identifier DROP;
position dvd.pd;
position p;
@@
T R = devm_auxiliary_registration_new@pd(...);
... when != R = ...
DROP@p(R);

@script:python@
p << ua6d.p;
d << ua6d.DROP;
@@
if kb_drop(p[0], d):
    kb_rep.setdefault(kbound_key(p[0]), None)

// Fields: stored in ->fld by probe, dropped in another function.
@fd depends on dv exists@
expression E, R;
identifier fld;
position p;
@@
(
E->fld@p = devm_auxiliary_registration_new(...);
|
R = devm_auxiliary_registration_new(...);
...
E->fld@p = R;
)

@script:python@
fld << fd.fld;
p << fd.p;
@@
kb_devm_fields.add((p[0].file, fld))

@fp depends on fd exists@
expression E, R;
identifier fld;
position p;
@@
(
E->fld@p = auxiliary_registration_new(...);
|
R = auxiliary_registration_new(...);
...
E->fld@p = R;
)

@script:python@
fld << fp.fld;
p << fp.p;
@@
kb_plain_fields.add((p[0].file, fld))

@ua6f depends on fd@
expression E;
identifier fld;
identifier DROP;
position p;
@@
DROP@p(E->fld);

@script:python@
p << ua6f.p;
fld << ua6f.fld;
d << ua6f.DROP;
@@
if kb_drop(p[0], d):
    kb_field_drop(p[0], fld)

@ua6l depends on fd exists@
expression E, R;
identifier fld;
identifier DROP;
position p;
@@
R = E->fld;
... when != R = ...
DROP@p(R);

@script:python@
p << ua6l.p;
fld << ua6l.fld;
d << ua6l.DROP;
@@
if kb_drop(p[0], d):
    kb_field_drop(p[0], fld)

@ua6ld depends on fd exists@
expression E;
identifier R, fld;
type T;
identifier DROP;
position p;
@@
T R = E->fld;
... when != R = ...
DROP@p(R);

@script:python@
p << ua6ld.p;
fld << ua6ld.fld;
d << ua6ld.DROP;
@@
if kb_drop(p[0], d):
    kb_field_drop(p[0], fld)

@bad depends on ua6 || ua6d || fd@
identifier DROP;
position p : script:python() { kbound_key(p[0]) in kb_rep };
@@
DROP@p(...);

@script:python depends on report@
p << bad.p;
@@
fld = kb_rep[kbound_key(p[0])]
what = "->%s holds a devm_auxiliary_registration_new() registration" % fld if fld else "devm-managed registration"
w = kb_via.get(kbound_key(p[0]))
via = " (through %s())" % w if w else ""
coccilib.report.print_report(p[0], "[UA6] %s dropped by hand%s: devres drops it again when the parent unbinds; remove this auxiliary_registration_drop()" % (what, via))

@script:python depends on org@
p << bad.p;
@@
coccilib.org.print_todo(p[0], "[UA6] devm-managed registration dropped by hand")

@depends on context@
identifier bad.DROP;
position bad.p;
@@
* DROP@p(...);

// The fix is to delete the call: devres already drops the registration.
// A helper that drops may do more: only the API call is deleted.
@depends on patch@
position bad.p;
@@
- auxiliary_registration_drop@p(...);
