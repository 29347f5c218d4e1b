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
@i0@
position p0;
@@
auxiliary_device_uninit@p0(...)

// Aliases `adev = &priv->adev`: the container is what gets freed or passed on.
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

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_wx_dummy = set()	# files where wx named the dummy function
kb_sites = {}		# uninit position -> wrapper or helper name
kb_file = None		# the file being matched (for identifier constraints)

def kb_via(p):
    w = kb_sites.get(kbound_key(p))
    return " (in %s())" % w if w else ""

def kb_in(p):
    w = kb_sites.get(kbound_key(p))
    return ", in %s()" % w if w else ""

// The own wrappers of the API in the file (kbound_cocci.py: kbound_wrapper):
// macros whose whole body is one API call on the device of their argument, and
// functions that call the API on the device of one of their parameters,
// with the paths on which they do not (a helper that only sometimes does
// it is not taken for the API call).
@wm depends on i0@
identifier W, a, fld;
identifier API =~ "^auxiliary_device_(init|uninit|add|delete)$";
position p;
@@
(
#define W(a) API@p(&(a)->fld)
|
#define W(a) API@p(&a->fld)
)

@script:python@
p << wm.p;
w << wm.W;
api << wm.API;
fld << wm.fld;
@@
kbound_wmacro(p[0], w, api, fld)

@wmd depends on i0@
identifier W, a;
identifier API =~ "^auxiliary_device_(init|uninit|add|delete)$";
position p;
@@
#define W(a) API@p(a)

@script:python@
p << wmd.p;
w << wmd.W;
api << wmd.API;
@@
kbound_wmacro(p[0], w, api)

@wc depends on i0@
identifier API =~ "^(auxiliary_device_(init|uninit|add|delete)|__auxiliary_device_add)$";
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

// The uninit: auxiliary_device_uninit(E), or a wrapper macro or helper of
// the file that does it on every path (E is then the device of the
// argument, `&arg->fld`, and the argument its container).
@i depends on i0@
identifier UN;
expression list[n] ES;
expression A;
position pi : script:python(UN) { UN == "auxiliary_device_uninit" or UN in kbound_wnames };
@@
UN@pi(ES, A, ...)

@script:python s@
un << i.UN;
n << i.n;
a << i.A;
pi << i.pi;
E;
C;
@@
kb_file = pi[0].file
d = kbound_wsite(pi[0], un, n, a, ["uninit"])
if d is None:
    cocci.include_match(False)
else:
    if un != "auxiliary_device_uninit":
        kb_sites[kbound_key(pi[0])] = un
    coccinelle.E = cocci.make_expr(d)
    coccinelle.C = cocci.make_expr(kbound_container(pi[0], d) if un == "auxiliary_device_uninit" else a)

// The index variable of an array element (`&p->dev[i]->adev`, or an alias
// of it): once it changes (`while (--i >= 0)` unwinding, the loop
// increment) the expression names another element.
@script:python sx@
e << s.E;
c << s.C;
I;
@@
coccinelle.I = cocci.make_ident(kbound_index(e, c))

@initialize:python@
@@
kbound_release_fns = set()	# (file, fn) assigned to a ->release
kbound_freeing_release = set()	# files whose release callback kfree()s
kbound_rep = set()

@rel depends on i0@
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
expression s.E, s.C, X;
identifier fld;
identifier sx.I, i.UN;
position i.pi, p;
@@
UN@pi(...);
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
e << s.E;
c << s.C;
pi << i.pi;
@@
if kbound_key(p[0]) in kbound_rep:
    coccilib.report.print_report(p[0], "[UA1] %s used after auxiliary_device_uninit(%s)%s at line %s: the release callback frees it; do this before the uninit" % (kbound_pretty(c), kbound_pretty(e), kb_via(pi[0]), pi[0].line))

@script:python depends on org@
p << ua1c.p;
c << s.C;
@@
if kbound_key(p[0]) in kbound_rep:
    coccilib.org.print_todo(p[0], "[UA1] %s used after auxiliary_device_uninit()" % kbound_pretty(c))

// Double uninit.
@ua1d exists@
expression s.E, X;
identifier sx.I, i.UN;
position i.pi, p;
@@
UN@pi(...);
... when != E = X
    when != I++
    when != ++I
    when != I--
    when != --I
    when != I = X
    when != I += X
    when != I -= X
auxiliary_device_uninit@p(E);

// The second uninit through a wrapper macro or helper of the file.
@ua1dw exists@
expression s.E, X, Y;
identifier sx.I, i.UN;
identifier U2;
position i.pi;
position p : script:python(U2) { kbound_wdoes(kb_file, U2, ["uninit"], True) };
@@
UN@pi(...);
... when != E = X
    when != I++
    when != ++I
    when != I--
    when != --I
    when != I = X
    when != I += X
    when != I -= X
U2@p(Y);

@script:python@
p << ua1dw.p;
pi << i.pi;
u2 << ua1dw.U2;
y << ua1dw.Y;
e << s.E;
@@
if (int(p[0].line), int(p[0].column)) > (int(pi[0].line), int(pi[0].column)) and \
        kbound_squash(kbound_wsite(p[0], u2, 0, y, ["uninit"])) == kbound_squash(e):
    kb_sites[kbound_key(p[0])] = u2
    kbound_rep.add(kbound_key(p[0]))
    kbound_rep.add((kbound_key(p[0]), kbound_key(pi[0])))

@script:python@
p << ua1d.p;
pi << i.pi;
@@
if (int(p[0].line), int(p[0].column)) > (int(pi[0].line), int(pi[0].column)):
    kbound_rep.add(kbound_key(p[0]))
    kbound_rep.add((kbound_key(p[0]), kbound_key(pi[0])))

@script:python depends on report@
p << ua1d.p;
e << s.E;
pi << i.pi;
@@
if (kbound_key(p[0]), kbound_key(pi[0])) in kbound_rep:
  coccilib.report.print_report(p[0], "[UA1] auxiliary_device_uninit(%s)%s twice (first at line %s%s): the second put frees or underflows the device" % (kbound_pretty(e), kb_via(p[0]), pi[0].line, kb_in(pi[0])))

@script:python depends on report@
p << ua1dw.p;
e << s.E;
pi << i.pi;
@@
if (kbound_key(p[0]), kbound_key(pi[0])) in kbound_rep:
  coccilib.report.print_report(p[0], "[UA1] auxiliary_device_uninit(%s)%s twice (first at line %s%s): the second put frees or underflows the device" % (kbound_pretty(e), kb_via(p[0]), pi[0].line, kb_in(pi[0])))



@script:python depends on org@
p << ua1d.p;
@@
if kbound_key(p[0]) in kbound_rep:
  coccilib.org.print_todo(p[0], "[UA1] auxiliary_device_uninit() twice")

@script:python depends on org@
p << ua1dw.p;
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

@depends on context@
position ua1dw.p : script:python() { kbound_key(p[0]) in kbound_rep };
identifier F;
@@
* F@p(...)
