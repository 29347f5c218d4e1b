// SPDX-License-Identifier: GPL-2.0-only
/// [TM5] The result of auxiliary_registration_data() is dereferenced without
/// an IS_ERR() check.  It returns ERR_PTR(-EINVAL) when the tag is not the
/// one the parent registered and ERR_PTR(-ENOENT) when the device carries
/// no registration data; a NULL check does not catch either.  Check
/// IS_ERR() and return PTR_ERR() before using the pointer.
///
// Confidence: High
// Copyright: (C) 2026 kbound authors.
// Comments: a check through IS_ERR(), IS_ERR_OR_NULL(), PTR_ERR_OR_ZERO()
//  or IS_ERR_VALUE() on the path counts, and so does handing the pointer
//  itself to any function (a driver's own check helper; the checker
//  follows those).
//  A dereference guarded by the check in the same expression
//  (IS_ERR(D) ? ... : D->x, !IS_ERR(D) && D->x) is not reported.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@tm5 exists@
expression D;
identifier fld, F;
position p0, p;
@@
D = auxiliary_registration_data@p0(...);
... when != IS_ERR(D)
    when != IS_ERR_OR_NULL(D)
    when != PTR_ERR_OR_ZERO(D)
    when != IS_ERR_VALUE(D)
    when != F(..., D, ...)
    when != D = ...
(
D@p->fld
|
 *D@p
|
D@p[...]
)

@tm5d exists@
identifier D, F;
type T;
identifier fld;
position p0, p;
@@
T D = auxiliary_registration_data@p0(...);
... when != IS_ERR(D)
    when != IS_ERR_OR_NULL(D)
    when != PTR_ERR_OR_ZERO(D)
    when != IS_ERR_VALUE(D)
    when != F(..., D, ...)
    when != D = ...
(
D@p->fld
|
 *D@p
|
D@p[...]
)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_guards = []	# (file, expr, start, end) guarded by a check of expr

def kb_at(line, col):
    return (int(line), int(col))

def kb_ok(p, d):
    """Not under an IS_ERR() test of d in the same expression."""
    at = kb_at(p.line, p.column)
    return not any(f == p.file and e == kbound_squash(d) and lo <= at < hi
                   for (f, e, lo, hi) in kb_guards)

// The check and the dereference in one expression: the conditional or the
// short-circuit operator only evaluates E2 when the check passed.
@guard depends on tm5 || tm5d@
expression D, E1, E2;
identifier CHK =~ "^(IS_ERR|IS_ERR_OR_NULL|IS_ERR_VALUE)$";
position pe;
@@
(
CHK(D) ? E1 : E2@pe
|
!CHK(D) ? E2@pe : E1
|
CHK(D) || E2@pe
|
!CHK(D) && E2@pe
)

@script:python@
d << guard.D;
pe << guard.pe;
@@
kb_guards.append((pe[0].file, kbound_squash(d), kb_at(pe[0].line, pe[0].column),
                  kb_at(pe[0].line_end, pe[0].column_end)))

@tm5c@
type T;
identifier fld;
position p0;
@@
 ((T)auxiliary_registration_data@p0(...))->fld

@depends on context@
expression D;
position p = {tm5.p, tm5d.p};
position q : script:python(D) { kb_ok(q[0], D) };
@@
* D@p@q

@depends on context@
position tm5c.p0;
@@
* auxiliary_registration_data@p0(...)

@script:python depends on report@
p << tm5.p;
p0 << tm5.p0;
d << tm5.D;
@@
if kb_ok(p[0], d):
    coccilib.report.print_report(p[0], "[TM5] %s from auxiliary_registration_data() (line %s) dereferenced without IS_ERR() check: it is ERR_PTR(-EINVAL) on a tag mismatch and ERR_PTR(-ENOENT) without data; check IS_ERR(%s) first" % (d, p0[0].line, d))

@script:python depends on report@
p << tm5d.p;
p0 << tm5d.p0;
d << tm5d.D;
@@
if kb_ok(p[0], d):
    coccilib.report.print_report(p[0], "[TM5] %s from auxiliary_registration_data() (line %s) dereferenced without IS_ERR() check: it is ERR_PTR(-EINVAL) on a tag mismatch and ERR_PTR(-ENOENT) without data; check IS_ERR(%s) first" % (d, p0[0].line, d))

@script:python depends on report@
p0 << tm5c.p0;
@@
coccilib.report.print_report(p0[0], "[TM5] result of auxiliary_registration_data() dereferenced without IS_ERR() check: it is ERR_PTR(-EINVAL) on a tag mismatch and ERR_PTR(-ENOENT) without data; store it and check IS_ERR() first")

@script:python depends on org@
p << tm5.p;
d << tm5.D;
@@
if kb_ok(p[0], d):
    coccilib.org.print_todo(p[0], "[TM5] %s from auxiliary_registration_data() dereferenced without IS_ERR() check" % d)

@script:python depends on org@
p << tm5d.p;
d << tm5d.D;
@@
if kb_ok(p[0], d):
    coccilib.org.print_todo(p[0], "[TM5] %s from auxiliary_registration_data() dereferenced without IS_ERR() check" % d)

@script:python depends on org@
p0 << tm5c.p0;
@@
coccilib.org.print_todo(p0[0], "[TM5] result of auxiliary_registration_data() dereferenced without IS_ERR() check")
