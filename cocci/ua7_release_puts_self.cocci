// SPDX-License-Identifier: GPL-2.0-only
/// [UA7] A release callback tears down the device it is releasing: it calls
/// put_device(), device_del() or device_unregister() (generic device),
/// platform_device_put(), _del() or _unregister() (platform),
/// auxiliary_device_uninit(), _delete() or _destroy() (auxiliary) on its
/// own struct device argument, or on the object container_of() (or a
/// to_foo() helper of the file, to_platform_device(), to_auxiliary_dev())
/// derives from it.  The release runs because the last reference was
/// dropped: the call drops a reference that no longer exists (a double put,
/// recursion into the release).  The release callbacks are the functions
/// installed as one (`x->dev.release = fn`, `.release = fn` in a struct
/// device_type or other initializer, `.dev_release = fn` of a class) that
/// take a struct device.  A put of another device (`put_device(dev->parent)`,
/// a peer the device held) is what a release is for and is not reported.
///
// Confidence: High
// Copyright: (C) 2026 kbound authors.
// Comments: direct calls in the release body only; a helper that does the
//  put is not followed.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

// The first rule names the API literally, so spatch skips files without it.
@i0@
position p0;
@@
\(put_device@p0(...)\|device_unregister@p0(...)\|device_del@p0(...)\|platform_device_put@p0(...)\|platform_device_del@p0(...)\|platform_device_unregister@p0(...)\|auxiliary_device_uninit@p0(...)\|auxiliary_device_delete@p0(...)\|auxiliary_device_destroy@p0(...)\)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_release = {}		# (file, fn) -> where it is installed as a release
kb_param = {}		# (file, fn) -> its struct device parameter
kb_local = {}		# (file, fn) -> {local: member path of the device, or None}
kb_helper = {}		# (file, helper) -> member path (to_foo(d) of the file)
kb_rep = set()		# reported calls
# The family objects whose device is their ->dev, reached with a helper of
# the kernel's headers.
kb_family_to = {'to_platform_device': 'dev', 'to_auxiliary_dev': 'dev'}
kb_container = re.compile(r'^container_of(?:_const)?\((\w+),(.+),([\w.]+)\)$')

def kb_member(fn_key, e):
    """The member path of the struct device within the object e evaluates
    to, when e is derived from the release argument; else None."""
    e = kbound_squash(e)
    d = kb_param.get(fn_key)
    m = kb_container.match(e)
    if m and m.group(1) == d:
        return m.group(3)
    m = re.match(r'^(to_\w+)\((\w+)\)$', e)
    if m and m.group(2) == d:
        if m.group(1) in kb_family_to:
            return kb_family_to[m.group(1)]
        return kb_helper.get((fn_key[0], m.group(1)), 'dev')
    return None

def kb_own(fn_key, api, a):
    """api(a) in the release fn_key tears down the device it releases."""
    a = kbound_squash(a)
    d = kb_param.get(fn_key)
    if d is None:
        return False
    locs = kb_local.get(fn_key, {})
    fam, op = kbound_family(api)
    if a == d or a == '&*' + d:
        return fam == 'device'
    m = re.match(r'^&\(?(\w+)\)?->([\w.]+)$', a)
    if m:
        x, fld = m.group(1), m.group(2)
        mem = locs.get(x) if x in locs else None
        if mem is None:
            return False
        if fam == 'device':
            return fld == mem
        # auxiliary_device_uninit(&foo->adev) with the device foo->adev.dev
        return mem == fld + '.dev'
    member = locs.get(a) if re.match(r'^\w+$', a) else kb_member(fn_key, a)
    # platform_device_put(pdev) for pdev = to_platform_device(dev)
    return member == 'dev' and fam in ('platform', 'auxiliary')

// The release callbacks of the file.
@rel depends on i0@
identifier fn;
expression X;
position pr;
@@
(
X.release@pr = fn
|
X->release@pr = fn
|
X.dev_release@pr = fn
|
X->dev_release@pr = fn
)

@script:python@
fn << rel.fn;
pr << rel.pr;
@@
kb_release.setdefault((pr[0].file, fn), pr[0].line)

