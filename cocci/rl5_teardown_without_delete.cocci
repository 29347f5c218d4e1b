// SPDX-License-Identifier: GPL-2.0-only
/// [RL5] An added auxiliary device is torn down with
/// auxiliary_device_uninit() alone: auxiliary_device_delete() is missing,
/// so the device stays registered on the bus (its driver still bound) when
/// its last reference goes.  Call auxiliary_device_delete() first.
/// Reported: (a) a teardown function (no auxiliary_device_init() or
/// auxiliary_device_add() in it) that uninits without any delete, and (b) an
/// error path after auxiliary_device_add() succeeded that uninits without
/// deleting.  (a) is only judged in files with no auxiliary_device_delete()
/// at all (teardown is often split over several functions).  uninit alone on the auxiliary_device_add() failure branch is
/// correct and not reported.
///
// Confidence: Moderate
// Copyright: (C) 2026 kbound authors.
// Comments: functions passed as callbacks (devm actions) are skipped: they
//  are usually paired with a separate delete action.  A helper that
//  receives the device is assumed to delete it.
// Options: --no-includes --include-headers

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
kb_callbacks = set()	# (file, name) of functions passed as arguments
kb_callers = {}		# (file, wrapper or helper) -> functions that call it
kb_uninit_fns = set()	# (file, fn) that call auxiliary_device_uninit()
kb_fn_deletes = {}	# (file, fn) -> arguments of its auxiliary_device_delete()s
kb_rep_c = set()	# positions that part (a2) reports
kb_rep_bw = set()	# positions that part (b) reports after an add wrapper
kb_sites = {}		# uninit position -> wrapper or helper name, or None
kb_called = set()	# (file, name) of uninit wrappers and helpers called in the file
kb_file = None		# the file being matched (for identifier constraints)

def kb_plain(e):
    """A bare identifier may alias another spelling of the device."""
    return re.match(r"^\s*\w+\s*$", e) is not None

def kb_via(p):
    w = kb_sites.get(kbound_key(p))
    return " (in %s())" % w if w else ""

def kb_judged(p, fn):
    """Part (a) judges fn: not a callback, not a file whose teardown is
    split, and not an uninit helper of the file that is called in it (its
    callers are judged instead)."""
    return ((p.file, fn) not in kb_callbacks and not kb_split(p.file)
            and (p.file, fn) not in kb_called)

def kb_split(path):
    """Some function of the file deletes and never uninits (teardown split
    over two functions), other than a delete helper whose callers all
    uninit too."""
    for (f, fn) in kb_fn_deletes:
        if f != path or (f, fn) in kb_uninit_fns:
            continue
        callers = kb_callers.get((f, fn), set())
        if kbound_wdoes(f, fn, ["delete"]) and callers and \
                all((f, c) in kb_uninit_fns for c in callers):
            continue
        return True
    return False

def kb_del(f):
    """f is a wrapper or helper of the file that (maybe) deletes."""
    return kbound_wdoes(kb_file, f, ["delete"])

def kb_initadd(f):
    """f is a wrapper or helper of the file that (maybe) inits or adds."""
    return kbound_wdoes(kb_file, f, ["init", "add"])

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
// the file that does it on every path and does not delete (E is then the
// device of the argument, `&arg->fld`).
@u depends on i0@
identifier UN;
expression list[n] ES;
expression A;
position pu : script:python(UN) { UN == "auxiliary_device_uninit" or UN in kbound_wnames };
@@
UN@pu(ES, A, ...)

@script:python s@
un << u.UN;
n << u.n;
a << u.A;
pu << u.pu;
E;
@@
kb_file = pu[0].file
if un != "auxiliary_device_uninit":
    kb_callers.setdefault((pu[0].file, un), set()).add(pu[0].current_element)
if un != "auxiliary_device_uninit" and kbound_wdoes(pu[0].file, un, ["uninit"]):
    kb_called.add((pu[0].file, un))
    kb_uninit_fns.add((pu[0].file, pu[0].current_element))	# uninits through it
d = kbound_wsite(pu[0], un, n, a, ["uninit"])
if d is not None and un != "auxiliary_device_uninit" \
        and kbound_wdoes(pu[0].file, un, ["delete", "init", "add"]):
    d = None	# a full teardown (or setup) helper
if d is None:
    cocci.include_match(False)
else:
    kb_sites[kbound_key(pu[0])] = None if un == "auxiliary_device_uninit" else un
    coccinelle.E = cocci.make_expr(d)

