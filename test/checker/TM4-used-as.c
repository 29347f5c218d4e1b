// TM4: the pointer auxiliary_registration_data() returns is used as a
// pointer to a type other than the tag's.
// RUN: %kbound_cc1 -verify %s

#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct foo_base { int id; };
struct foo { struct foo_base base; int a; };
struct bar { long b; };
typedef struct foo foo_t;

DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo);
DEFINE_AUXILIARY_REGDATA_TYPE(bar_tag, struct bar);
extern const struct auxiliary_regdata_type ext_tag;

long use_bar(struct bar *b);
int use_foo(const struct foo *f);
int use_any(void *p);

/* Positive 1: initialized into a pointer to another struct. */
int tm4_init(struct auxiliary_device *adev)
{
	struct bar *b = auxiliary_registration_data(adev, &foo_tag); // expected-warning {{[TM4] registration data fetched with tag 'foo_tag' (struct foo) is used as 'struct bar *'; use it as 'struct foo *', or fetch with the tag struct bar was registered with}}

	if (IS_ERR(b))
		return PTR_ERR(b);
	return b->b;
}

/* Positive 2: an explicit cast after the IS_ERR check. */
int tm4_cast(struct auxiliary_device *adev)
{
	void *p = auxiliary_registration_data(adev, &bar_tag);

	if (IS_ERR(p))
		return PTR_ERR(p);
	return ((struct foo *)p)->a; // expected-warning {{[TM4] registration data fetched with tag 'bar_tag' (struct bar) is used as 'struct foo *'}}
}

/* Positive 3: passed where a pointer to another type is expected. */
long tm4_arg(struct auxiliary_device *adev)
{
	void *p = auxiliary_registration_data(adev, &foo_tag);

	if (IS_ERR(p))
		return PTR_ERR(p);
	return use_bar(p); // expected-warning {{[TM4] registration data fetched with tag 'foo_tag' (struct foo) is used as 'struct bar *'}}
}

/* Positive 4: the tag went through a variable; assignment, not init. */
int tm4_assign(struct auxiliary_device *adev, int which)
{
	const struct auxiliary_regdata_type *t = which ? &bar_tag : &foo_tag;
	struct foo *f;

	f = auxiliary_registration_data(adev, t); // expected-warning {{[TM4] registration data fetched with tag 'bar_tag' (struct bar) is used as 'struct foo *'}}
	if (IS_ERR(f))
		return PTR_ERR(f);
	return f->a;
}

/* Negative 1: the tag's type, a typedef of it, and a const pointer. */
int ok_right_type(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag);
	const foo_t *alias;

	if (IS_ERR(f))
		return PTR_ERR(f);
	alias = f;
	return use_foo(alias) + f->a;
}

/* Negative 2: kept as void * and handed on. */
int ok_void(struct auxiliary_device *adev)
{
	void *p = auxiliary_registration_data(adev, &bar_tag);

	if (IS_ERR(p))
		return PTR_ERR(p);
	return use_any(p);
}

/* Negative 3: the embedded first member (offset 0) of the tag's type, and a
 * pointer to a member, not a reinterpretation. */
int ok_base(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag);
	struct foo_base *base;
	int *pa;

	if (IS_ERR(f))
		return PTR_ERR(f);
	base = (struct foo_base *)f;
	pa = &f->a;
	return base->id + *pa;
}

/* Negative 4: a raw word view of the struct (a register dump). */
u32 ok_words(struct auxiliary_device *adev)
{
	const u32 *w = auxiliary_registration_data(adev, &bar_tag);

	if (IS_ERR(w))
		return 0;
	return w[0];
}

/* Negative 5: an extern tag: its type is not known here. */
int ok_extern(struct auxiliary_device *adev)
{
	struct bar *b = auxiliary_registration_data(adev, &ext_tag);

	if (IS_ERR(b))
		return PTR_ERR(b);
	return b->b;
}
