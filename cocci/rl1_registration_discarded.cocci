// SPDX-License-Identifier: GPL-2.0-only
/// [RL1] The result of auxiliary_registration_new() is discarded (or only
/// tested with IS_ERR() and thrown away).  The handle is the only way to
/// drop the registration: the auxiliary device then outlives the parent's
/// binding and the data it borrows (Rust's mem::forget of a Registration,
/// which Registration::new_with_lt forbids).  Keep the handle and call
/// auxiliary_registration_drop() in .remove, or use
/// devm_auxiliary_registration_new().
///
// Confidence: High
// Copyright: (C) 2026 kbound authors.
// Comments: devm_auxiliary_registration_new() is not reported: devres drops it.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@rl1 depends on context || org || report@
position p;
@@
(
auxiliary_registration_new@p(...);
|
 (void)auxiliary_registration_new@p(...);
)

@rl1e depends on context || org || report@
position p;
@@
(
IS_ERR(auxiliary_registration_new@p(...))
|
IS_ERR_OR_NULL(auxiliary_registration_new@p(...))
|
PTR_ERR_OR_ZERO(auxiliary_registration_new@p(...))
|
PTR_ERR(auxiliary_registration_new@p(...))
)

@depends on context@
position p = {rl1.p, rl1e.p};
@@
* auxiliary_registration_new@p(...)

@script:python depends on report@
p << rl1.p;
@@
coccilib.report.print_report(p[0],
    "[RL1] result of auxiliary_registration_new() discarded: the registration can never be dropped; keep the handle and auxiliary_registration_drop() it, or use devm_auxiliary_registration_new()")

@script:python depends on report@
p << rl1e.p;
@@
coccilib.report.print_report(p[0],
    "[RL1] result of auxiliary_registration_new() only error-checked, then discarded: the registration can never be dropped; keep the handle and auxiliary_registration_drop() it, or use devm_auxiliary_registration_new()")

@script:python depends on org@
p << rl1.p;
@@
coccilib.org.print_todo(p[0], "[RL1] result of auxiliary_registration_new() discarded")

@script:python depends on org@
p << rl1e.p;
@@
coccilib.org.print_todo(p[0], "[RL1] result of auxiliary_registration_new() only error-checked, then discarded")
