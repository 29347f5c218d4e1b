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

// Loops make "delete; uninit;" look like uninit then delete on the next
// iteration: keep the textual order.
@u@
expression E;
position p1;
@@
auxiliary_device_uninit@p1(E)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_ok = set()


// The index variable of an array element (`&p->dev[i]->adev`): a path on
// which it changes (`while (--i >= 0)` unwinding) reaches another element.
@script:python sx@
e << u.E;
I;
@@
coccinelle.I = cocci.make_ident(kbound_index(e))

@ua5 exists@
expression u.E, X;
identifier sx.I;
position u.p1, p2;
@@
auxiliary_device_uninit@p1(E);
... when != E = ...
    when != I++
    when != ++I
    when != I--
    when != --I
    when != I = X
    when != I += X
    when != I -= X
auxiliary_device_delete@p2(E);

@script:python@
p1 << u.p1;
p2 << ua5.p2;
@@
if int(p2[0].line) > int(p1[0].line):
    kb_ok.add(kbound_key(p1[0]))
    kb_ok.add(kbound_key(p2[0]))
else:
    cocci.include_match(False)

@script:python depends on report@
p1 << u.p1;
p2 << ua5.p2;
e << u.E;
@@
if kbound_key(p1[0]) in kb_ok and kbound_key(p2[0]) in kb_ok:
  coccilib.report.print_report(p1[0], "[UA5] auxiliary_device_uninit(%s) before auxiliary_device_delete() at line %s: uninit can free the still registered device; call auxiliary_device_delete() first" % (e.replace(" ", ""), p2[0].line))

@script:python depends on org@
p1 << u.p1;
p2 << ua5.p2;
@@
if kbound_key(p1[0]) in kb_ok and kbound_key(p2[0]) in kb_ok:
  coccilib.org.print_todo(p1[0], "[UA5] auxiliary_device_uninit() before auxiliary_device_delete() at line %s" % p2[0].line)

@depends on context@
position u.p1 : script:python() { kbound_key(p1[0]) in kb_ok };
position ua5.p2 : script:python() { kbound_key(p2[0]) in kb_ok };
@@
(
* auxiliary_device_uninit@p1(...);
|
* auxiliary_device_delete@p2(...);
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
