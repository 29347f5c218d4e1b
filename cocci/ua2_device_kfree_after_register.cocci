// SPDX-License-Identifier: GPL-2.0-only
/// [UA2] kfree() of a generic or platform device, or of the structure that
/// embeds it, once the device is refcounted: after device_initialize() or
/// device_register() (even when device_register() FAILED: the caller still
/// owes put_device()), after platform_device_register() (same), or of a
/// platform device from platform_device_alloc().  From then on the release
/// callback frees the memory: kfree() frees it under a live reference, and
/// the last put frees it again.  Use put_device() / platform_device_put().
/// Also reports kfree() reached after put_device() or device_unregister()
/// (a goto ladder falling through from the put label into the kfree label)
/// when the file's device release callback kfree()s its container: a double
/// free.  The auxiliary family is ua2_kfree_after_init.cocci's.
///
// Confidence: High
// Copyright: (C) 2026 kbound authors.
// Comments: intraprocedural; gotos are followed.  A helper of the file
//  that may put the device (put_device() on one of its parameters) stops
//  the path.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

// The first rule names the API literally, so spatch skips files without it.
@i0@
position p0;
@@
\(device_register@p0(...)\|device_initialize@p0(...)\|platform_device_alloc@p0(...)\|platform_device_register@p0(...)\)

// Every finding is a kfree()/kvfree()/kfree_sensitive() call: files of the
// API without one are not parsed (spatch's token filter: 358 of the 496
// files of drivers/ that name the API have one).
@k0 depends on i0@
position pk;
@@
\(kfree@pk(...)\|kvfree@pk(...)\|kfree_sensitive@pk(...)\)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_file = None		# the file being matched (for identifier constraints)
kb_double = set()	# kfree() after the put reported
kb_fns = set()		# (file, function) that make a device (script s)

def kb_release_frees(f):
    """The release of the file frees the container, or is not visible."""
    return f in kbound_freeing_release or f not in kbound_device_release

def kb_typed(p):
    """The declared types at p are asked about: a file whose release frees
    a container, the function of an init or a release."""
    key = (p.file, p.current_element)
    return p.file in kbound_freeing_release and \
        (key in kb_fns or key in kbound_release_fns)

def kb_put_maybe(f):
    """f is a helper of the file that may put or unregister a device of
    one of its parameters."""
    return kbound_wdoes(kb_file, f, ('uninit', 'unregister'))

// Aliases `dev = &priv->dev`: the container is what gets freed.
@al depends on k0@
identifier A;
expression C;
identifier fld;
position pa;
@@
A@pa = &C->fld

@script:python depends on i0@
a << al.A;
c << al.C;
fld << al.fld;
pa << al.pa;
@@
kbound_alias(pa[0], a, c, fld)

@ald depends on k0@
identifier A;
expression C;
identifier fld;
type T;
position pa;
@@
T A@pa = &C->fld;

@script:python depends on i0@
a << ald.A;
c << ald.C;
fld << ald.fld;
pa << ald.pa;
@@
kbound_alias(pa[0], a, c, fld)

// The file's helpers that put a device of one of their parameters
// (kbound_cocci.py: kbound_wrapper): they stop a path.
@wc depends on k0@
identifier API =~ "^(put_device|platform_device_put|device_unregister|platform_device_unregister)$";
expression E;
position p;
@@
API@p(E)

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

// The device release callbacks of the file (kbound_in_release): a kfree()
// inside one is how a release frees its container, the correct idiom, and
// never UA2, even after a delete or put there (a release that tears its
// own device down is UA7's).  Installed as one: `X.release = fn` (so
// `x->adev.dev.release = fn`), `X->release = fn`, `.release = fn` in an
// initializer (a device_type's), `.dev = { .release = fn }`,
// `.dev.release = fn`; or named *_release.  Either way it takes one
// struct device *.
@rca depends on k0@
identifier fn;
expression X;
position pr;
@@
(
X.release@pr = fn
|
X->release@pr = fn
)

@script:python@
fn << rca.fn;
pr << rca.pr;
@@
kbound_release_cb(pr[0], fn)

