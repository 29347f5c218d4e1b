// SPDX-License-Identifier: GPL-2.0-only
/// [RL4] auxiliary_device_init() succeeded, then an error path returns
/// without auxiliary_device_uninit().  After a successful init the device is
/// refcounted: only auxiliary_device_uninit() drops that reference and lets
/// the release callback free it, so returning without it leaks the device
/// (and whatever its release callback would have freed).  The classic case
/// is the auxiliary_device_add() failure branch.
///
/// Paths that hand the device on (store it, return it, pass it or its
/// container to a helper) are not reported; kfree() of it is reported by
/// ua2_kfree_after_init.cocci instead.
///
// Confidence: Moderate
// Copyright: (C) 2026 kbound authors.
// Comments: intraprocedural; gotos are followed.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

// The first rule names the API literally, so spatch skips files without it.
@i@
expression E;
position pi;
@@
auxiliary_device_init@pi(E)

// Aliases `adev = &priv->adev`: the container is what gets freed or passed on.
@al depends on i@
identifier A;
expression C;
identifier fld;
position pa;
@@
A@pa = &C->fld

@script:python depends on i@
a << al.A;
c << al.C;
pa << al.pa;
@@
kbound_alias(pa[0], a, c)

@ald depends on i@
identifier A;
expression C;
identifier fld;
type T;
position pa;
@@
T A@pa = &C->fld;

@script:python depends on i@
a << ald.A;
c << ald.C;
pa << ald.pa;
@@
kbound_alias(pa[0], a, c)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *

@script:python s@
e << i.E;
pi << i.pi;
C;
@@
coccinelle.C = cocci.make_expr(kbound_container(pi[0], e))

// The index variable of an array element (`&p->dev[i]->adev`, or an alias
// of it): a path on which it changes (the loop increment, `while (--i >= 0)`
// unwinding) is about another element, not the device initialized here.
@script:python sx@
e << i.E;
c << s.C;
I;
@@
coccinelle.I = cocci.make_ident(kbound_index(e, c))

@rl4 exists@
expression i.E, s.C, X;
identifier sx.I;
identifier ret;
identifier F !~ "^(auxiliary_device_add|__auxiliary_device_add|dev_(err|warn|info|dbg|notice|err_probe)|pr_[a-z_]+|netdev_[a-z_]+|printk|WARN(_ON)?(_ONCE)?)$";
position i.pi, p;
statement S;
@@
(
ret = auxiliary_device_init@pi(E);
if (\(ret\|ret < 0\|ret != 0\|unlikely(ret)\)) S
|
if (\(auxiliary_device_init@pi(E)\|auxiliary_device_init@pi(E) < 0\|auxiliary_device_init@pi(E) != 0\)) S
)
... when any
    when != auxiliary_device_uninit(...)
    when != F(..., E, ...)
    when != F(..., C, ...)
    when != X = E
    when != X = C
    when != I++
    when != ++I
    when != I--
    when != --I
    when != I = X
    when != I += X
    when != I -= X
if (...) {
  ... when != auxiliary_device_uninit(...)
      when != F(..., E, ...)
      when != F(..., C, ...)
      when != X = E
      when != X = C
(
  return 0;
|
  return E;
|
  return C;
|
  return@p ...;
)
}

@script:python depends on report@
p << rl4.p;
e << i.E;
@@
e = kbound_pretty(e)
coccilib.report.print_report(p[0],
    "[RL4] auxiliary_device_init(%s) succeeded but this path returns without auxiliary_device_uninit(%s): call it on the error path, its release callback frees the device" % (e, e))

@script:python depends on org@
p << rl4.p;
e << i.E;
@@
coccilib.org.print_todo(p[0],
    "[RL4] auxiliary_device_init(%s) succeeded but this path returns without auxiliary_device_uninit()" % kbound_pretty(e))

@depends on context@
position rl4.p;
@@
* return@p ...;

// Patch only returns that no goto reaches: a shared label may also be
// reached from the init failure branch, where uninit would be wrong.  A
// branch that already kfree()s something is left alone too: the release
// callback may free the same memory (platform data) once uninit runs.
@viagoto depends on patch exists@
identifier l;
position q;
@@
goto l;
...
return@q ...;

@depends on patch@
expression i.E, C, R;
position rl4.p;
position p2 != viagoto.q;
@@
(
  if (C)
- return@p@p2 R;
+ {
+ auxiliary_device_uninit(E);
+ return R;
+ }
|
  if (...) {
  ... when != \(kfree\|kvfree\)(...)
+ auxiliary_device_uninit(E);
  return@p@p2 ...;
  }
)
