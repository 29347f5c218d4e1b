// SPDX-License-Identifier: GPL-2.0-only
/// [RL4] A generic or platform device is refcounted and an error path
/// returns without its final put: device_register() or
/// platform_device_register() failed and the failure path returns without
/// put_device() / platform_device_put() (a failed register still holds the
/// reference of its device_initialize(), and the name set before it); or,
/// after device_initialize() or platform_device_alloc() (past its NULL
/// check), an error path returns without the put.  The release callback never runs: the device, its name and
/// what the release frees leak.
///
/// Only devices whose memory the function itself set (allocated or looked
/// up into a local or field) are judged: a device passed in is its
/// caller's to put.  Static devices (`&foo_dev`, `&foo.dev`) are not
/// judged.  Paths that hand the device on (store it, return it, pass it or
/// its container to a helper) are not reported; kfree() of it is reported
/// by ua2_device_kfree_after_register.cocci instead.  The auxiliary family
/// is rl4_init_without_uninit.cocci's.
///
// Confidence: Moderate
// Copyright: (C) 2026 kbound authors.
// Comments: intraprocedural; gotos are followed.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

// The first rule names the API literally, so spatch skips files without it.
@i0@
position p0;
@@
\(device_register@p0(...)\|device_initialize@p0(...)\|platform_device_alloc@p0(...)\|platform_device_register@p0(...)\)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_file = None		# the file being matched (for identifier constraints)
kb_rep = set()		# reported returns
kb_loop = set()		# inits inside a loop
kb_fns = set()		# (file, function) that call an init or register
kb_quiet = re.compile(r'^(device_add|dev_set_name|device_set_node|device_init_wakeup|device_enable_async_suspend|device_set_\w+|dev_pm_\w+|platform_device_add(_data|_resources|_properties)?|platform_set_drvdata|dev_set_drvdata|dev_(err|warn|info|dbg|notice|crit|emerg|alert|err_probe|name|printk)\w*|pr_\w+|printk|WARN\w*|BUG_ON|of_node_get|of_node_put|fwnode_handle_get|device_create_file|device_remove_file|sysfs_\w+|get_device)$')

def kb_handoff(f):
    """A call of f that receives the device or its container may take it
    over (assumed), unless f is logging, setup or the add."""
    return not kb_quiet.match(f)

def kb_put_maybe(f):
    """f is a helper of the file that may put or unregister a device of
    one of its parameters."""
    return kbound_wdoes(kb_file, f, ('uninit', 'unregister'))

@script:python@
p0 << i0.p0;
@@
kb_file = p0[0].file

// Aliases `dev = &priv->dev`: the container is what gets passed on.
@al depends on i0@
identifier A;
expression C;
identifier fld;
position pa;
@@
A@pa = &C->fld

@script:python depends on i0@
a << al.A;
c << al.C;
fld << al.fld;
pa << al.pa;
@@
kbound_alias(pa[0], a, c, fld)

@ald depends on i0@
identifier A;
expression C;
identifier fld;
type T;
position pa;
@@
T A@pa = &C->fld;

@script:python depends on i0@
a << ald.A;
c << ald.C;
fld << ald.fld;
pa << ald.pa;
@@
kbound_alias(pa[0], a, c, fld)

// The functions that make a device: what a function set or stored is only
// asked about there (script s), so set, setd and sto look nowhere else.
@fi depends on i0@
identifier INIT =~ "^(device_register|device_initialize|platform_device_register)$";
position p;
@@
INIT@p(...)

@script:python@
p << fi.p;
@@
kb_fns.add((p[0].file, p[0].current_element))

// What the function sets itself: `x = <call>(...)`, `T *x = <call>(...)`.
@set depends on fi@
expression X;
identifier F;
position ps : script:python() { (ps[0].file, ps[0].current_element) in kb_fns };
@@
X@ps = F(...)

@script:python@
x << set.X;
ps << set.ps;
@@
kbound_set(ps[0], x)

@setd depends on fi@
identifier X, F;
type T;
position ps : script:python() { (ps[0].file, ps[0].current_element) in kb_fns };
@@
T X@ps = F(...);

@script:python@
x << setd.X;
ps << setd.ps;
@@
kbound_set(ps[0], x)

// Stores into a field or an array element: `priv->x = x`, `a[i] = x`.
@sto depends on fi@
expression X, Y;
position ps : script:python() { (ps[0].file, ps[0].current_element) in kb_fns };
@@
X@ps = Y

