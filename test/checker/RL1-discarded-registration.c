// RL1: the result of auxiliary_registration_new() is thrown away.
// RUN: %kbound_cc1 -verify %s
// RUN: %kbound_cc1 -analyzer-config \
// RUN:   kbound:ExtraCreateFunctions=foo_reg_new \
// RUN:   -verify=expected,extra %s
#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct foo_data {
	int irq;
};
DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo_data);

struct foo {
	struct auxiliary_registration *reg;
};

/* A subsystem wrapper with the same contract (body in another file). */
struct auxiliary_registration *foo_reg_new(struct device *parent);
void keep_reg(struct auxiliary_registration *reg);

/* ---- positives ---- */

void discard_statement(struct device *parent, struct foo_data *d)
{
	auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d); // expected-warning {{[RL1] The registration returned by auxiliary_registration_new() is discarded}}
}

void discard_void_cast(struct device *parent, struct foo_data *d)
{
	(void)auxiliary_registration_new(parent, "foo", 1, "mod", &foo_tag, d); // expected-warning {{[RL1]}}
}

void discard_in_if_body(struct device *parent, struct foo_data *d, int want)
{
	if (want)
		auxiliary_registration_new(parent, "foo", 2, "mod", &foo_tag, d); // expected-warning {{[RL1]}}
}

void discard_in_loop(struct device *parent, struct foo_data *d)
{
	int i;

	for (i = 0; i < 2; i++)
		auxiliary_registration_new(parent, "foo", i, "mod", &foo_tag, d); // expected-warning {{[RL1]}}
}

void discard_wrapper(struct device *parent)
{
	foo_reg_new(parent); // extra-warning {{[RL1] The registration returned by foo_reg_new() is discarded}}
}

/* ---- negatives: the result is kept ---- */

int kept_and_dropped(struct device *parent, struct foo_data *d)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	auxiliary_registration_drop(reg);
	return 0;
}

int kept_in_struct(struct foo *foo, struct device *parent, struct foo_data *d)
{
	foo->reg = auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d);
	return PTR_ERR_OR_ZERO(foo->reg);
}

struct auxiliary_registration *returned(struct device *parent,
					struct foo_data *d)
{
	return auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d);
}

void handed_over(struct device *parent, struct foo_data *d)
{
	keep_reg(auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d));
}

void devm_discarded(struct device *parent, struct foo_data *d)
{
	/* devres drops it with the parent: nothing is forgotten. */
	devm_auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d);
}
