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
kb_devm_fields = set()	# (file, field) holding devm registrations
kb_plain_fields = set()	# (file, field) also holding plain ones
kb_rep = {}		# drop position -> field name (None for a local)

def kb_field_drop(p, fld):
    if (p.file, fld) in kb_devm_fields and (p.file, fld) not in kb_plain_fields:
        kb_rep[kbound_key(p)] = fld

@dvd depends on dv || !dv@
identifier R;
type T;
position pd;
@@
T R = devm_auxiliary_registration_new@pd(...);

// Locals: created with devm, dropped on a later path.
@ua6 exists@
expression R;
position dv.pd, p;
@@
R = devm_auxiliary_registration_new@pd(...);
... when != R = ...
auxiliary_registration_drop@p(R);

@script:python@
p << ua6.p;
@@
kb_rep.setdefault(kbound_key(p[0]), None)

@ua6d exists@
identifier R;
type T;
position dvd.pd, p;
@@
T R = devm_auxiliary_registration_new@pd(...);
... when != R = ...
auxiliary_registration_drop@p(R);

@script:python@
p << ua6d.p;
@@
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
position p;
@@
auxiliary_registration_drop@p(E->fld);

@script:python@
p << ua6f.p;
fld << ua6f.fld;
@@
kb_field_drop(p[0], fld)

@ua6l depends on fd exists@
expression E, R;
identifier fld;
position p;
@@
R = E->fld;
... when != R = ...
auxiliary_registration_drop@p(R);

@script:python@
p << ua6l.p;
fld << ua6l.fld;
@@
kb_field_drop(p[0], fld)

@ua6ld depends on fd exists@
expression E;
identifier R, fld;
type T;
position p;
@@
T R = E->fld;
... when != R = ...
auxiliary_registration_drop@p(R);

@script:python@
p << ua6ld.p;
fld << ua6ld.fld;
@@
kb_field_drop(p[0], fld)

@bad depends on ua6 || ua6d || fd@
position p : script:python() { kbound_key(p[0]) in kb_rep };
@@
auxiliary_registration_drop@p(...);

@script:python depends on report@
p << bad.p;
@@
fld = kb_rep[kbound_key(p[0])]
what = "->%s holds a devm_auxiliary_registration_new() registration" % fld if fld else "devm-managed registration"
coccilib.report.print_report(p[0], "[UA6] %s dropped by hand: devres drops it again when the parent unbinds; remove this auxiliary_registration_drop()" % what)

@script:python depends on org@
p << bad.p;
@@
coccilib.org.print_todo(p[0], "[UA6] devm-managed registration dropped by hand")

@depends on context@
position bad.p;
@@
* auxiliary_registration_drop@p(...);

// The fix is to delete the call: devres already drops the registration.
@depends on patch@
position bad.p;
@@
- auxiliary_registration_drop@p(...);
