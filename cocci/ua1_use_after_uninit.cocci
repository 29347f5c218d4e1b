// SPDX-License-Identifier: GPL-2.0-only
/// [UA1] Use after unbind: the container of an auxiliary device is used
/// after auxiliary_device_uninit() dropped the reference whose release
/// callback frees it (the pds_core "write-after-free of client_id" shape),
/// a device is uninit twice, or a registration is used or dropped again
/// after auxiliary_registration_drop().  Do the last access before the
/// uninit/drop.
///
// Confidence: Moderate
// Copyright: (C) 2026 kbound authors.
// Comments: container uses are judged only when a ->release callback of the
//  file kfree()s the container; reassigning the pointer ends the check.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

// The first rule names the API literally, so spatch skips files without it.
@i@
expression E;
position pi;
@@
auxiliary_device_uninit@pi(E)

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
// of it): once it changes (`while (--i >= 0)` unwinding, the loop
// increment) the expression names another element.
@script:python sx@
e << i.E;
c << s.C;
I;
@@
coccinelle.I = cocci.make_ident(kbound_index(e, c))

@initialize:python@
@@
kbound_release_fns = set()	# (file, fn) assigned to a ->release
kbound_freeing_release = set()	# files whose release callback kfree()s
kbound_rep = set()

@rel depends on i@
identifier fn;
expression X;
position pr;
@@
(
X.release@pr = fn
|
X->release@pr = fn
)

@script:python@
fn << rel.fn;
pr << rel.pr;
@@
kbound_release_fns.add((pr[0].file, fn))

// The release callback frees the container: kfree() of a local computed
// from the struct device (container_of() or a to_foo() helper), not of a
// field such as ->platform_data.
@relf depends on rel exists@
identifier fn, d, x;
expression E;
type T;
position pf;
@@
fn@pf(struct device *d) {
  ...
(
  T x = E;
|
  x = E;
)
  ... when != x = ...
  \(kfree\|kvfree\)(x);
  ...
}

@relf2 depends on rel@
identifier fn, d;
position pf;
@@
fn@pf(struct device *d) { <+... \(kfree\|kvfree\)(container_of(d, ...)) ...+> }

@script:python@
fn << relf2.fn;
pf << relf2.pf;
@@
if (pf[0].file, fn) in kbound_release_fns:
    kbound_freeing_release.add(pf[0].file)

@script:python@
fn << relf.fn;
pf << relf.pf;
@@
if (pf[0].file, fn) in kbound_release_fns:
    kbound_freeing_release.add(pf[0].file)

// The container (or the device) used after the uninit.
@ua1c exists@
expression i.E, s.C, X;
identifier fld;
identifier sx.I;
position i.pi, p;
@@
auxiliary_device_uninit@pi(E);
... when != C = X
    when != E = X
    when != I++
    when != ++I
    when != I--
    when != --I
    when != I = X
    when != I += X
    when != I -= X
(
  \(kfree\|kvfree\)(\(C\|E\));
|
  auxiliary_device_delete(E);
|
  auxiliary_device_uninit(E);
|
  C@p->fld
|
  E@p->fld
)

// Loops make a later iteration's code look like it follows the uninit:
// keep the textual order.
@script:python@
p << ua1c.p;
pi << i.pi;
@@
if p[0].file in kbound_freeing_release and int(p[0].line) > int(pi[0].line):
    kbound_rep.add(kbound_key(p[0]))

@script:python depends on report@
p << ua1c.p;
e << i.E;
c << s.C;
pi << i.pi;
@@
if kbound_key(p[0]) in kbound_rep:
    coccilib.report.print_report(p[0], "[UA1] %s used after auxiliary_device_uninit(%s) at line %s: the release callback frees it; do this before the uninit" % (kbound_pretty(c), kbound_pretty(e), pi[0].line))

@script:python depends on org@
p << ua1c.p;
c << s.C;
@@
if kbound_key(p[0]) in kbound_rep:
    coccilib.org.print_todo(p[0], "[UA1] %s used after auxiliary_device_uninit()" % kbound_pretty(c))

// Double uninit.
@ua1d exists@
expression i.E, X;
identifier sx.I;
position i.pi, p;
@@
auxiliary_device_uninit@pi(E);
... when != E = X
    when != I++
    when != ++I
    when != I--
    when != --I
    when != I = X
    when != I += X
    when != I -= X
auxiliary_device_uninit@p(E);

@script:python@
p << ua1d.p;
pi << i.pi;
@@
if int(p[0].line) > int(pi[0].line):
    kbound_rep.add(kbound_key(p[0]))
    kbound_rep.add((kbound_key(p[0]), kbound_key(pi[0])))

@script:python depends on report@
p << ua1d.p;
e << i.E;
pi << i.pi;
@@
if (kbound_key(p[0]), kbound_key(pi[0])) in kbound_rep:
  coccilib.report.print_report(p[0], "[UA1] auxiliary_device_uninit(%s) twice (first at line %s): the second put frees or underflows the device" % (kbound_pretty(e), pi[0].line))

@script:python depends on org@
p << ua1d.p;
@@
if kbound_key(p[0]) in kbound_rep:
  coccilib.org.print_todo(p[0], "[UA1] auxiliary_device_uninit() twice")

// Registration used or dropped again after auxiliary_registration_drop().
@dr@
expression R;
position pd;
@@
auxiliary_registration_drop@pd(R)

@script:python rx@
r << dr.R;
I;
@@
coccinelle.I = cocci.make_ident(kbound_index(r))

@ua1r exists@
expression dr.R, X;
identifier F;
identifier rx.I;
position dr.pd, p;
@@
auxiliary_registration_drop@pd(R);
... when != R = X
    when != I++
    when != ++I
    when != I--
    when != --I
    when != I = X
    when != I += X
    when != I -= X
(
  auxiliary_registration_drop@p(R);
|
  F@p(..., R, ...)
)

@script:python@
p << ua1r.p;
pd << dr.pd;
@@
# A loop body that drops reg[i] is not a second drop: keep textual order.
if int(p[0].line) > int(pd[0].line):
    kbound_rep.add(kbound_key(p[0]))

@script:python depends on report@
p << ua1r.p;
pd << dr.pd;
r << dr.R;
@@
if kbound_key(p[0]) in kbound_rep:
  coccilib.report.print_report(p[0], "[UA1] registration %s used after auxiliary_registration_drop() at line %s: the device is unregistered and its data freed" % (kbound_pretty(r), pd[0].line))

@script:python depends on org@
p << ua1r.p;
r << dr.R;
@@
if kbound_key(p[0]) in kbound_rep:
  coccilib.org.print_todo(p[0], "[UA1] registration %s used after auxiliary_registration_drop()" % kbound_pretty(r))

@depends on context@
position ua1c.p : script:python() { kbound_key(p[0]) in kbound_rep };
expression X;
@@
* X@p

@depends on context@
position ua1r.p : script:python() { kbound_key(p[0]) in kbound_rep };
identifier F;
@@
* F@p(...)

@depends on context@
position ua1d.p : script:python() { kbound_key(p[0]) in kbound_rep };
identifier F;
@@
* F@p(...)
