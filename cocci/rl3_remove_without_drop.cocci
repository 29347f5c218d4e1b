// SPDX-License-Identifier: GPL-2.0-only
/// [RL3] .probe keeps a registration from auxiliary_registration_new() in
/// driver data (a structure field, or the drvdata pointer itself) but
/// nothing in the file ever drops it: no auxiliary_registration_drop() of
/// that field, of a local loaded from it, and no helper it is handed to.
/// The registration outlives the parent's binding.  Drop it in .remove, or
/// use devm_auxiliary_registration_new().
///
// Confidence: Moderate
// Copyright: (C) 2026 kbound authors.
// Comments: file-local: a drop in another file (a helper) is not seen,
//  handing the field to any function counts as dropping it.  Only judged
//  in files that define a driver with a .probe (any driver struct,
//  designated initializer in any layout).
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

// Stores of a fresh registration into a field (or an element of an array
// field: priv->regs[i]), also as a branch of a conditional expression.
@st depends on context || org || report@
expression E, X, C, Y;
identifier fld;
position p;
@@
(
E->fld@p = auxiliary_registration_new(...)
|
E->fld@p[X] = auxiliary_registration_new(...)
|
E->fld@p = C ? auxiliary_registration_new(...) : Y
|
E->fld@p = C ? Y : auxiliary_registration_new(...)
)

@st2 depends on context || org || report exists@
local idexpression struct auxiliary_registration *R;
expression E, X;
identifier fld;
position p;
@@
R = auxiliary_registration_new(...);
...
(
E->fld@p = R
|
E->fld@p[X] = R
)

// Stores into drvdata.
@sd exists@
local idexpression struct auxiliary_registration *R;
identifier SET =~ "_set_drvdata$";
position p;
@@
R = auxiliary_registration_new(...);
...
SET@p(..., R)

@initialize:python@
@@
kb_handled = set()	# (file, field) that something drops or hands on
kb_any_drop = set()	# files with any auxiliary_registration_drop()

kb_probe_files = set()	# files that define a driver with .probe

def kb_field_bad(p, fld):
    bad = p.file in kb_probe_files and (p.file, fld) not in kb_handled
    if bad:
        kb_rep.add((p.file, p.line, p.column))
    return bad
kb_rep = set()		# reported positions, for context mode
kb_mode = None

@initialize:python depends on report@
@@
kb_mode = "report"

@initialize:python depends on org@
@@
kb_mode = "org"

// RL3's precondition: the file defines a driver (struct pci_driver,
// platform_driver, auxiliary_driver, ...) whose .probe is set.  The field
// is named by regex so that it stays out of the file prefilter.
@drvp depends on st || st2 || sd@
identifier D, F;
identifier probefld =~ "^probe$";
type T;
position p;
@@
T D@p = { ..., .probefld = F, ... };

@script:python@
p << drvp.p;
@@
kb_probe_files.add(p[0].file)

@dr1 depends on st || st2 || sd@
expression E, X;
identifier fld;
position p;
@@
auxiliary_registration_drop@p(\(E->fld\|E->fld[X]\))

@script:python@
fld << dr1.fld;
p << dr1.p;
@@
kb_handled.add((p[0].file, fld))

@dr2 depends on st || st2 exists@
expression E, R, X;
identifier fld;
position p;
@@
R = \(E->fld\|E->fld[X]\);
...
auxiliary_registration_drop@p(R)

@script:python@
fld << dr2.fld;
p << dr2.p;
@@
kb_handled.add((p[0].file, fld))

@dr3 depends on st || st2 exists@
expression E, X;
identifier R, fld;
type T;
position p;
@@
T R = \(E->fld\|E->fld[X]\);
...
auxiliary_registration_drop@p(R)

@script:python@
fld << dr3.fld;
p << dr3.p;
@@
kb_handled.add((p[0].file, fld))

@ho depends on st || st2@
expression E, X;
identifier fld;
identifier F !~ "^(auxiliary_registration_new|auxiliary_registration_device|IS_ERR|IS_ERR_OR_NULL|PTR_ERR|PTR_ERR_OR_ZERO|dev_(err|warn|info|dbg|notice|err_probe)|pr_[a-z_]+|netdev_[a-z_]+|printk)$";
position p;
@@
F@p(..., \(E->fld\|E->fld[X]\), ...)

@script:python@
fld << ho.fld;
p << ho.p;
@@
kb_handled.add((p[0].file, fld))

@dra depends on sd@
position p;
@@
auxiliary_registration_drop@p(...)

@script:python@
p << dra.p;
@@
kb_any_drop.add(p[0].file)

@script:python depends on report || org || context@
p << st.p;
fld << st.fld;
@@
if not kb_field_bad(p[0], fld):
    pass
elif kb_mode == "report":
    coccilib.report.print_report(p[0],
        "[RL3] registration stored in ->%s is never dropped in this file: call auxiliary_registration_drop() on it in .remove (or use devm_auxiliary_registration_new())" % fld)
elif kb_mode == "org":
    coccilib.org.print_todo(p[0], "[RL3] registration stored in ->%s is never dropped" % fld)

@script:python depends on report || org || context@
p << st2.p;
fld << st2.fld;
@@
if not kb_field_bad(p[0], fld):
    pass
elif kb_mode == "report":
    coccilib.report.print_report(p[0],
        "[RL3] registration stored in ->%s is never dropped in this file: call auxiliary_registration_drop() on it in .remove (or use devm_auxiliary_registration_new())" % fld)
elif kb_mode == "org":
    coccilib.org.print_todo(p[0], "[RL3] registration stored in ->%s is never dropped" % fld)

@script:python depends on report || org || context@
p << sd.p;
@@
if p[0].file in kb_any_drop or p[0].file not in kb_probe_files:
    pass
elif kb_rep.add((p[0].file, p[0].line, p[0].column)) or kb_mode == "report":
    coccilib.report.print_report(p[0],
        "[RL3] registration stored as driver data is never dropped in this file: call auxiliary_registration_drop() on it in .remove (or use devm_auxiliary_registration_new())")
elif kb_mode == "org":
    coccilib.org.print_todo(p[0], "[RL3] registration stored as driver data is never dropped")

@depends on context@
expression E, X, Y;
identifier fld;
position p : script:python() { (p[0].file, p[0].line, p[0].column) in kb_rep };
@@
(
* E->fld@p = X
|
* E->fld@p[Y] = X
)

@depends on context@
identifier SET;
position p : script:python() { (p[0].file, p[0].line, p[0].column) in kb_rep };
@@
* SET@p(...)