@script:python@
x << sto.X;
y << sto.Y;
ps << sto.ps;
@@
kbound_store(ps[0], x, y)

// The file's helpers that put a device of one of their parameters
// (kbound_cocci.py: kbound_wrapper): they stop a path.
@wc depends on i0@
identifier API =~ "^(put_device|platform_device_put|device_unregister|platform_device_unregister)$";
expression E;
position p;
@@
API@p(E)

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

// The register and the init: E is the device (the put's argument), C the
// memory that holds it.
@i depends on i0@
identifier INIT =~ "^(device_register|device_initialize|platform_device_register)$";
expression A;
position pi;
@@
INIT@pi(A)

@script:python s@
a << i.A;
pi << i.pi;
E;
C;
@@
kb_file = pi[0].file
c = kbound_container(pi[0], a)
if kbound_static_dev(a) or not kbound_owned(pi[0], c) or \
        kbound_handed_before(pi[0], a, c) or kbound_element(a, c):
    cocci.include_match(False)
else:
    coccinelle.E = cocci.make_expr(a)
    coccinelle.C = cocci.make_expr(c)

// (a) The register failed: its failure branch returns without the put.
// The declaration form spells each failure test as its own branch (see
// rl5_device_put_without_del.cocci: the nested disjunction after `T ret =`
// is slow to parse and to match).
@rb depends on s@
identifier i.INIT, ret;
position i.pi, pf;
statement S;
type T;
@@
(
ret = INIT@pi(...);
if@pf (\(ret\|ret < 0\|ret != 0\|unlikely(ret)\)) S
|
T ret = INIT@pi(...);
if@pf (ret) S
|
T ret = INIT@pi(...);
if@pf (ret < 0) S
|
T ret = INIT@pi(...);
if@pf (ret != 0) S
|
T ret = INIT@pi(...);
if@pf (unlikely(ret)) S
|
if@pf (\(INIT@pi(...)\|INIT@pi(...) < 0\|INIT@pi(...) != 0\|unlikely(INIT@pi(...))\)) S
)

@rf exists@
expression s.E, s.C;
position rb.pf, p;
identifier U2 : script:python() { kb_put_maybe(U2) };
identifier F3 : script:python() { kb_handoff(F3) };
identifier F4 : script:python() { kb_handoff(F4) };
expression X5;
expression X6;
identifier fld7;
@@
if@pf (...) {
  ... when != \(put_device\|platform_device_put\|device_unregister\|platform_device_unregister\)(...)
      when != U2(...)
      when != F3(..., E, ...)
      when != F4(..., C, ...)
      when != X5 = E
      when != X6 = C
      when != \(list_add\|list_add_tail\)(&C->fld7, ...)
  return@p ...;
}

@script:python@
p << rf.p;
@@
kb_rep.add(kbound_key(p[0]))

@script:python depends on report@
p << rf.p;
e << s.E;
init << i.INIT;
@@
e = kbound_pretty(e)
put = kbound_family_call(init, 'uninit')
coccilib.report.print_report(p[0],
    "[RL4] %s(%s) failed and this path returns without %s(%s): a failed register still holds the device's reference; call %s() on the error path, never kfree()" % (init, e, put, e, put))

@script:python depends on org@
p << rf.p;
e << s.E;
init << i.INIT;
@@
coccilib.org.print_todo(p[0],
    "[RL4] %s(%s) failed and this path returns without %s()" % (init, kbound_pretty(e), kbound_family_call(init, 'uninit')))

// An init in a loop: the unwinding at the label puts the earlier elements
// in a loop of its own, whose path without an iteration looks like a path
// without the put (idxd's wqs).  Not judged by (b) and (c).
@inloop depends on i0@
identifier INIT =~ "^(device_initialize|platform_device_alloc)$";
iterator name IT;
position pl;
@@
(
for (...;...;...) { <+... INIT@pl(...) ...+> }
|
while (...) { <+... INIT@pl(...) ...+> }
|
IT(...) { <+... INIT@pl(...) ...+> }
)

@script:python@
pl << inloop.pl;
@@
kb_loop.add(kbound_key(pl[0]))