@rci depends on k0@
identifier fn, I, S;
position pr;
@@
(
struct S I = { ..., .release@pr = fn, ... };
|
const struct S I = { ..., .release@pr = fn, ... };
|
struct S I = { ..., .dev = { ..., .release@pr = fn, ... }, ... };
|
struct S I = { ..., .dev.release@pr = fn, ... };
)

@script:python@
fn << rci.fn;
pr << rci.pr;
@@
kbound_release_cb(pr[0], fn)

@rcd depends on k0@
identifier fn, d;
position pf;
@@
fn@pf(struct device *d) { ... }

@script:python@
fn << rcd.fn;
pf << rcd.pf;
@@
kbound_dev_fn(pf[0], fn)

// The device becomes refcounted: E is the device (the put's argument), C
// the memory that holds it.
@i depends on k0@
identifier INIT =~ "^(device_register|device_initialize|platform_device_register)$";
expression A;
position pi;
@@
INIT@pi(A)

@script:python s@
a << i.A;
pi << i.pi;
E;
C;
@@
kb_file = pi[0].file
kb_fns.add((pi[0].file, pi[0].current_element))
if kbound_static_dev(a) or kbound_in_release(pi[0]):
    cocci.include_match(False)
else:
    coccinelle.E = cocci.make_expr(a)
    coccinelle.C = cocci.make_expr(kbound_container(pi[0], a))

// The release callbacks of the file, read, not guessed: the functions
// installed as one (`x->dev.release = fn`, `.release = fn` or
// `.dev_release = fn` in an initializer) that take a struct device, and
// whether one of them kfree()s its container.  A file whose releases all
// leave the memory to the owner (an empty release, the owner kfree()s after
// the unregister) is UA8 ground, not UA2's.
@rel depends on i@
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
kbound_release_fns.add((pr[0].file, fn))

@reli depends on i@
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
kbound_release_fns.add((pr[0].file, fn))

@relf depends on i exists@
identifier fn, d, x;
expression E;
type T;
position pf;
@@
fn@pf(struct device *d) {
  ...
(
  T x = E;
|
  x = E;
)
  ... when != x = ...
  \(kfree\|kvfree\)(x);
  ...
}

@script:python@
fn << relf.fn;
pf << relf.pf;
e << relf.E;
x << relf.x;
@@
if (pf[0].file, fn) in kbound_release_fns and ('container_of' in e or re.match(r'^\s*to_\w+\s*\(', e)):
    kbound_release_frees(pf[0], fn, 'var', x)

@relf2 depends on i@
identifier fn, d;
expression E;
position pf;
@@
fn@pf(struct device *d) { <+... \(kfree\|kvfree\)(E) ...+> }

@script:python@
fn << relf2.fn;
pf << relf2.pf;
d << relf2.d;
e << relf2.E;
@@
m = re.match(r'^\s*container_of\s*\(\s*%s\s*,(.*),[^,]*\)\s*$' % re.escape(d), e, re.S)
if (pf[0].file, fn) in kbound_release_fns and m:
    kbound_release_frees(pf[0], fn, 'type', kbound_norm(m.group(1) + ' *'))

// The declared types of locals and parameters: a kfree() after the put is
// a double free only when some release frees that type (thermal_core's
// release frees its cooling devices; the zone is the owner's to kfree()).
// Only asked (ua2u's kbound_frees_type) in a file whose release frees a
// container (relf, relf2), in the function of the init and in the releases:
// the types are read there only, not in every function of the file.
@ctyp depends on i && (relf || relf2)@
identifier x;
type T;
position pd : script:python() { kb_typed(pd[0]) };
@@
\(T x@pd;\|T x@pd = ...;\)

@script:python@
x << ctyp.x;
t << ctyp.T;
pd << ctyp.pd;
@@
kbound_decl_type(pd[0], x, t)

@ptyp depends on i && (relf || relf2)@
identifier fn, x;
type T;
position pd : script:python() { kb_typed(pd[0]) };
@@
fn(..., T x@pd, ...) { ... }

@script:python@
x << ptyp.x;
t << ptyp.T;
pd << ptyp.pd;
@@
kbound_decl_type(pd[0], x, t)

@reld depends on i@
identifier fn, d;
position pf;
@@
fn@pf(struct device *d) { ... }

@script:python@
fn << reld.fn;
pf << reld.pf;
@@
if (pf[0].file, fn) in kbound_release_fns:
    kbound_device_release.add(pf[0].file)

