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

def kb_created(p, r, a):
    kb_tags.setdefault((p.file, kbound_squash(r)), {}).setdefault(a, p.line)

def kb_wrong(p, r, b):
    """The creation tag and line when handle r was never created with b."""
    tags = kb_tags.get((p.file, kbound_squash(r)))
    if not tags or b in tags:
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

// Fetches: through auxiliary_registration_device(R) directly, or a local
// (assigned or initialized) holding it.
@f1 depends on c || cd@
expression R;
identifier B;
position pf;
@@
auxiliary_registration_data@pf(auxiliary_registration_device(R), &B)

@f2 depends on c || cd exists@
expression R, X;
identifier B;
position pf;
@@
X = auxiliary_registration_device(R);
... when != X = ...
auxiliary_registration_data@pf(X, &B)

@f3 depends on c || cd exists@
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

@depends on context@
position p : script:python() { (p[0].file, p[0].line, p[0].column) in kb_rep };
@@
* auxiliary_registration_data@p(...)
