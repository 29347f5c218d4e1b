// SPDX-License-Identifier: GPL-2.0-only
/// [UA1] A generic or platform device is used after the put that may be its
/// last: the function made the device (device_initialize(),
/// device_register(), platform_device_register() or
/// platform_device_alloc()), dropped it with put_device(),
/// platform_device_put() or an unregister, and then touches the device or
/// the structure that embeds it (`x->field`, `&x->dev` passed to dev_err(),
/// `x` passed to a function), or puts it again (a double put).  Only
/// devices in memory the function got from a call (`x = kzalloc(...)`) are
/// judged: a device passed in or in static memory may hold other references.
/// The release is read, not guessed: in a file whose device releases free
/// nothing of the container's type (thermal_core's zones, freed by their
/// owner after the put) the container may be used after the put.  One
/// report per put (its first use).  With no
/// get_device() taken in between, that put was the last: the release
/// callback has freed the memory.  Do the last access before the put.  The
/// auxiliary family is ua1_use_after_uninit.cocci's; kfree() after the put
/// is UA2's (ua2_device_kfree_after_register.cocci).
///
// Confidence: Moderate
// Copyright: (C) 2026 kbound authors.
// Comments: intraprocedural; gotos are followed; reassigning the pointer or
//  a get_device() ends the check.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

// The first rule names the API literally, so spatch skips files without it.
@i0@
position p0;
@@
\(put_device@p0(...)\|platform_device_put@p0(...)\|device_unregister@p0(...)\|platform_device_unregister@p0(...)\)

// Every finding is about a device this file makes: files that only put
// devices made elsewhere are not parsed (spatch's token filter).
@i1 depends on i0@
position p1;
@@
\(device_register@p1(...)\|device_initialize@p1(...)\|platform_device_register@p1(...)\|platform_device_alloc@p1(...)\)

@initialize:python@
@@
import os, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(cocci.cocci_file)))
from kbound_cocci import *
kb_rep = set()		# reported uses
kb_done = set()		# uses printed (a use after two puts is one report)
kb_fns = set()		# (file, function) that call an init or register

def kb_typed(p):
    """The declared types at p are asked about: a file whose release frees
    a container, the function of an init or a release."""
    key = (p.file, p.current_element)
    return p.file in kbound_freeing_release and \
        (key in kb_fns or key in kbound_release_fns)

def kb_first(k, line):
    """k is the first use after the put at line (one report per put)."""
    uses = [u for (u, _, _, l, _, _) in kb_rep if l == line and u[0] == k[0]]
    return k == min(uses, key=lambda u: (int(u[1]), int(u[2])))
# Calls that only look at the pointer value, free it (UA2) or delete it
# (a del after the put is UA5).
kb_value = re.compile(r'^(PTR_ERR|IS_ERR|IS_ERR_OR_NULL|ERR_CAST|PTR_ERR_OR_ZERO|kfree|kvfree|kfree_sensitive|WARN_ON|WARN_ON_ONCE|BUG_ON|get_device|put_device|platform_device_put|device_unregister|platform_device_unregister|device_del|platform_device_del)$')

// The functions that make a device: the aliases and what a function set are
// only asked about there (script s), so al, ald, set and setd look nowhere
// else.
@fi depends on i1@
identifier INIT =~ "^(device_register|device_initialize|platform_device_register)$";
position p;
@@
INIT@p(...)

@script:python@
p << fi.p;
@@
kb_fns.add((p[0].file, p[0].current_element))

// Aliases `dev = &priv->dev`: the container is what gets freed.
@al depends on fi@
identifier A;
expression C;
identifier fld;
position pa : script:python() { (pa[0].file, pa[0].current_element) in kb_fns };
@@
A@pa = &C->fld

@script:python@
a << al.A;
c << al.C;
fld << al.fld;
pa << al.pa;
@@
kbound_alias(pa[0], a, c, fld)

@ald depends on fi@
identifier A;
expression C;
identifier fld;
type T;
position pa : script:python() { (pa[0].file, pa[0].current_element) in kb_fns };
@@
T A@pa = &C->fld;

@script:python@
a << ald.A;
c << ald.C;
fld << ald.fld;
pa << ald.pa;
@@
kbound_alias(pa[0], a, c, fld)

// What the function sets itself from a call: only a device it made (in
// memory it got) is judged; a device passed in, or in static memory
// (`z = &zorro_autocon[i]`), may hold other references.
@set depends on fi@
expression X;
identifier F;
position ps : script:python() { (ps[0].file, ps[0].current_element) in kb_fns };
@@
X@ps = F(...)

@script:python@
x << set.X;
ps << set.ps;
@@
kbound_set(ps[0], x)

@setd depends on fi@
identifier X, F;
type T;
position ps : script:python() { (ps[0].file, ps[0].current_element) in kb_fns };
@@
T X@ps = F(...);

@script:python@
x << setd.X;
ps << setd.ps;
@@
kbound_set(ps[0], x)