@ua2 depends on k0 exists@
expression s.E, s.C;
identifier i.INIT;
identifier U : script:python() { kb_put_maybe(U) };
position i.pi;
position p : script:python() { kb_release_frees(p[0].file) };
@@
INIT@pi(...)
... when any
    when != put_device(...)
    when != platform_device_put(...)
    when != device_unregister(...)
    when != platform_device_unregister(...)
    when != U(...)
    when != C = ...
    when != E = ...
(
kfree@p(\(E\|C\));
|
kvfree@p(\(E\|C\));
|
kfree_sensitive@p(\(E\|C\));
|
\(kfree@p\|kvfree@p\)(container_of(E, ...));
)

@script:python depends on report@
p << ua2.p;
e << s.E;
c << s.C;
init << i.INIT;
@@
e = kbound_pretty(e)
put = kbound_family_call(init, 'uninit')
when = ": even when it fails, the device" if init.endswith('register') else ": the device"
coccilib.report.print_report(p[0],
    "[UA2] kfree(%s) after %s(%s)%s is refcounted and its release callback frees it; call %s(%s) instead" % (kbound_pretty(c), init, e, when, put, e))

@script:python depends on org@
p << ua2.p;
e << s.E;
c << s.C;
init << i.INIT;
@@
coccilib.org.print_todo(p[0],
    "[UA2] kfree(%s) after %s(%s): use %s()" % (kbound_pretty(c), init, kbound_pretty(e), kbound_family_call(init, 'uninit')))

@depends on context@
position ua2.p;
expression F;
@@
* F@p(...);

// Platform devices from platform_device_alloc(): its own release frees
// them, on every path (after a put too).  kfree() in the NULL branch frees
// nothing and is not looked at.  It depends on k0 (so on i0) like every
// rule here: on its own it let every file with a kfree() through spatch's
// token filter (all 6600 of drivers/, not the 500 that name the API).
@pa depends on k0 exists@
expression P, X;
position pi, p;
@@
P = platform_device_alloc@pi(...);
... when != P = X
\(kfree@p\|kvfree@p\)(P);

@script:python depends on report@
p << pa.p;
P << pa.P;
@@
P = kbound_pretty(P)
coccilib.report.print_report(p[0],
    "[UA2] kfree(%s) of a platform device from platform_device_alloc(): its release frees it; call platform_device_put(%s) instead" % (P, P))

@script:python depends on org@
p << pa.p;
P << pa.P;
@@
coccilib.org.print_todo(p[0],
    "[UA2] kfree(%s) of a platform device from platform_device_alloc(): use platform_device_put()" % kbound_pretty(P))

@depends on context@
position pa.p;
expression F;
@@
* F@p(...);

@ua2u depends on k0 exists@
expression s.E, s.C;
identifier i.INIT;
identifier PUT =~ "^(put_device|device_unregister|platform_device_put|platform_device_unregister)$";
position i.pi, pu, p;
@@
INIT@pi(...)
... when any
    when != C = ...
    when != E = ...
PUT@pu(E);
... when != C = ...
    when != E = ...
\(kfree@p\|kvfree@p\)(C);

@script:python depends on report@
p << ua2u.p;
pu << ua2u.pu;
put << ua2u.PUT;
e << s.E;
c << s.C;
@@
if p[0].file in kbound_freeing_release and kbound_frees_type(p[0], c):
    coccilib.report.print_report(p[0],
        "[UA2] kfree(%s) after %s(%s) at line %s: the release callback already frees it (double free); drop the kfree()" % (kbound_pretty(c), put, kbound_pretty(e), pu[0].line))

@script:python depends on org@
p << ua2u.p;
put << ua2u.PUT;
c << s.C;
@@
if p[0].file in kbound_freeing_release and kbound_frees_type(p[0], c):
    coccilib.org.print_todo(p[0], "[UA2] kfree(%s) after %s(): double free" % (kbound_pretty(c), put))

@script:python@
p << ua2u.p;
c << s.C;
@@
if p[0].file in kbound_freeing_release and kbound_frees_type(p[0], c):
    kb_double.add(kbound_key(p[0]))

@depends on context@
position ua2u.p : script:python() { kbound_key(p[0]) in kb_double };
expression F;
@@
* F@p(...);