// The index variable of an array element (`&p->dev[i]->adev`): a path on
// which it changes (loop increment, `while (--i >= 0)` unwinding) is about
// another element.
@script:python sx@
e << s.E;
I;
@@
coccinelle.I = cocci.make_ident(kbound_index(e))

// The pointer the device expression starts from (`ap` in `&ap->aux_dev`):
// a path that reassigns it (the next iteration's allocation) is about
// another device.
@script:python sb@
e << s.E;
B;
@@
m = re.match(r'^[\s&(*]*([A-Za-z_]\w*)', e)
coccinelle.B = cocci.make_ident(m.group(1) if m else "__kbound_no_base")

@cb depends on i0@
identifier F, G;
position pc;
@@
F@pc(..., G, ...)

@script:python@
g << cb.G;
pc << cb.pc;
@@
kb_callbacks.add((pc[0].file, g))

// Teardown split over two functions (bnxt): one function only deletes, the
// other only uninits.  A function that deletes AND uninits (the unwinding
// of a probe error path, a full remove) is not such a partner.
@hd depends on i0@
identifier fn;
expression D;
position pd, pf;
@@
fn@pf(...) { <+... auxiliary_device_delete@pd(D) ...+> }

@hu depends on i0@
identifier fn;
position pf;
@@
fn@pf(...) { <+... auxiliary_device_uninit(...) ...+> }

@script:python@
fn << hu.fn;
pf << hu.pf;
@@
kb_uninit_fns.add((pf[0].file, fn))

@script:python@
fn << hd.fn;
pf << hd.pf;
d << hd.D;
@@
kb_fn_deletes.setdefault((pf[0].file, fn), set()).add(d.strip())

// (a) teardown: no init/add in the function, uninit with no delete around.
@rl5a exists@
identifier fn;
expression s.E;
identifier u.UN;
identifier F !~ "^(auxiliary_device_uninit|dev_(err|warn|info|dbg|notice)|pr_[a-z_]+|netdev_[a-z_]+|printk)$";
identifier DW : script:python() { kb_del(DW) };
identifier IW : script:python() { kb_initadd(IW) };
position u.pu, p;
@@
fn(...) {
  ... when != auxiliary_device_delete(...)
      when != auxiliary_device_init(...)
      when != auxiliary_device_add(...)
      when != __auxiliary_device_add(...)
      when != DW(...)
      when != IW(...)
      when != F(..., E, ...)
  UN@pu@p(...);
  ... when != auxiliary_device_delete(...)
      when != DW(...)
}

// (a2) a teardown function that deletes some devices but uninits this one
// without deleting it (a full .remove that forgot one delete).
@rl5c exists@
identifier fn;
expression s.E;
identifier u.UN;
identifier F !~ "^(auxiliary_device_uninit|dev_(err|warn|info|dbg|notice)|pr_[a-z_]+|netdev_[a-z_]+|printk)$";
identifier DW : script:python() { kb_del(DW) };
identifier IW : script:python() { kb_initadd(IW) };
position u.pu, p;
@@
fn(...) {
  ... when != auxiliary_device_delete(E)
      when != auxiliary_device_init(...)
      when != auxiliary_device_add(...)
      when != __auxiliary_device_add(...)
      when != DW(...)
      when != IW(...)
      when != F(..., E, ...)
  UN@pu@p(...);
  ... when != auxiliary_device_delete(E)
      when != DW(...)
}

@script:python@
fn << rl5c.fn;
p << rl5c.p;
e << s.E;
@@
dels = kb_fn_deletes.get((p[0].file, fn), set())
skip = not dels or kb_plain(e) or any(kb_plain(d) for d in dels)
if not skip and (p[0].file, fn) not in kb_callbacks:
    kb_rep_c.add((p[0].file, p[0].line, p[0].column))

// (b) after a successful add, an error path uninits without deleting.
@rl5b exists@
expression s.E, X;
identifier sx.I, sb.B, u.UN;
identifier ret;
identifier DW : script:python() { kb_del(DW) };
statement S;
position u.pu, p;
@@
(
ret = auxiliary_device_add(E);
if (\(ret\|ret < 0\|ret != 0\|unlikely(ret)\)) S
|
ret = __auxiliary_device_add(E, ...);
if (\(ret\|ret < 0\|ret != 0\|unlikely(ret)\)) S
|
if (\(auxiliary_device_add(E)\|auxiliary_device_add(E) < 0\)) S
)
... when any
    when != auxiliary_device_delete(...)
    when != DW(...)
    when != E = ...
    when != B = X
    when != I++
    when != ++I
    when != I--
    when != --I
    when != I = X
    when != I += X
    when != I -= X
UN@pu@p(...);