// The device made here: E is the device (the put's argument), C the memory
// that holds it.
@i depends on i1@
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
c = kbound_container(pi[0], a)
if kbound_static_dev(a) or not kbound_owned(pi[0], c) or kbound_element(a, c):
    cocci.include_match(False)
else:
    coccinelle.E = cocci.make_expr(a)
    coccinelle.C = cocci.make_expr(c)

// The release callbacks of the file, read, not guessed: the functions
// installed as one (`x->dev.release = fn`, `.release = fn` or
// `.dev_release = fn` in an initializer) that take a struct device, and
// whether one of them kfree()s its container.  A file whose releases all
// leave the memory to the owner (an empty release, the owner kfree()s after
// the unregister) is UA8 ground, not UA2's.
@rel depends on i1@
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

@reli depends on i1@
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

@relf depends on i1 exists@
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

@relf2 depends on i1@
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
// Only asked (kbound_release_may_free) in a file whose release frees a
// container (relf, relf2), in the function of the init and in the releases:
// the types are read there only, not in every function of the file.
@ctyp depends on fi && (relf || relf2)@
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

@ptyp depends on fi && (relf || relf2)@
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

@reld depends on i1@
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

@ua1 depends on i1 exists@
expression s.E, s.C;
identifier i.INIT, fld;
identifier PUT =~ "^(put_device|platform_device_put|device_unregister|platform_device_unregister)$";
identifier PUT2 =~ "^(put_device|platform_device_put|device_unregister|platform_device_unregister)$";
identifier F : script:python() { not kb_value.match(F) };
position i.pi, pu, p;
@@
INIT@pi(...)
... when != get_device(...)
    when != C = ...
    when != E = ...
PUT@pu(E);
... when != get_device(...)
    when != C = ...
    when != E = ...
(
  PUT2@p(E);
|
  C@p->fld
|
  E@p->fld
|
  F@p(..., C, ...)
|
  F@p(..., E, ...)
)

// Platform devices from platform_device_alloc().
@pa depends on i1 exists@
expression P : script:python() { not kbound_element(P) };
identifier fld;
identifier PUT =~ "^(platform_device_put|platform_device_unregister)$";
identifier PUT2 =~ "^(platform_device_put|platform_device_unregister|put_device)$";
identifier F : script:python() { not kb_value.match(F) };
position pi, pu, p;
@@
P = platform_device_alloc@pi(...);
... when != get_device(...)
    when != P = ...
PUT@pu(P);
... when != get_device(...)
    when != P = ...
(
  PUT2@p(P);
|
  PUT2@p(&P->dev);
|
  P@p->fld
|
  F@p(..., P, ...)
)

@script:python@
p << ua1.p;
pu << ua1.pu;
put << ua1.PUT;
c << s.C;
e << s.E;
@@
# Loops make a later iteration's code look like it follows the put: keep
# the textual order.
if int(p[0].line) > int(pu[0].line) and kbound_release_may_free(p[0], c):
    kb_rep.add((kbound_key(p[0]), 'ua1', put, pu[0].line, kbound_pretty(c), kbound_pretty(e)))

@script:python@
p << pa.p;
pu << pa.pu;
put << pa.PUT;
P << pa.P;
@@
if int(p[0].line) > int(pu[0].line):
    P = kbound_pretty(P)
    kb_rep.add((kbound_key(p[0]), 'pa', put, pu[0].line, P, P))

@script:python depends on report@
p << ua1.p;
@@
for (k, _, put, line, c, e) in sorted(kb_rep):
    if k == kbound_key(p[0]) and ('r', k) not in kb_done and kb_first(k, line):
        kb_done.add(('r', k))
        coccilib.report.print_report(p[0],
            "[UA1] %s used after %s(%s) at line %s: that put may be the last and its release callback frees the memory; do the last access before the put" % (c, put, e, line))
        break

@script:python depends on report@
p << pa.p;
@@
for (k, _, put, line, c, e) in sorted(kb_rep):
    if k == kbound_key(p[0]) and ('r', k) not in kb_done and kb_first(k, line):
        kb_done.add(('r', k))
        coccilib.report.print_report(p[0],
            "[UA1] %s used after %s(%s) at line %s: that put may be the last and its release frees the platform device; do the last access before the put" % (c, put, e, line))
        break

@script:python depends on org@
p << ua1.p;
@@
for (k, _, put, line, c, e) in sorted(kb_rep):
    if k == kbound_key(p[0]) and ('o', k) not in kb_done and kb_first(k, line):
        kb_done.add(('o', k))
        coccilib.org.print_todo(p[0], "[UA1] %s used after %s() at line %s" % (c, put, line))
        break

@script:python depends on org@
p << pa.p;
@@
for (k, _, put, line, c, e) in sorted(kb_rep):
    if k == kbound_key(p[0]) and ('o', k) not in kb_done and kb_first(k, line):
        kb_done.add(('o', k))
        coccilib.org.print_todo(p[0], "[UA1] %s used after %s() at line %s" % (c, put, line))
        break

@depends on context@
position p : script:python() { any(k == kbound_key(p[0]) and kb_first(k, l) for (k, _, _, l, _, _) in kb_rep) };
expression X;
@@
* X@p
