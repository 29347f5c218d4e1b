// TM1: registration data fetched with a tag other than the one the
// registration was created with (path-sensitive, kbound.TM1).
// RUN: %kbound_cc1 -verify %s

#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct foo { int a; };
struct bar { long b; };

DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo);
DEFINE_AUXILIARY_REGDATA_TYPE(bar_tag, struct bar);
/* Defined in another file: identity is still known, the type is not. */
extern const struct auxiliary_regdata_type ext_tag;

static struct foo the_foo;
static struct bar the_bar;

/* Positive 1: the device of a foo registration, fetched as bar. */
int tm1_direct(struct device *parent)
{
	struct auxiliary_registration *reg;
	struct auxiliary_device *adev;
	struct bar *b;

	reg = auxiliary_registration_new(parent, "x", 0, "m", &foo_tag, &the_foo);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	adev = auxiliary_registration_device(reg);
	b = auxiliary_registration_data(adev, &bar_tag); // expected-warning {{[TM1] registration data fetched with tag 'bar_tag' (struct bar) but the registration was created with 'foo_tag' (struct foo); the fetch returns ERR_PTR(-EINVAL): fetch with &foo_tag}}
	auxiliary_registration_drop(reg);
	return IS_ERR(b) ? PTR_ERR(b) : 0;
}

/* Positive 2: devm variant, tag passed through a local pointer. */
int tm1_devm_tag_var(struct device *parent)
{
	const struct auxiliary_regdata_type *t = &foo_tag;
	struct auxiliary_registration *reg;
	void *p;

	reg = devm_auxiliary_registration_new(parent, "x", 0, "m", &bar_tag,
					      &the_bar);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	p = auxiliary_registration_data(auxiliary_registration_device(reg), t); // expected-warning {{[TM1] registration data fetched with tag 'foo_tag' (struct foo) but the registration was created with 'bar_tag' (struct bar)}}
	return PTR_ERR_OR_ZERO(p);
}

/* Positive 3: the fetch happens in a helper the analyzer inlines. */
static int read_foo(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag); // expected-warning {{[TM1] registration data fetched with tag 'foo_tag' (struct foo) but the registration was created with 'bar_tag' (struct bar)}}

	if (IS_ERR(f))
		return PTR_ERR(f);
	return f->a;
}

int tm1_in_helper(struct device *parent)
{
	struct auxiliary_registration *reg;
	int ret;

	reg = auxiliary_registration_new(parent, "x", 0, "m", &bar_tag, &the_bar);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	ret = read_foo(auxiliary_registration_device(reg));
	auxiliary_registration_drop(reg);
	return ret;
}

/* Positive 4: only the path where the tag was chosen wrongly. */
int tm1_one_path(struct device *parent, int use_bar)
{
	struct auxiliary_registration *reg;
	void *p;

	if (use_bar)
		reg = auxiliary_registration_new(parent, "x", 0, "m", &bar_tag,
						 &the_bar);
	else
		reg = auxiliary_registration_new(parent, "x", 0, "m", &foo_tag,
						 &the_foo);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	p = auxiliary_registration_data(auxiliary_registration_device(reg), &foo_tag); // expected-warning {{[TM1] registration data fetched with tag 'foo_tag' (struct foo) but the registration was created with 'bar_tag' (struct bar)}}
	auxiliary_registration_drop(reg);
	return PTR_ERR_OR_ZERO(p);
}

/* Positive 5: an unresolvable (extern) tag still has an identity. */
int tm1_extern(struct device *parent)
{
	struct auxiliary_registration *reg;
	void *p;

	reg = auxiliary_registration_new(parent, "x", 0, "m", &ext_tag, &the_foo);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	p = auxiliary_registration_data(auxiliary_registration_device(reg), &foo_tag); // expected-warning {{[TM1] registration data fetched with tag 'foo_tag' (struct foo) but the registration was created with 'ext_tag'; the fetch returns ERR_PTR(-EINVAL): fetch with &ext_tag}}
	auxiliary_registration_drop(reg);
	return PTR_ERR_OR_ZERO(p);
}

/* Negative 1: fetched with the tag it was created with. */
int ok_same_tag(struct device *parent)
{
	struct auxiliary_registration *reg;
	struct foo *f;
	int a;

	reg = auxiliary_registration_new(parent, "x", 0, "m", &foo_tag, &the_foo);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	f = auxiliary_registration_data(auxiliary_registration_device(reg), &foo_tag);
	if (IS_ERR(f)) {
		auxiliary_registration_drop(reg);
		return PTR_ERR(f);
	}
	a = f->a;
	auxiliary_registration_drop(reg);
	return a;
}

/* Negative 2: the auxiliary driver side, device from the bus: unknown tag
 * here (the cross-file pairing is TM2, the Coccinelle rule). */
static int aux_probe(struct auxiliary_device *adev,
		     const struct auxiliary_device_id *id)
{
	struct bar *b = auxiliary_registration_data(adev, &bar_tag);

	if (IS_ERR(b))
		return PTR_ERR(b);
	return b->b ? 0 : -EINVAL;
}

static struct auxiliary_driver aux_drv = {
	.probe = aux_probe,
};

/* Negative 3: two registrations, each fetched with its own tag. */
int ok_two(struct device *parent)
{
	struct auxiliary_registration *rf, *rb;
	void *pf, *pb;
	int ret = 0;

	rf = auxiliary_registration_new(parent, "f", 0, "m", &foo_tag, &the_foo);
	if (IS_ERR(rf))
		return PTR_ERR(rf);
	rb = auxiliary_registration_new(parent, "b", 0, "m", &bar_tag, &the_bar);
	if (IS_ERR(rb)) {
		auxiliary_registration_drop(rf);
		return PTR_ERR(rb);
	}
	pf = auxiliary_registration_data(auxiliary_registration_device(rf), &foo_tag);
	pb = auxiliary_registration_data(auxiliary_registration_device(rb), &bar_tag);
	if (IS_ERR(pf) || IS_ERR(pb))
		ret = -EINVAL;
	auxiliary_registration_drop(rb);
	auxiliary_registration_drop(rf);
	return ret;
}

/* Negative 4: the tag follows the choice on every path. */
int ok_chosen_tag(struct device *parent, int use_bar)
{
	const struct auxiliary_regdata_type *t = use_bar ? &bar_tag : &foo_tag;
	const void *data = use_bar ? (const void *)&the_bar : (const void *)&the_foo;
	struct auxiliary_registration *reg;
	void *p;

	reg = auxiliary_registration_new(parent, "x", 0, "m", t, data);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	p = auxiliary_registration_data(auxiliary_registration_device(reg), t);
	auxiliary_registration_drop(reg);
	return PTR_ERR_OR_ZERO(p);
}

/* Negative 5: same extern tag on both sides. */
int ok_extern(struct device *parent)
{
	struct auxiliary_registration *reg;
	void *p;

	reg = auxiliary_registration_new(parent, "x", 0, "m", &ext_tag, &the_foo);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	p = auxiliary_registration_data(auxiliary_registration_device(reg), &ext_tag);
	auxiliary_registration_drop(reg);
	return PTR_ERR_OR_ZERO(p);
}
