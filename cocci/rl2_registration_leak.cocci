// SPDX-License-Identifier: GPL-2.0-only
/// [RL2] A registration from auxiliary_registration_new() is held only by a
/// local variable when a path returns: it is neither dropped with
/// auxiliary_registration_drop(), nor stored, returned or handed to another
/// function.  Nothing can drop it afterwards (typically an error path taken
/// after the registration was created).
///
// Confidence: Moderate
// Copyright: (C) 2026 kbound authors.
// Comments: intraprocedural; the IS_ERR() branch right after creation is
//  skipped, gotos are followed.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@rl2 exists@
local idexpression struct auxiliary_registration *R;
expression X;
identifier F !~ "^(auxiliary_registration_device|IS_ERR|IS_ERR_OR_NULL|PTR_ERR|dev_(err|warn|info|dbg|notice|err_probe)|pr_[a-z_]+|netdev_[a-z_]+|printk)$";
identifier ret;
position p1, p;
statement S, S2;
@@
R = auxiliary_registration_new@p1(...);
(
if (\(IS_ERR(R)\|IS_ERR_OR_NULL(R)\|unlikely(IS_ERR(R))\|!R\|R == NULL\)) S
|
ret = \(IS_ERR(R) ? PTR_ERR(R) : 0\|PTR_ERR_OR_ZERO(R)\);
if (\(ret\|ret < 0\)) S
)
... when any
    when != auxiliary_registration_drop(R)
    when != F(..., R, ...)
    when != X = R
    when != if (R) S2
    when != if (R != NULL) S2
(
  return R;
|
  return <+... F(..., R, ...) ...+>; // handed on: return devm_add_action_or_reset(dev, fn, R)
|
  return@p ...;
)

@rl2d exists@
identifier R;
type T;
expression X;
identifier F !~ "^(auxiliary_registration_device|IS_ERR|IS_ERR_OR_NULL|PTR_ERR|dev_(err|warn|info|dbg|notice|err_probe)|pr_[a-z_]+|netdev_[a-z_]+|printk)$";
identifier ret;
position p1, p;
statement S, S2;
@@
T R = auxiliary_registration_new@p1(...);
... when any
(
if (\(IS_ERR(R)\|IS_ERR_OR_NULL(R)\|unlikely(IS_ERR(R))\|!R\|R == NULL\)) S
|
ret = \(IS_ERR(R) ? PTR_ERR(R) : 0\|PTR_ERR_OR_ZERO(R)\);
if (\(ret\|ret < 0\)) S
)
... when any
    when != auxiliary_registration_drop(R)
    when != F(..., R, ...)
    when != X = R
    when != if (R) S2
    when != if (R != NULL) S2
(
  return R;
|
  return <+... F(..., R, ...) ...+>; // handed on: return devm_add_action_or_reset(dev, fn, R)
|
  return@p ...;
)

// The check is the return itself: `return IS_ERR(R) ? PTR_ERR(R) : 0;` (or
// PTR_ERR_OR_ZERO(R)) returns 0 on success with R held only by the local.
@rl2r exists@
local idexpression struct auxiliary_registration *R;
expression X;
identifier F !~ "^(auxiliary_registration_device|IS_ERR|IS_ERR_OR_NULL|PTR_ERR|dev_(err|warn|info|dbg|notice|err_probe)|pr_[a-z_]+|netdev_[a-z_]+|printk)$";
position p1, p;
statement S2;
@@
R = auxiliary_registration_new@p1(...);
... when != auxiliary_registration_drop(R)
    when != F(..., R, ...)
    when != X = R
    when != if (R) S2
    when != if (R != NULL) S2
    when != if (\(IS_ERR(R)\|IS_ERR_OR_NULL(R)\|!IS_ERR(R)\)) S2
return@p \(IS_ERR(R) ? PTR_ERR(R) : 0\|PTR_ERR_OR_ZERO(R)\);

@rl2rd exists@
identifier R;
type T;
expression X;
identifier F !~ "^(auxiliary_registration_device|IS_ERR|IS_ERR_OR_NULL|PTR_ERR|dev_(err|warn|info|dbg|notice|err_probe)|pr_[a-z_]+|netdev_[a-z_]+|printk)$";
position p1, p;
statement S2;
@@
T R = auxiliary_registration_new@p1(...);
... when != auxiliary_registration_drop(R)
    when != F(..., R, ...)
    when != X = R
    when != if (R) S2
    when != if (R != NULL) S2
    when != if (\(IS_ERR(R)\|IS_ERR_OR_NULL(R)\|!IS_ERR(R)\)) S2
return@p \(IS_ERR(R) ? PTR_ERR(R) : 0\|PTR_ERR_OR_ZERO(R)\);

@depends on context@
position p = {rl2.p, rl2d.p, rl2r.p, rl2rd.p};
@@
* return@p ...;

@script:python depends on report@
p << rl2.p;
p1 << rl2.p1;
r << rl2.R;
@@
coccilib.report.print_report(p[0],
    "[RL2] registration %s (auxiliary_registration_new() at line %s) is held only by a local when this path returns: auxiliary_registration_drop(%s) it on this path or store it" % (r, p1[0].line, r))

@script:python depends on report@
p << rl2d.p;
p1 << rl2d.p1;
r << rl2d.R;
@@
coccilib.report.print_report(p[0],
    "[RL2] registration %s (auxiliary_registration_new() at line %s) is held only by a local when this path returns: auxiliary_registration_drop(%s) it on this path or store it" % (r, p1[0].line, r))

@script:python depends on org@
p << rl2.p;
r << rl2.R;
@@
coccilib.org.print_todo(p[0], "[RL2] registration %s held only by a local when this path returns" % r)

@script:python depends on org@
p << rl2d.p;
r << rl2d.R;
@@
coccilib.org.print_todo(p[0], "[RL2] registration %s held only by a local when this path returns" % r)

@script:python depends on report@
p << rl2r.p;
p1 << rl2r.p1;
r << rl2r.R;
@@
coccilib.report.print_report(p[0],
    "[RL2] registration %s (auxiliary_registration_new() at line %s) is held only by a local when this path returns: auxiliary_registration_drop(%s) it on this path or store it" % (r, p1[0].line, r))

@script:python depends on org@
p << rl2r.p;
r << rl2r.R;
@@
coccilib.org.print_todo(p[0], "[RL2] registration %s held only by a local when this path returns" % r)

@script:python depends on report@
p << rl2rd.p;
p1 << rl2rd.p1;
r << rl2rd.R;
@@
coccilib.report.print_report(p[0],
    "[RL2] registration %s (auxiliary_registration_new() at line %s) is held only by a local when this path returns: auxiliary_registration_drop(%s) it on this path or store it" % (r, p1[0].line, r))

@script:python depends on org@
p << rl2rd.p;
r << rl2rd.R;
@@
coccilib.org.print_todo(p[0], "[RL2] registration %s held only by a local when this path returns" % r)