// An add through a wrapper macro or helper of the file.
@aw depends on i0@
identifier AW;
expression Y;
position pa : script:python(AW) { kbound_wdoes(kb_file, AW, ["add"], True) };
@@
AW@pa(Y)

@rl5bw exists@
expression s.E, X, aw.Y;
identifier sx.I, sb.B, u.UN, aw.AW;
identifier ret;
identifier DW : script:python() { kb_del(DW) };
statement S;
position aw.pa, u.pu, p;
@@
(
ret = AW@pa(Y);
if (\(ret\|ret < 0\|ret != 0\|unlikely(ret)\)) S
|
if (\(AW@pa(Y)\|AW@pa(Y) < 0\)) S
)
... when any
    when != auxiliary_device_delete(...)
    when != DW(...)
    when != E = ...
    when != B = X
    when != I++
    when != ++I
    when != I--
    when != --I
    when != I = X
    when != I += X
    when != I -= X
UN@pu@p(...);

// The add through a wrapper: only when it adds the device uninit here.
@script:python@
p << rl5bw.p;
pa << aw.pa;
awn << aw.AW;
y << aw.Y;
e << s.E;
@@
if kbound_squash(kbound_wsite(pa[0], awn, 0, y, ["add"])) == kbound_squash(e):
    kb_rep_bw.add(kbound_key(p[0]))

@script:python depends on report@
pu << rl5a.p;
fn << rl5a.fn;
e << s.E;
@@
if kb_judged(pu[0], fn):
    coccilib.report.print_report(pu[0], "[RL5] %s() tears the auxiliary device down with auxiliary_device_uninit(%s)%s but never calls auxiliary_device_delete(): the device stays registered; call auxiliary_device_delete() first" % (fn, e.replace(" ", ""), kb_via(pu[0])))

@script:python depends on report@
pu << rl5c.p;
fn << rl5c.fn;
e << s.E;
@@
if (pu[0].file, pu[0].line, pu[0].column) in kb_rep_c:
  coccilib.report.print_report(pu[0], "[RL5] %s() tears the auxiliary device down with auxiliary_device_uninit(%s)%s but never calls auxiliary_device_delete(%s): the device stays registered; call auxiliary_device_delete() first" % (fn, e.replace(" ", ""), kb_via(pu[0]), e.replace(" ", "")))

@script:python depends on org@
pu << rl5c.p;
@@
if (pu[0].file, pu[0].line, pu[0].column) in kb_rep_c:
  coccilib.org.print_todo(pu[0], "[RL5] uninit without auxiliary_device_delete() in teardown")

@script:python depends on report@
pu << rl5b.p;
e << s.E;
@@
coccilib.report.print_report(pu[0], "[RL5] auxiliary_device_uninit(%s)%s after auxiliary_device_add() succeeded, without auxiliary_device_delete(): the device stays registered; call auxiliary_device_delete() first" % (e.replace(" ", ""), kb_via(pu[0])))

@script:python depends on report@
pu << rl5bw.p;
e << s.E;
@@
if kbound_key(pu[0]) in kb_rep_bw:
    coccilib.report.print_report(pu[0], "[RL5] auxiliary_device_uninit(%s)%s after auxiliary_device_add() succeeded, without auxiliary_device_delete(): the device stays registered; call auxiliary_device_delete() first" % (e.replace(" ", ""), kb_via(pu[0])))

@script:python depends on org@
pu << rl5bw.p;
@@
if kbound_key(pu[0]) in kb_rep_bw:
    coccilib.org.print_todo(pu[0], "[RL5] uninit without auxiliary_device_delete() after a successful add")

@script:python depends on org@
pu << rl5a.p;
fn << rl5a.fn;
@@
if kb_judged(pu[0], fn):
    coccilib.org.print_todo(pu[0], "[RL5] uninit without auxiliary_device_delete() in teardown")

@script:python depends on org@
pu << rl5b.p;
@@
coccilib.org.print_todo(pu[0], "[RL5] uninit without auxiliary_device_delete() after a successful add")

@depends on context@
identifier rl5a.fn, u.UN;
position rl5a.p;
position q : script:python(fn) { kb_judged(q[0], fn) };
@@
* UN@p@q(...)

@depends on context@
identifier u.UN;
position rl5c.p : script:python() { (p[0].file, p[0].line, p[0].column) in kb_rep_c };
@@
* UN@p(...)

@depends on context@
identifier u.UN;
position rl5b.p;
@@
* UN@p(...)

@depends on context@
identifier u.UN;
position rl5bw.p : script:python() { kbound_key(p[0]) in kb_rep_bw };
@@
* UN@p(...)
