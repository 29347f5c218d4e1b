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

@u@
expression E;
position pu;
@@
auxiliary_device_uninit@pu(E)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_callbacks = set()	# (file, name) of functions passed as arguments
kb_has_delete = set()	# files with a function that deletes and never uninits
kb_uninit_fns = set()	# (file, fn) that call auxiliary_device_uninit()
kb_fn_deletes = {}	# (file, fn) -> arguments of its auxiliary_device_delete()s
kb_rep_c = set()	# positions that part (a2) reports

def kb_plain(e):
    """A bare identifier may alias another spelling of the device."""
    return re.match(r'^\s*\w+\s*$', e) is not None

// The index variable of an array element (`&p->dev[i]->adev`): a path on
// which it changes (loop increment, `while (--i >= 0)` unwinding) is about
// another element.
@script:python sx@
e << u.E;
I;
@@
coccinelle.I = cocci.make_ident(kbound_index(e))

// The pointer the device expression starts from (`ap` in `&ap->aux_dev`):
// a path that reassigns it (the next iteration's allocation) is about
// another device.
@script:python sb@
e << u.E;
B;
@@
m = re.match(r'^[\s&(*]*([A-Za-z_]\w*)', e)
coccinelle.B = cocci.make_ident(m.group(1) if m else "__kbound_no_base")

@cb depends on u@
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
@hd depends on u@
identifier fn;
expression D;
position pd, pf;
@@
fn@pf(...) { <+... auxiliary_device_delete@pd(D) ...+> }

@hu depends on u@
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
if (pf[0].file, fn) not in kb_uninit_fns:
    kb_has_delete.add(pf[0].file)

// (a) teardown: no init/add in the function, uninit with no delete around.
@rl5a exists@
identifier fn;
expression u.E;
identifier F !~ "^(auxiliary_device_uninit|dev_(err|warn|info|dbg|notice)|pr_[a-z_]+|netdev_[a-z_]+|printk)$";
position u.pu, p;
@@
fn(...) {
  ... when != auxiliary_device_delete(...)
      when != auxiliary_device_init(...)
      when != auxiliary_device_add(...)
      when != __auxiliary_device_add(...)
      when != F(..., E, ...)
  auxiliary_device_uninit@pu@p(E);
  ... when != auxiliary_device_delete(...)
}

// (a2) a teardown function that deletes some devices but uninits this one
// without deleting it (a full .remove that forgot one delete).
@rl5c exists@
identifier fn;
expression u.E;
identifier F !~ "^(auxiliary_device_uninit|dev_(err|warn|info|dbg|notice)|pr_[a-z_]+|netdev_[a-z_]+|printk)$";
position u.pu, p;
@@
fn(...) {
  ... when != auxiliary_device_delete(E)
      when != auxiliary_device_init(...)
      when != auxiliary_device_add(...)
      when != __auxiliary_device_add(...)
      when != F(..., E, ...)
  auxiliary_device_uninit@pu@p(E);
  ... when != auxiliary_device_delete(E)
}

@script:python@
fn << rl5c.fn;
p << rl5c.p;
e << u.E;
@@
dels = kb_fn_deletes.get((p[0].file, fn), set())
skip = not dels or kb_plain(e) or any(kb_plain(d) for d in dels)
if not skip and (p[0].file, fn) not in kb_callbacks:
    kb_rep_c.add((p[0].file, p[0].line, p[0].column))

// (b) after a successful add, an error path uninits without deleting.
@rl5b exists@
expression u.E, X;
identifier sx.I, sb.B;
identifier ret;
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
    when != E = ...
    when != B = X
    when != I++
    when != ++I
    when != I--
    when != --I
    when != I = X
    when != I += X
    when != I -= X
auxiliary_device_uninit@pu@p(E);

@script:python depends on report@
pu << rl5a.p;
fn << rl5a.fn;
e << u.E;
@@
if (pu[0].file, fn) not in kb_callbacks and pu[0].file not in kb_has_delete:
    coccilib.report.print_report(pu[0], "[RL5] %s() tears the auxiliary device down with auxiliary_device_uninit(%s) but never calls auxiliary_device_delete(): the device stays registered; call auxiliary_device_delete() first" % (fn, e.replace(" ", "")))

@script:python depends on report@
pu << rl5c.p;
fn << rl5c.fn;
e << u.E;
@@
if (pu[0].file, pu[0].line, pu[0].column) in kb_rep_c:
  coccilib.report.print_report(pu[0], "[RL5] %s() tears the auxiliary device down with auxiliary_device_uninit(%s) but never calls auxiliary_device_delete(%s): the device stays registered; call auxiliary_device_delete() first" % (fn, e.replace(" ", ""), e.replace(" ", "")))

@script:python depends on org@
pu << rl5c.p;
@@
if (pu[0].file, pu[0].line, pu[0].column) in kb_rep_c:
  coccilib.org.print_todo(pu[0], "[RL5] uninit without auxiliary_device_delete() in teardown")

@script:python depends on report@
pu << rl5b.p;
e << u.E;
@@
coccilib.report.print_report(pu[0], "[RL5] auxiliary_device_uninit(%s) after auxiliary_device_add() succeeded, without auxiliary_device_delete(): the device stays registered; call auxiliary_device_delete() first" % e.replace(" ", ""))

@script:python depends on org@
pu << rl5a.p;
fn << rl5a.fn;
@@
if (pu[0].file, fn) not in kb_callbacks and pu[0].file not in kb_has_delete:
    coccilib.org.print_todo(pu[0], "[RL5] uninit without auxiliary_device_delete() in teardown")

@script:python depends on org@
pu << rl5b.p;
@@
coccilib.org.print_todo(pu[0], "[RL5] uninit without auxiliary_device_delete() after a successful add")

@depends on context@
identifier rl5a.fn;
position rl5a.p;
position q : script:python(fn) { (q[0].file, fn) not in kb_callbacks and q[0].file not in kb_has_delete };
@@
* auxiliary_device_uninit@p@q(...)

@depends on context@
position rl5c.p : script:python() { (p[0].file, p[0].line, p[0].column) in kb_rep_c };
@@
* auxiliary_device_uninit@p(...)

@depends on context@
position rl5b.p;
@@
* auxiliary_device_uninit@p(...)
