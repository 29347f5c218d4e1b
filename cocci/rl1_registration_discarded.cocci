// SPDX-License-Identifier: GPL-2.0-only
/// [RL1] The result of auxiliary_registration_new() is discarded (or only
/// tested with IS_ERR() and thrown away).  The handle is the only way to
/// drop the registration: the auxiliary device then outlives the parent's
/// binding and the data it borrows (Rust's mem::forget of a Registration,
/// which Registration::new_with_lt forbids).  Keep the handle and call
/// auxiliary_registration_drop() in .remove, or use
/// devm_auxiliary_registration_new().
///
// Confidence: High
// Copyright: (C) 2026 kbound authors.
// Comments: devm_auxiliary_registration_new() is not reported: devres drops it.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
import re
kb_creators = set()	# (file, name): wrapper macros and helpers that create
kb_not = set()		# (file, name): helpers with another return
kb_ok_ret = re.compile(r"^\s*(auxiliary_registration_new\s*\(.*|(ERR_PTR|ERR_CAST)\s*\(.*|NULL)\s*$", re.S)

def kb_creator(w):
    return any(n == w for (f, n) in kb_creators)

def kb_name(p):
    """The identifier at position p (the called wrapper)."""
    try:
        with open(p.file) as f:
            line = f.read().split("\n")[int(p.line) - 1]
        m = re.match(r"\w+", line[int(p.column):])
        return m.group(0) if m else None
    except (OSError, IndexError):
        return None

def kb_judged(p):
    w = kb_name(p)
    return w is not None and (p.file, w) in kb_creators and (p.file, w) not in kb_not \
        and p.current_element != w

@rl1 depends on context || org || report@
position p;
@@
(
auxiliary_registration_new@p(...);
|
 (void)auxiliary_registration_new@p(...);
)

@rl1e depends on context || org || report@
position p;
@@
(
IS_ERR(auxiliary_registration_new@p(...))
|
IS_ERR_OR_NULL(auxiliary_registration_new@p(...))
|
PTR_ERR_OR_ZERO(auxiliary_registration_new@p(...))
|
PTR_ERR(auxiliary_registration_new@p(...))
)

// The file's own creators: a macro whose whole body is the creation, and a
// function whose every return is auxiliary_registration_new() or an error
// (ERR_PTR(), NULL).  A call of one as a statement, cast to void or only
// error-checked discards the registration the same way.
@any depends on context || org || report@
position p;
@@
auxiliary_registration_new@p(...)

@cm depends on any@
identifier W;
position p;
@@
#define W(...) auxiliary_registration_new@p(...)

@script:python@
w << cm.W;
p << cm.p;
@@
kb_creators.add((p[0].file, w))

@ch depends on any@
identifier fn;
position p;
@@
fn@p(...) { <+... return auxiliary_registration_new(...); ...+> }

@script:python@
fn << ch.fn;
p << ch.p;
@@
kb_creators.add((p[0].file, fn))

@chr depends on ch@
identifier ch.fn;
expression R;
position pr;
@@
fn(...) { <+... return@pr R; ...+> }

@script:python@
fn << ch.fn;
r << chr.R;
pr << chr.pr;
@@
if not kb_ok_ret.match(r):
    kb_not.add((pr[0].file, fn))

@rl1w depends on cm || ch@
identifier W : script:python() { kb_creator(W) };
position p;
@@
(
W@p(...);
|
 (void)W@p(...);
)

@rl1we depends on cm || ch@
identifier W : script:python() { kb_creator(W) };
position p;
@@
(
IS_ERR(W@p(...))
|
IS_ERR_OR_NULL(W@p(...))
|
PTR_ERR_OR_ZERO(W@p(...))
|
PTR_ERR(W@p(...))
)

@depends on context@
position p = {rl1.p, rl1e.p};
@@
* auxiliary_registration_new@p(...)

@depends on context@
identifier W;
position p = {rl1w.p, rl1we.p};
position q : script:python() { kb_judged(q[0]) };
@@
* W@p@q(...)

@script:python depends on report@
p << rl1.p;
@@
coccilib.report.print_report(p[0],
    "[RL1] result of auxiliary_registration_new() discarded: the registration can never be dropped; keep the handle and auxiliary_registration_drop() it, or use devm_auxiliary_registration_new()")

@script:python depends on report@
p << rl1e.p;
@@
coccilib.report.print_report(p[0],
    "[RL1] result of auxiliary_registration_new() only error-checked, then discarded: the registration can never be dropped; keep the handle and auxiliary_registration_drop() it, or use devm_auxiliary_registration_new()")

@script:python depends on org@
p << rl1.p;
@@
coccilib.org.print_todo(p[0], "[RL1] result of auxiliary_registration_new() discarded")

@script:python depends on org@
p << rl1e.p;
@@
coccilib.org.print_todo(p[0], "[RL1] result of auxiliary_registration_new() only error-checked, then discarded")

@script:python depends on report@
p << rl1w.p;
@@
if kb_judged(p[0]):
    coccilib.report.print_report(p[0],
        "[RL1] result of auxiliary_registration_new() (in %s()) discarded: the registration can never be dropped; keep the handle and auxiliary_registration_drop() it, or use devm_auxiliary_registration_new()" % kb_name(p[0]))

@script:python depends on org@
p << rl1w.p;
@@
if kb_judged(p[0]):
    coccilib.org.print_todo(p[0], "[RL1] result of auxiliary_registration_new() (in %s()) discarded" % kb_name(p[0]))

@script:python depends on report@
p << rl1we.p;
@@
if kb_judged(p[0]):
    coccilib.report.print_report(p[0],
        "[RL1] result of auxiliary_registration_new() (in %s()) only error-checked, then discarded: the registration can never be dropped; keep the handle and auxiliary_registration_drop() it, or use devm_auxiliary_registration_new()" % kb_name(p[0]))

@script:python depends on org@
p << rl1we.p;
@@
if kb_judged(p[0]):
    coccilib.org.print_todo(p[0], "[RL1] result of auxiliary_registration_new() (in %s()) only error-checked, then discarded" % kb_name(p[0]))
