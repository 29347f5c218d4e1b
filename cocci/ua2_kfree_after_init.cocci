// SPDX-License-Identifier: GPL-2.0-only
/// [UA2] kfree() of an auxiliary device, or of the structure that embeds
/// it, after auxiliary_device_init() succeeded.  From then on the device is
/// refcounted and its release callback frees the memory: kfree() frees it
/// under a live reference (use after free, double free when the last
/// put_device() runs).  Use auxiliary_device_uninit() instead.  kfree() on
/// the branch where auxiliary_device_init() FAILED is correct and is not
/// reported.  Also reports kfree() right after auxiliary_device_delete()
/// with no auxiliary_device_uninit() in between (teardown), and kfree()
/// reached after auxiliary_device_uninit() (a goto ladder falling through
/// from the uninit label into the kfree label) when the file's release
/// callback itself kfree()s: a double free; or when the file's device
/// release callback does not free it: freed outside its release.
///
// Confidence: High
// Copyright: (C) 2026 kbound authors.
// Comments: intraprocedural; gotos are followed.  Patch mode rewrites the
//  kfree() unless the init failure branch can reach the same kfree().
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

// The first rule names the API literally, so spatch skips files without it.
@i0@
position p0;
@@
\(auxiliary_device_init@p0(...)\|auxiliary_device_delete@p0(...)\)

// Aliases `adev = &priv->adev`: the container is what gets freed or passed on.
@al depends on i0@
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

@ald depends on i0@
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

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_wx_dummy = set()	# files where wx named the dummy function
kbound_sites = {}	# init/delete position -> (API, wrapper or None)
kbound_nopatch = set()	# kfree() positions that patch mode must leave alone
kbound_release_fns = set()	# (file, fn) assigned to a ->release
kbound_freeing_release = set()	# files whose release callback kfree()s
kbound_device_release = set()	# files that set a device release callback
kb_file = None		# the file being matched (for identifier constraints)

def kb_uninit_maybe(f):
    """f is a wrapper or helper of the file that (maybe) uninits."""
    return kbound_wdoes(kb_file, f, ('uninit',))

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

// The device release callbacks of the file (kbound_in_release): a kfree()
// inside one is how a release frees its container, the correct idiom, and
// never UA2, even after a delete or put there (a release that tears its
// own device down is UA7's).  Installed as one: `X.release = fn` (so
// `x->adev.dev.release = fn`), `X->release = fn`, `.release = fn` in an
// initializer (a device_type's), `.dev = { .release = fn }`,
// `.dev.release = fn`; or named *_release.  Either way it takes one
// struct device *.
@rca depends on i0@
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

@rci depends on i0@
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

@rcd depends on i0@
identifier fn, d;
position pf;
@@
fn@pf(struct device *d) { ... }

@script:python@
fn << rcd.fn;
pf << rcd.pf;
@@
kbound_dev_fn(pf[0], fn)

// The init, or the delete of a teardown: the API call, or a wrapper macro or
// helper of the file that does it (the init on every path that succeeds,
// the delete on every path and without an uninit).
@i depends on i0@
identifier INIT;
expression list[n] ES;
expression A;
position pi : script:python(INIT) { INIT in ("auxiliary_device_init", "auxiliary_device_delete") or INIT in kbound_wnames };
@@
INIT@pi(ES, A, ...)

@script:python s@
init << i.INIT;
n << i.n;
a << i.A;
pi << i.pi;
E;
C;
@@
kb_file = pi[0].file
api = "auxiliary_device_init"
d = kbound_wsite(pi[0], init, n, a, ('init',))
if d is None:
    api = "auxiliary_device_delete"
    d = kbound_wsite(pi[0], init, n, a, ('delete',))
if d is not None and init not in ("auxiliary_device_init", "auxiliary_device_delete") \
        and kbound_wdoes(pi[0].file, init, ('uninit',)):
    d = None	# a helper that also uninits: the kfree() of its callers is not this shape
if kbound_in_release(pi[0]):
    d = None	# the kfree() of a release callback
if d is None:
    cocci.include_match(False)
else:
    kbound_sites[kbound_key(pi[0])] = (api, None if init == api else init)
    coccinelle.E = cocci.make_expr(d)
    coccinelle.C = cocci.make_expr(kbound_container(pi[0], d) if init == api else a)

@ua2 exists@
expression s.E, s.C;
identifier i.INIT;
identifier ret;
identifier U : script:python() { kb_uninit_maybe(U) };
position i.pi, p;
statement S;
@@
(
ret = INIT@pi(...);
if (\(ret\|ret < 0\|ret != 0\|unlikely(ret)\)) S
|
int ret = INIT@pi(...);
if (\(ret\|ret < 0\)) S
|
if (\(INIT@pi(...)\|INIT@pi(...) < 0\|INIT@pi(...) != 0\)) S
|
INIT@pi(...);
)
... when any
    when != auxiliary_device_uninit(...)
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

// kfree() reached after auxiliary_device_uninit() (a goto ladder falling
// through from the uninit label into the kfree label): a double free when
// the release callback frees, which is checked in the same file.
@rel depends on i@
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
fn << rel.fn;
pr << rel.pr;
@@
kbound_release_fns.add((pr[0].file, fn))

// The release callback frees the container: kfree() of a local computed
// from the struct device (container_of() or a to_foo() helper), not of a
// field such as ->platform_data.
@relf depends on rel exists@
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

@relf2 depends on rel@
identifier fn, d;
position pf;
@@
fn@pf(struct device *d) { <+... \(kfree\|kvfree\)(container_of(d, ...)) ...+> }

