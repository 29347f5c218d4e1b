// SPDX-License-Identifier: GPL-2.0-only
/// [RL4] auxiliary_device_init() succeeded, then an error path returns
/// without auxiliary_device_uninit().  After a successful init the device is
/// refcounted: only auxiliary_device_uninit() drops that reference and lets
/// the release callback free it, so returning without it leaks the device
/// (and whatever its release callback would have freed).  The classic case
/// is the auxiliary_device_add() failure branch.
///
/// Paths that hand the device on (store it, return it, pass it or its
/// container to a helper) are not reported; kfree() of it is reported by
/// ua2_kfree_after_init.cocci instead.
///
// Confidence: Moderate
// Copyright: (C) 2026 kbound authors.
// Comments: intraprocedural; gotos are followed.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

// The first rule names the API literally, so spatch skips files without it.
@i0@
position p0;
@@
auxiliary_device_init@p0(...)

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
kb_file = None		# the file being matched (for identifier constraints)
kb_torn = set()		# wrapper init sites that some later path tears down
kb_rep = set()		# returns reported for some init site
kb_free = re.compile(r"^(kv?free|kfree_sensitive|devm_kfree)$")
kb_quiet = re.compile(r'^(auxiliary_device_add|__auxiliary_device_add|dev_(err|warn|info|dbg|notice|err_probe)|pr_[a-z_]+|netdev_[a-z_]+|printk|WARN(_ON)?(_ONCE)?)$')

def kb_handoff(f):
    """A call of f that receives the device or its container may tear it
    down (assumed), unless f is logging, the add, or an add wrapper of
    the file that never uninits or deletes."""
    if kb_quiet.match(f):
        return False
    return not (kbound_wdoes(kb_file, f, ('add',)) and
                not kbound_wdoes(kb_file, f, ('uninit', 'delete')))

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

// The init: auxiliary_device_init(E), or a wrapper macro or helper of the
// file that does it on every path that succeeds (E is then the device of
// the argument, `&arg->fld`).
@i depends on i0@
identifier INIT;
expression list[n] ES;
expression A;
position pi : script:python(INIT) { INIT == "auxiliary_device_init" or INIT in kbound_wnames };
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
d = kbound_wsite(pi[0], init, n, a, ('init',))
if d is None:
    cocci.include_match(False)
else:
    coccinelle.E = cocci.make_expr(d)
    coccinelle.C = cocci.make_expr(kbound_container(pi[0], d) if init == "auxiliary_device_init" else a)

// The index variable of an array element (`&p->dev[i]->adev`, or an alias
// of it): a path on which it changes (the loop increment, `while (--i >= 0)`
// unwinding) is about another element, not the device initialized here.
@script:python sx@
e << s.E;
c << s.C;
I;
@@
coccinelle.I = cocci.make_ident(kbound_index(e, c))

@rl4 exists@
expression s.E, s.C, X;
identifier sx.I, i.INIT;
identifier ret;
identifier F : script:python() { kb_handoff(F) };
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
)
... when any
    when != auxiliary_device_uninit(...)
    when != F(..., E, ...)
    when != F(..., C, ...)
    when != X = E
    when != X = C
    when != I++
    when != ++I
    when != I--
    when != --I
    when != I = X
    when != I += X
    when != I -= X
if (...) {
  ... when != auxiliary_device_uninit(...)
      when != F(..., E, ...)
      when != F(..., C, ...)
      when != X = E
      when != X = C
(
  return 0;
|
  return E;
|
  return C;
|
  return@p ...;
)
}

// An init through a wrapper or helper is often guarded (`if (want_x)
// ret = foo_add(p, &p->x);`) and so is its teardown on the error ladder
// (`if (want_x) foo_del(p, &p->x);`): this rule is not path-sensitive, so
// such an init is not judged when some path after it tears the device down.
@td exists@
expression s.E, s.C;
identifier i.INIT, ret;
identifier F : script:python() { kb_handoff(F) and not kb_free.match(F) };
position i.pi, pt;
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
)
... when any
\(auxiliary_device_uninit@pt(...)\|F@pt(..., E, ...)\|F@pt(..., C, ...)\)

@script:python@
pi << i.pi;
pt << td.pt;
@@
kb_torn.add(kbound_key(pi[0]))

@script:python@
p << rl4.p;
init << i.INIT;
pi << i.pi;
@@
if init == "auxiliary_device_init" or kbound_key(pi[0]) not in kb_torn:
    kb_rep.add(kbound_key(p[0]))

@script:python depends on report@
p << rl4.p;
e << s.E;
init << i.INIT;
pi << i.pi;
@@
e = kbound_pretty(e)
via = "" if init == "auxiliary_device_init" else " (in %s())" % init
if not via or kbound_key(pi[0]) not in kb_torn:
  coccilib.report.print_report(p[0],
    "[RL4] auxiliary_device_init(%s)%s succeeded but this path returns without auxiliary_device_uninit(%s): call it on the error path, its release callback frees the device" % (e, via, e))

@script:python depends on org@
p << rl4.p;
e << s.E;
init << i.INIT;
pi << i.pi;
@@
via = "" if init == "auxiliary_device_init" else " (in %s())" % init
if not via or kbound_key(pi[0]) not in kb_torn:
  coccilib.org.print_todo(p[0],
    "[RL4] auxiliary_device_init(%s)%s succeeded but this path returns without auxiliary_device_uninit()" % (kbound_pretty(e), via))

@depends on context@
position rl4.p : script:python() { kbound_key(p[0]) in kb_rep };
@@
* return@p ...;

// Patch only returns that no goto reaches: a shared label may also be
// reached from the init failure branch, where uninit would be wrong.  A
// branch that already kfree()s something is left alone too: the release
// callback may free the same memory (platform data) once uninit runs.
@viagoto depends on patch exists@
identifier l;
position q;
@@
goto l;
...
return@q ...;

@depends on patch@
expression s.E, C, R;
position rl4.p : script:python() { kbound_key(p[0]) in kb_rep };
position p2 != viagoto.q;
@@
(
  if (C)
- return@p@p2 R;
+ {
+ auxiliary_device_uninit(E);
+ return R;
+ }
|
  if (...) {
  ... when != \(kfree\|kvfree\)(...)
+ auxiliary_device_uninit(E);
  return@p@p2 ...;
  }
)
