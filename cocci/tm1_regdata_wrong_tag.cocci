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

@c@
expression R, E1, E2, E3, E4, D;
identifier A;
position pc;
@@
R = \(auxiliary_registration_new@pc\|devm_auxiliary_registration_new@pc\)(E1, E2, E3, E4, &A, D)

@f1@
expression c.R;
identifier B != c.A;
position pf;
@@
auxiliary_registration_data@pf(auxiliary_registration_device(R), &B)

@f2 exists@
expression c.R, X;
identifier B != c.A;
position pf;
@@
X = auxiliary_registration_device(R);
... when != X = ...
auxiliary_registration_data@pf(X, &B)

@depends on context@
position p = {f1.pf, f2.pf};
@@
* auxiliary_registration_data@p(...)

@script:python depends on report@
pf << f1.pf;
pc << c.pc;
a << c.A;
b << f1.B;
@@
coccilib.report.print_report(pf[0], "[TM1] registration created with tag %s (line %s) is fetched with tag %s: auxiliary_registration_data() returns ERR_PTR(-EINVAL); fetch with &%s" % (a, pc[0].line, b, a))

@script:python depends on report@
pf << f2.pf;
pc << c.pc;
a << c.A;
b << f2.B;
@@
coccilib.report.print_report(pf[0], "[TM1] registration created with tag %s (line %s) is fetched with tag %s: auxiliary_registration_data() returns ERR_PTR(-EINVAL); fetch with &%s" % (a, pc[0].line, b, a))

@script:python depends on org@
pf << f1.pf;
a << c.A;
b << f1.B;
@@
coccilib.org.print_todo(pf[0], "[TM1] registration created with tag %s is fetched with tag %s" % (a, b))

@script:python depends on org@
pf << f2.pf;
a << c.A;
b << f2.B;
@@
coccilib.org.print_todo(pf[0], "[TM1] registration created with tag %s is fetched with tag %s" % (a, b))