// (b) After device_initialize(), an error path returns without the put.
// (After a successful register the device is the bus's: an error return
// that leaves it registered, in a loop of children say, is not judged.)
@rl4 exists@
expression s.E, s.C;
position i.pi, p;
identifier U2 : script:python() { kb_put_maybe(U2) };
identifier F3 : script:python() { kb_handoff(F3) };
identifier F4 : script:python() { kb_handoff(F4) };
expression X5;
expression X6;
identifier fld7;
identifier U9 : script:python() { kb_put_maybe(U9) };
identifier F10 : script:python() { kb_handoff(F10) };
identifier F11 : script:python() { kb_handoff(F11) };
expression X12;
expression X13;
identifier fld14;
@@
device_initialize@pi(...);
... when != \(put_device\|platform_device_put\|device_unregister\|platform_device_unregister\)(...)
    when != U2(...)
    when != F3(..., E, ...)
    when != F4(..., C, ...)
    when != X5 = E
    when != X6 = C
    when != \(list_add\|list_add_tail\)(&C->fld7, ...)
if (...) {
  ... when != \(put_device\|platform_device_put\|device_unregister\|platform_device_unregister\)(...)
      when != U9(...)
      when != F10(..., E, ...)
      when != F11(..., C, ...)
      when != X12 = E
      when != X13 = C
      when != \(list_add\|list_add_tail\)(&C->fld14, ...)
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

@script:python@
p << rl4.p;
pi << i.pi;
@@
if kbound_key(pi[0]) not in kb_loop:
    kb_rep.add(kbound_key(p[0]))

@script:python depends on report@
p << rl4.p;
e << s.E;
init << i.INIT;
@@
e = kbound_pretty(e)
if kbound_key(p[0]) in kb_rep:
  coccilib.report.print_report(p[0],
    "[RL4] device_initialize(%s) ran but this path returns without put_device(%s): call it on the error path, its release callback frees the device" % (e, e))

@script:python depends on org@
p << rl4.p;
e << s.E;
init << i.INIT;
@@
if kbound_key(p[0]) in kb_rep:
  coccilib.org.print_todo(p[0],
    "[RL4] %s(%s) but this path returns without its put" % (init, kbound_pretty(e)))

// (c) A platform device from platform_device_alloc(), past its NULL check.
@pa0 depends on i0@
@@
platform_device_alloc(...)

@pa depends on pa0 exists@
expression P : script:python() { not kbound_element(P) };
position pi : script:python() { kbound_key(pi[0]) not in kb_loop };
position p;
statement S;
identifier U2 : script:python() { kb_put_maybe(U2) };
identifier F3 : script:python() { kb_handoff(F3) };
identifier F4 : script:python() { kb_handoff(F4) };
identifier fld4;
expression X5;
expression X6;
identifier U8 : script:python() { kb_put_maybe(U8) };
identifier F9 : script:python() { kb_handoff(F9) };
identifier F10 : script:python() { kb_handoff(F10) };
identifier fld10;
expression X11;
@@
P = platform_device_alloc@pi(...);
if (\(!P\|P == NULL\|unlikely(!P)\|IS_ERR_OR_NULL(P)\)) S
... when != \(platform_device_put\|platform_device_unregister\|put_device\)(...)
    when != U2(...)
    when != F3(..., P, ...)
    when != F4(..., &P->fld4, ...)
    when != X5 = P
    when != P = X6
if (...) {
  ... when != \(platform_device_put\|platform_device_unregister\|put_device\)(...)
      when != U8(...)
      when != F9(..., P, ...)
      when != F10(..., &P->fld10, ...)
      when != X11 = P
(
  return 0;
|
  return P;
|
  return@p ...;
)
}

@script:python@
p << pa.p;
pi << pa.pi;
@@
kb_file = pi[0].file
kb_rep.add(kbound_key(p[0]))

@script:python depends on report@
p << pa.p;
P << pa.P;
pi << pa.pi;
@@
P = kbound_pretty(P)
coccilib.report.print_report(p[0],
    "[RL4] platform_device_alloc() at line %s returned %s but this path returns without platform_device_put(%s): call it on the error path, its release frees the device and its platform data" % (pi[0].line, P, P))

@script:python depends on org@
p << pa.p;
P << pa.P;
@@
coccilib.org.print_todo(p[0],
    "[RL4] platform_device_alloc() returned %s but this path returns without platform_device_put()" % kbound_pretty(P))

@depends on context@
position p : script:python() { kbound_key(p[0]) in kb_rep };
@@
* return@p ...;
