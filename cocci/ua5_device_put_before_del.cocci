// SPDX-License-Identifier: GPL-2.0-only
/// [UA5] put before del on the same generic or platform device:
/// put_device(E) then device_del(E), or platform_device_put(P) (or
/// put_device(&P->dev)) then platform_device_del(P).  The put drops the
/// reference that keeps the device alive: its release callback may free it
/// while it is still registered, and the del then works on freed memory.
/// Delete first, then put (or use device_unregister() /
/// platform_device_unregister(), which do both in order).  The auxiliary
/// family is ua5_uninit_before_delete.cocci's.
///
// Confidence: High
// Copyright: (C) 2026 kbound authors.
// Comments: intraprocedural; a get_device() or a reassignment in between
//  ends the check.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

// The first rule names the API literally, so spatch skips files without it.
@i0@
position p0;
@@
\(device_del@p0(...)\|platform_device_del@p0(...)\)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_got = set()		# (file, function, device) that took a reference
kb_rep = set()		# reported dels

// A function that takes its own reference (get_device()) may put it
// before the del.
@gd depends on i0@
expression G;
position pg;
@@
get_device@pg(G)

@script:python@
g << gd.G;
pg << gd.pg;
@@
g = kbound_squash(g)
kb_got.add((pg[0].file, pg[0].current_element, g))
if g.startswith('&') and g.endswith('->dev'):
    kb_got.add((pg[0].file, pg[0].current_element, g[1:-5]))

@ua5 depends on i0 exists@
expression E;
position p1, p2;
@@
(
put_device@p1(E);
... when != E = ...
    when != get_device(...)
device_del@p2(E);
|
platform_device_put@p1(E);
... when != E = ...
    when != get_device(...)
platform_device_del@p2(E);
|
put_device@p1(&E->dev);
... when != E = ...
    when != get_device(...)
platform_device_del@p2(E);
)

// Loops make a later iteration's put look like it comes first: keep the
// textual order.
@script:python@
p1 << ua5.p1;
p2 << ua5.p2;
e << ua5.E;
@@
if int(p2[0].line) > int(p1[0].line) and \
        (p2[0].file, p2[0].current_element, kbound_squash(e)) not in kb_got:
    kb_rep.add(kbound_key(p2[0]))

@script:python depends on report@
p1 << ua5.p1;
p2 << ua5.p2;
e << ua5.E;
@@
if kbound_key(p2[0]) in kb_rep:
    dl, pt = kbound_name_at(p2[0]), kbound_name_at(p1[0])
    unreg = kbound_family_call(dl, 'unregister')
    coccilib.report.print_report(p2[0],
        "[UA5] %s(%s) after %s() at line %s: the put may have been the last and the release freed the device, which is still registered; call %s() first, then %s() (or %s(), which does both in order)" % (dl, kbound_pretty(e), pt, p1[0].line, dl, kbound_family_call(dl, 'uninit'), unreg))

@script:python depends on org@
p1 << ua5.p1;
p2 << ua5.p2;
e << ua5.E;
@@
if kbound_key(p2[0]) in kb_rep:
    coccilib.org.print_todo(p2[0], "[UA5] %s(%s) after %s() at line %s" % (kbound_name_at(p2[0]), kbound_pretty(e), kbound_name_at(p1[0]), p1[0].line))

@depends on context@
position p2 : script:python() { kbound_key(p2[0]) in kb_rep };
identifier F;
@@
* F@p2(...);