@script:python@
fn << relf2.fn;
pf << relf2.pf;
@@
if (pf[0].file, fn) in kbound_release_fns:
    kbound_freeing_release.add(pf[0].file)

@script:python@
fn << relf.fn;
pf << relf.pf;
@@
if (pf[0].file, fn) in kbound_release_fns:
    kbound_freeing_release.add(pf[0].file)

// A device release callback (not a file_operations one): the file knows
// what the release of its devices frees.
@reld depends on rel@
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

@ua2u exists@
expression s.E, s.C;
identifier i.INIT;
identifier ret;
identifier U : script:python() { kbound_wdoes(kb_file, U, ["uninit"], True) };
position i.pi, pu, p;
statement S;
@@
(
ret = INIT@pi(...);
if (\(ret\|ret < 0\|ret != 0\|unlikely(ret)\)) S
|
int ret = INIT@pi(...);
if (\(ret\|ret < 0\)) S
|
if (\(INIT@pi(...)\|INIT@pi(...) < 0\|INIT@pi(...) != 0\)) S
|
INIT@pi(...);
)
... when any
    when != C = ...
    when != E = ...
\(auxiliary_device_uninit@pu(...);\|U@pu(...);\)
... when != C = ...
(
kfree@p(\(E\|C\));
|
kvfree@p(\(E\|C\));
)

@script:python depends on report@
p << ua2u.p;
pu << ua2u.pu;
c << s.C;
@@
if p[0].file in kbound_freeing_release:
    coccilib.report.print_report(p[0],
        "[UA2] kfree(%s) after auxiliary_device_uninit() at line %s: the release callback already frees it (double free); let auxiliary_device_uninit() free it" % (kbound_pretty(c), pu[0].line))
elif p[0].file in kbound_device_release:
    coccilib.report.print_report(p[0],
        "[UA2] kfree(%s) after auxiliary_device_uninit() at line %s: freed outside its release callback, which does not free it; a reference still held elsewhere would see freed memory: free it in the release callback" % (kbound_pretty(c), pu[0].line))

@script:python depends on org@
p << ua2u.p;
c << s.C;
@@
if p[0].file in kbound_freeing_release:
    coccilib.org.print_todo(p[0], "[UA2] kfree(%s) after auxiliary_device_uninit(): double free" % kbound_pretty(c))
elif p[0].file in kbound_device_release:
    coccilib.org.print_todo(p[0], "[UA2] kfree(%s) after auxiliary_device_uninit(): freed outside its release callback" % kbound_pretty(c))

@depends on context@
position ua2u.p : script:python() { p[0].file in kbound_freeing_release or p[0].file in kbound_device_release };
expression F;
@@
* F@p(...);

@script:python depends on report@
p << ua2.p;
e << s.E;
pi << i.pi;
c << s.C;
@@
k, w = kbound_sites[kbound_key(pi[0])]
e = kbound_pretty(e)
what = "succeeded" if k == "auxiliary_device_init" else "without auxiliary_device_uninit()"
via = " (in %s())" % w if w else ""
coccilib.report.print_report(p[0],
    "[UA2] kfree(%s) after %s(%s)%s %s: the device is refcounted and its release callback frees it; call auxiliary_device_uninit(%s) instead" % (kbound_pretty(c), k, e, via, what, e))

@script:python depends on org@
p << ua2.p;
e << s.E;
pi << i.pi;
c << s.C;
@@
k, w = kbound_sites[kbound_key(pi[0])]
via = " (in %s())" % w if w else ""
coccilib.org.print_todo(p[0],
    "[UA2] kfree(%s) after %s(%s)%s: use auxiliary_device_uninit()" % (kbound_pretty(c), k, kbound_pretty(e), via))

@depends on context@
position ua2.p;
expression F;
@@
* F@p(...);

// A kfree() that the init failure branch also reaches must stay.
@failfree depends on patch exists@
expression E2;
identifier ret;
position q;
@@
(
ret = auxiliary_device_init(E2);
if (\(ret\|ret < 0\|ret != 0\|unlikely(ret)\)) {
  ...
  kfree@q(...);
  ...
  return ...;
}
|
if (\(auxiliary_device_init(E2)\|auxiliary_device_init(E2) < 0\|auxiliary_device_init(E2) != 0\)) {
  ...
  kfree@q(...);
  ...
  return ...;
}
)

// Another kfree() on the same path (platform data, say) may free memory
// that the release callback frees too once uninit runs: report only.
@of depends on patch exists@
expression X;
position ua2.p, px;
@@
(
\(kfree@px\|kvfree@px\)(X);
... when any
\(kfree@p\|kvfree@p\|kfree_sensitive@p\)(...);
|
\(kfree@p\|kvfree@p\|kfree_sensitive@p\)(...);
... when any
\(kfree@px\|kvfree@px\)(X);
)

@script:python@
p << ua2.p;
px << of.px;
x << of.X;
c << s.C;
e << s.E;
@@
if kbound_pretty(x) not in (kbound_pretty(c), kbound_pretty(e)) and px[0].line != p[0].line:
    kbound_nopatch.add((p[0].file, p[0].line, p[0].column))

@depends on patch@
expression s.E, s.C;
position ua2.p;
position p2 != failfree.q;
position p3 : script:python() { (p3[0].file, p3[0].line, p3[0].column) not in kbound_nopatch };
@@
(
- kfree@p@p2@p3(\(E\|C\));
+ auxiliary_device_uninit(E);
|
- kvfree@p@p2@p3(\(E\|C\));
+ auxiliary_device_uninit(E);
|
- kfree_sensitive@p@p2@p3(\(E\|C\));
+ auxiliary_device_uninit(E);
)
