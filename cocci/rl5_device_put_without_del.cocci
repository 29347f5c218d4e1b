// SPDX-License-Identifier: GPL-2.0-only
/// [RL5] A generic or platform device was added (device_add() or
/// platform_device_add() returned 0) and a later error path drops it with
/// put_device() / platform_device_put() without device_del() /
/// platform_device_del(): the device stays registered on its bus (its
/// sysfs entries, a bound driver) while the put may free it.  Delete first
/// (device_del(), platform_device_del()), or use device_unregister() /
/// platform_device_unregister(), which do both.  The put on the add
/// failure branch itself is correct and not reported.  The auxiliary family
/// is rl5_teardown_without_delete.cocci's.
///
// Confidence: Moderate
// Copyright: (C) 2026 kbound authors.
// Comments: intraprocedural; gotos are followed; only the path from the
//  add in the same function (teardown functions are not judged).
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

// The first rule names the API literally, so spatch skips files without it.
@i0@
position p0;
@@
\(device_add@p0(...)\|platform_device_add@p0(...)\)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_rep = set()		# reported puts

// The add and its failure test; the path goes on past the failure branch.
// The declaration form spells each failure test as its own branch: one
// `T ret = ADD(E); if (\(ret\|ret < 0\|...\)) S` branch took spatch 1.5 s
// to parse and seconds per file to match (97x put_device.cocci over
// drivers/), the four branches match the same and cost nothing.
@ad depends on i0@
identifier ADD =~ "^(device_add|platform_device_add)$";
expression E;
identifier ret;
position pi, pf;
statement S;
type T;
@@
(
ret = ADD@pi(E);
if@pf (\(ret\|ret < 0\|ret != 0\|unlikely(ret)\)) S
|
T ret = ADD@pi(E);
if@pf (ret) S
|
T ret = ADD@pi(E);
if@pf (ret < 0) S
|
T ret = ADD@pi(E);
if@pf (ret != 0) S
|
T ret = ADD@pi(E);
if@pf (unlikely(ret)) S
|
if@pf (\(ADD@pi(E)\|ADD@pi(E) < 0\|ADD@pi(E) != 0\|unlikely(ADD@pi(E))\)) S
)

@rl5 exists@
identifier PUT =~ "^(put_device|platform_device_put)$";
expression ad.E, X;
position ad.pf, p;
statement S;
@@
if@pf (...) S
... when != \(device_del\|platform_device_del\|device_unregister\|platform_device_unregister\)(...)
    when != E = X
    when != get_device(...)
(
PUT@p(E);
|
put_device@p(&E->dev);
)

@script:python@
p << rl5.p;
pi << ad.pi;
E << ad.E;
add << ad.ADD;
@@
# Loops make a later iteration look like it follows the add: keep the
# textual order; array elements are the loop's business.
if int(p[0].line) > int(pi[0].line) and '[' not in E:
    kb_rep.add(kbound_key(p[0]))

@script:python depends on report@
p << rl5.p;
pi << ad.pi;
E << ad.E;
add << ad.ADD;
put << rl5.PUT;
@@
if kbound_key(p[0]) in kb_rep:
    dl = kbound_family_call(add, 'delete')
    coccilib.report.print_report(p[0],
        "[RL5] %s(%s) succeeded at line %s but this path drops it with %s() without %s(): the device stays registered while the put may free it; call %s() first (or %s())" % (add, kbound_pretty(E), pi[0].line, kbound_name_at(p[0]), dl, dl, kbound_family_call(add, 'unregister')))

@script:python depends on org@
p << rl5.p;
pi << ad.pi;
E << ad.E;
add << ad.ADD;
@@
if kbound_key(p[0]) in kb_rep:
    coccilib.org.print_todo(p[0], "[RL5] %s(%s) succeeded at line %s but this path puts it without %s()" % (add, kbound_pretty(E), pi[0].line, kbound_family_call(add, 'delete')))

@depends on context@
position p : script:python() { kbound_key(p[0]) in kb_rep };
identifier F;
@@
* F@p(...);