@reli depends on i0@
identifier fn, I, S;
position pr;
@@
(
struct S I = { ..., .release@pr = fn, ... };
|
const struct S I = { ..., .release@pr = fn, ... };
|
struct S I = { ..., .dev_release@pr = fn, ... };
|
const struct S I = { ..., .dev_release@pr = fn, ... };
)

@script:python@
fn << reli.fn;
pr << reli.pr;
@@
kb_release.setdefault((pr[0].file, fn), pr[0].line)

// Everything below is about a release the file installs (rel, reli): files
// without one are not parsed (spatch's token filter), and lc looks only in
// those releases.
// Functions that take a struct device (the candidates), with its name.
@rf depends on i0 && (rel || reli)@
identifier fn, d;
position pf;
@@
fn@pf(struct device *d) { ... }

@script:python@
fn << rf.fn;
d << rf.d;
pf << rf.pf;
@@
kb_param[(pf[0].file, fn)] = d

// The file's to_foo() helpers: a function or macro that returns
// container_of() of its struct device parameter.
@hf depends on i0 && (rel || reli)@
identifier h, a;
type T;
expression E;
position ph;
@@
T h@ph(struct device *a) { return E; }

@script:python@
h << hf.h;
a << hf.a;
e << hf.E;
ph << hf.ph;
@@
m = kb_container.match(kbound_squash(e))
if m and m.group(1) == a:
    kb_helper[(ph[0].file, h)] = m.group(3)

@hm depends on i0 && (rel || reli)@
identifier h, a;
expression E;
position ph;
@@
#define h(a) E@ph

@script:python@
h << hm.h;
a << hm.a;
e << hm.E;
ph << hm.ph;
@@
m = kb_container.match(kbound_squash(e).replace('(' + a + ')', a))
if m and m.group(1) == a:
    kb_helper[(ph[0].file, h)] = m.group(3)

// Locals derived from the release argument: `foo = container_of(dev, ...)`,
// `foo = to_foo(dev)`.
@lc depends on i0 && (rel || reli)@
identifier x;
expression E;
type T;
position pl : script:python() { (pl[0].file, pl[0].current_element) in kb_release };
@@
(
T x@pl = E;
|
x@pl = E
)

@script:python@
x << lc.x;
e << lc.E;
pl << lc.pl;
@@
key = (pl[0].file, pl[0].current_element)
if key in kb_release and key in kb_param:
    mem = kb_member(key, e)
    locs = kb_local.setdefault(key, {})
    if mem is not None:
        locs[x] = mem
    elif x in locs:
        del locs[x]	# reassigned from something else: not the device any more

// The teardown calls in a release.
@tc depends on i0 && (rel || reli)@
identifier API =~ "^(put_device|device_unregister|device_del|platform_device_(put|del|unregister)|auxiliary_device_(uninit|delete|destroy))$";
expression A;
position p : script:python() { (p[0].file, p[0].current_element) in kb_release };
@@
API@p(A)

@script:python@
api << tc.API;
a << tc.A;
p << tc.p;
@@
if kb_own((p[0].file, p[0].current_element), api, a):
    kb_rep.add(kbound_key(p[0]))

@script:python depends on report@
api << tc.API;
a << tc.A;
p << tc.p;
@@
if kbound_key(p[0]) in kb_rep:
    fn = p[0].current_element
    coccilib.report.print_report(p[0],
        "[UA7] %s(%s) on the device that release callback %s() (installed at line %s) is releasing: the release runs because the last reference was dropped, so this drops it again (a double put, and recursion); remove the call, a release only frees what the device owns" % (api, kbound_pretty(a), fn, kb_release[(p[0].file, fn)]))

@script:python depends on org@
api << tc.API;
a << tc.A;
p << tc.p;
@@
if kbound_key(p[0]) in kb_rep:
    coccilib.org.print_todo(p[0],
        "[UA7] %s(%s) on the device its release callback %s() is releasing" % (api, kbound_pretty(a), p[0].current_element))

@depends on context@
position tc.p : script:python() { kbound_key(p[0]) in kb_rep };
identifier F;
@@
* F@p(...);
