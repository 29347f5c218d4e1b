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
kb_callbacks = set()	# (file, name) of functions passed as arguments
kb_has_delete = set()	# files that call auxiliary_device_delete() somewhere

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

@hd depends on u@
position pd;
@@
auxiliary_device_delete@pd(...)

@script:python@
pd << hd.pd;
@@
kb_has_delete.add(pd[0].file)

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

// (b) after a successful add, an error path uninits without deleting.
@rl5b exists@
expression u.E;
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
auxiliary_device_uninit@pu@p(E);

@script:python depends on report@
pu << rl5a.p;
fn << rl5a.fn;
e << u.E;
@@
if (pu[0].file, fn) not in kb_callbacks and pu[0].file not in kb_has_delete:
    coccilib.report.print_report(pu[0], "[RL5] %s() tears the auxiliary device down with auxiliary_device_uninit(%s) but never calls auxiliary_device_delete(): the device stays registered; call auxiliary_device_delete() first" % (fn, e.replace(" ", "")))

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
position rl5b.p;
@@
* auxiliary_device_uninit@p(...)
