// SPDX-License-Identifier: GPL-2.0-only
/// [UA5] auxiliary_device_uninit() before auxiliary_device_delete() on the
/// same device.  uninit drops the reference that keeps the device alive:
/// its release callback may free it while it is still registered, and the
/// delete then works on freed memory.  Delete first, then uninit.
///
// Confidence: High
// Copyright: (C) 2026 kbound authors.
// Comments: patch mode moves the uninit right after the delete (uses in
//  between then happen before the uninit, which is what they need).
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

// The first rule names the API literally, so spatch skips files without it.
@i0@
position p0;
@@
auxiliary_device_uninit@p0(...)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_wx_dummy = set()	# files where wx named the dummy function
kb_ok = set()
kb_sites = {}		# uninit or delete position -> wrapper or helper name
kb_file = None		# the file being matched (for identifier constraints)

def kb_after(p, q):
    """p comes textually after q (line, then column)."""
    return (int(p.line), int(p.column)) > (int(q.line), int(q.column))

def kb_via(p):
    w = kb_sites.get(kbound_key(p))
    return " (in %s())" % w if w else ""

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
// argument, `&arg->fld`).  Loops make "delete; uninit;" look like uninit
// then delete on the next iteration: keep the textual order.
@u depends on i0@
identifier UN;
expression list[n] ES;
expression A;
position p1 : script:python(UN) { UN == "auxiliary_device_uninit" or UN in kbound_wnames };
@@
UN@p1(ES, A, ...)

@script:python s@
un << u.UN;
n << u.n;
a << u.A;
p1 << u.p1;
E;
@@
kb_file = p1[0].file
d = kbound_wsite(p1[0], un, n, a, ["uninit"])
if d is None:
    cocci.include_match(False)
else:
    if un != "auxiliary_device_uninit":
        kb_sites[kbound_key(p1[0])] = un
    coccinelle.E = cocci.make_expr(d)

// The index variable of an array element (`&p->dev[i]->adev`): a path on
// which it changes (`while (--i >= 0)` unwinding) reaches another element.
@script:python sx@
e << s.E;
I;
@@
coccinelle.I = cocci.make_ident(kbound_index(e))

@ua5 exists@
expression s.E, X;
identifier sx.I, u.UN;
position u.p1, p2;
@@
UN@p1(...);
... when != E = ...
    when != I++
    when != ++I
    when != I--
    when != --I
    when != I = X
    when != I += X
    when != I -= X
auxiliary_device_delete@p2(E);

// The delete through a wrapper macro or helper of the file.
@ua5w exists@
expression s.E, X, Y;
identifier sx.I, u.UN;
identifier DW;
position u.p1;
position p2 : script:python(DW) { kbound_wdoes(kb_file, DW, ["delete"], True) };
@@
UN@p1(...);
... when != E = ...
    when != I++
    when != ++I
    when != I--
    when != --I
    when != I = X
    when != I += X
    when != I -= X
DW@p2(Y);

@script:python@
p1 << u.p1;
p2 << ua5w.p2;
dw << ua5w.DW;
y << ua5w.Y;
e << s.E;
@@
if kb_after(p2[0], p1[0]) and \
        kbound_squash(kbound_wsite(p2[0], dw, 0, y, ["delete"])) == kbound_squash(e):
    kb_sites[kbound_key(p2[0])] = dw
    kb_ok.add(kbound_key(p1[0]))
    kb_ok.add(kbound_key(p2[0]))

@script:python@
p1 << u.p1;
p2 << ua5.p2;
@@
if kb_after(p2[0], p1[0]):
    kb_ok.add(kbound_key(p1[0]))
    kb_ok.add(kbound_key(p2[0]))
else:
    cocci.include_match(False)

@script:python depends on report@
p1 << u.p1;
p2 << ua5.p2;
e << s.E;
@@
if kbound_key(p1[0]) in kb_ok and kbound_key(p2[0]) in kb_ok:
  coccilib.report.print_report(p1[0], "[UA5] auxiliary_device_uninit(%s)%s before auxiliary_device_delete()%s at line %s: uninit can free the still registered device; call auxiliary_device_delete() first" % (e.replace(" ", ""), kb_via(p1[0]), kb_via(p2[0]), p2[0].line))

@script:python depends on report@
p1 << u.p1;
p2 << ua5w.p2;
e << s.E;
@@
if kbound_key(p1[0]) in kb_ok and kbound_key(p2[0]) in kb_ok:
  coccilib.report.print_report(p1[0], "[UA5] auxiliary_device_uninit(%s)%s before auxiliary_device_delete()%s at line %s: uninit can free the still registered device; call auxiliary_device_delete() first" % (e.replace(" ", ""), kb_via(p1[0]), kb_via(p2[0]), p2[0].line))


@script:python depends on org@
p1 << u.p1;
p2 << ua5.p2;
@@
if kbound_key(p1[0]) in kb_ok and kbound_key(p2[0]) in kb_ok:
  coccilib.org.print_todo(p1[0], "[UA5] auxiliary_device_uninit() before auxiliary_device_delete() at line %s" % p2[0].line)
@script:python depends on org@
p1 << u.p1;
p2 << ua5w.p2;
@@
if kbound_key(p1[0]) in kb_ok and kbound_key(p2[0]) in kb_ok:
  coccilib.org.print_todo(p1[0], "[UA5] auxiliary_device_uninit() before auxiliary_device_delete() at line %s" % p2[0].line)

@depends on context@
identifier u.UN;
position u.p1 : script:python() { kbound_key(p1[0]) in kb_ok };
position p2 : script:python() { kbound_key(p2[0]) in kb_ok };
identifier DW;
@@
(
* UN@p1(...);
|
* DW@p2(...);
)

@depends on patch@
expression E;
position u.p1 : script:python() { kbound_key(p1[0]) in kb_ok };
position ua5.p2 : script:python() { kbound_key(p2[0]) in kb_ok };
@@
- auxiliary_device_uninit@p1(E);
  ...
  auxiliary_device_delete@p2(E);
+ auxiliary_device_uninit(E);
