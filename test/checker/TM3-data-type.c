// TM3: at creation, `data` does not point to the tag's type
// (auxiliary_registration_new copies sizeof(tag type) bytes from it).
// RUN: %kbound_cc1 -verify %s

#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include <linux/slab.h>

struct foo { int a; };
struct bar { long b; };
struct foo_wrapper { struct foo base; int extra; };
typedef struct foo foo_t;

DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo);
DEFINE_AUXILIARY_REGDATA_TYPE(bar_tag, struct bar);
DEFINE_AUXILIARY_REGDATA_TYPE(foos_tag, struct foo[2]);
DEFINE_AUXILIARY_REGDATA_TYPE(int_tag, int);
extern const struct auxiliary_regdata_type ext_tag;

static struct foo the_foo;
static struct foo two_foos[2];
static struct bar the_bar;
static struct foo_wrapper the_wrapper;

/* Positive 1: address of a variable of another type. */
int tm3_addr(struct device *parent)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(parent, "x", 0, "m", &foo_tag, &the_bar); // expected-warning {{[TM3] data for tag 'foo_tag' (struct foo) points to 'struct bar', but auxiliary_registration_new() copies sizeof(struct foo) bytes from it as a struct foo; pass a pointer to a struct foo, or define a tag for struct bar and use it}}
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	auxiliary_registration_drop(reg);
	return 0;
}

/* Positive 2: through an explicit (void *) cast, devm variant. */
int tm3_void_cast(struct device *parent)
{
	struct auxiliary_registration *reg;

	reg = devm_auxiliary_registration_new(parent, "x", 0, "m", &bar_tag,
					      (void *)&the_foo); // expected-warning@-1 {{[TM3] data for tag 'bar_tag' (struct bar) points to 'struct foo', but devm_auxiliary_registration_new() copies sizeof(struct bar) bytes}}
	return PTR_ERR_OR_ZERO(reg);
}

/* Positive 3: a typed pointer parameter of the wrong type. */
int tm3_param(struct device *parent, const struct bar *priv)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(parent, "x", 0, "m", &foo_tag, priv); // expected-warning {{[TM3] data for tag 'foo_tag' (struct foo) points to 'struct bar'}}
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	auxiliary_registration_drop(reg);
	return 0;
}

/* Positive 4: along the path, a void * that holds the address of a bar. */
int tm3_path(struct device *parent)
{
	struct auxiliary_registration *reg;
	struct bar local = { .b = 1 };
	const void *data = &local;

	reg = auxiliary_registration_new(parent, "x", 0, "m", &foo_tag, data); // expected-warning {{[TM3] data for tag 'foo_tag' (struct foo) points to 'struct bar'}}
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	auxiliary_registration_drop(reg);
	return 0;
}

/* Positive 5: a struct where a scalar is expected. */
int tm3_scalar(struct device *parent)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(parent, "x", 0, "m", &int_tag, &the_bar); // expected-warning {{[TM3] data for tag 'int_tag' (int) points to 'struct bar'}}
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	auxiliary_registration_drop(reg);
	return 0;
}

/* Negative 1: the right type, directly and through a (void *) cast. */
int ok_right_type(struct device *parent, struct foo *priv)
{
	struct auxiliary_registration *r1, *r2;

	r1 = auxiliary_registration_new(parent, "a", 0, "m", &foo_tag, priv);
	if (IS_ERR(r1))
		return PTR_ERR(r1);
	r2 = auxiliary_registration_new(parent, "b", 0, "m", &foo_tag,
					(void *)&the_foo);
	if (IS_ERR(r2)) {
		auxiliary_registration_drop(r1);
		return PTR_ERR(r2);
	}
	auxiliary_registration_drop(r2);
	auxiliary_registration_drop(r1);
	return 0;
}

/* Negative 2: untyped memory (kzalloc, byte buffers) says nothing. */
int ok_untyped(struct device *parent)
{
	struct auxiliary_registration *r1, *r2;
	void *buf = kzalloc(sizeof(struct foo), 0);
	char bytes[sizeof(struct bar)] = { 0 };

	if (!buf)
		return -ENOMEM;
	r1 = auxiliary_registration_new(parent, "a", 0, "m", &foo_tag, buf);
	kfree(buf);
	if (IS_ERR(r1))
		return PTR_ERR(r1);
	r2 = auxiliary_registration_new(parent, "b", 0, "m", &bar_tag, bytes);
	if (IS_ERR(r2)) {
		auxiliary_registration_drop(r1);
		return PTR_ERR(r2);
	}
	auxiliary_registration_drop(r2);
	auxiliary_registration_drop(r1);
	return 0;
}

/* Negative 3: a container whose first member is the tag's type, a typedef,
 * and an array tag with its element pointer. */
int ok_compatible(struct device *parent, foo_t *alias)
{
	struct auxiliary_registration *r1, *r2, *r3;

	r1 = auxiliary_registration_new(parent, "a", 0, "m", &foo_tag, &the_wrapper);
	if (IS_ERR(r1))
		return PTR_ERR(r1);
	r2 = auxiliary_registration_new(parent, "b", 0, "m", &foo_tag, alias);
	if (IS_ERR(r2)) {
		auxiliary_registration_drop(r1);
		return PTR_ERR(r2);
	}
	r3 = auxiliary_registration_new(parent, "c", 0, "m", &foos_tag, two_foos);
	if (IS_ERR(r3)) {
		auxiliary_registration_drop(r2);
		auxiliary_registration_drop(r1);
		return PTR_ERR(r3);
	}
	auxiliary_registration_drop(r3);
	auxiliary_registration_drop(r2);
	auxiliary_registration_drop(r1);
	return 0;
}

/* Negative 4: an extern tag cannot be resolved here: silent. */
int ok_extern(struct device *parent)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(parent, "x", 0, "m", &ext_tag, &the_bar);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	auxiliary_registration_drop(reg);
	return 0;
}

/* Negative 5: scalar tag with a scalar, no data at all, and a raw word
 * buffer holding a struct (a firmware blob). */
int ok_scalar(struct device *parent, int *val, const u32 *blob)
{
	struct auxiliary_registration *r1, *r2, *r3;

	r1 = auxiliary_registration_new(parent, "a", 0, "m", &int_tag, val);
	if (IS_ERR(r1))
		return PTR_ERR(r1);
	r2 = auxiliary_registration_new(parent, "b", 0, "m", &foo_tag, NULL);
	if (IS_ERR(r2)) {
		auxiliary_registration_drop(r1);
		return PTR_ERR(r2);
	}
	r3 = auxiliary_registration_new(parent, "c", 0, "m", &bar_tag, blob);
	if (IS_ERR(r3)) {
		auxiliary_registration_drop(r2);
		auxiliary_registration_drop(r1);
		return PTR_ERR(r3);
	}
	auxiliary_registration_drop(r3);
	auxiliary_registration_drop(r2);
	auxiliary_registration_drop(r1);
	return 0;
}
