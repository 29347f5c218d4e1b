// RL2: a registration only reachable from locals when a path returns
// without auxiliary_registration_drop().
// RUN: %kbound_cc1 -verify %s
// RUN: %kbound_cc1 -analyzer-config \
// RUN:   kbound:ExtraCreateFunctions=foo_reg_new \
// RUN:   -analyzer-config kbound:ExtraDropFunctions=foo_reg_drop \
// RUN:   -verify=expected,extra %s
#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include <linux/slab.h>

struct foo_data {
	int irq;
};
DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo_data);

struct foo {
	struct auxiliary_registration *reg;
	struct auxiliary_registration *regs[4];
};

int foo_hw_init(struct foo *foo);
void foo_keep(struct foo *foo, struct auxiliary_registration *reg);
/* Subsystem wrappers, bodies elsewhere. */
struct auxiliary_registration *foo_reg_new(struct device *parent);
void foo_reg_drop(struct auxiliary_registration *reg);

/* ---- positives ---- */

int leak_on_error_path(struct foo *foo, struct device *parent,
		       struct foo_data *d)
{
	struct auxiliary_registration *reg;
	int ret;

	reg = auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	ret = foo_hw_init(foo);
	if (ret)
		return ret; // expected-warning {{[RL2] Registration from auxiliary_registration_new() is not dropped on this path}}
	foo->reg = reg;
	return 0;
}

void leak_success_path(struct device *parent, struct foo_data *d)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d);
	if (IS_ERR_OR_NULL(reg))
		return;
} // expected-warning {{[RL2]}}

int leak_in_local_struct(struct device *parent, struct foo_data *d)
{
	struct foo local;

	local.reg = auxiliary_registration_new(parent, "foo", 0, "mod",
					       &foo_tag, d);
	if (IS_ERR(local.reg))
		return PTR_ERR(local.reg);
	return 0; // expected-warning {{[RL2]}}
}

int leak_second_of_two(struct foo *foo, struct device *parent,
		       struct foo_data *d)
{
	struct auxiliary_registration *a, *b;

	a = auxiliary_registration_new(parent, "a", 0, "mod", &foo_tag, d);
	if (IS_ERR(a))
		return PTR_ERR(a);
	b = auxiliary_registration_new(parent, "b", 0, "mod", &foo_tag, d);
	if (IS_ERR(b)) {
		auxiliary_registration_drop(a);
		return PTR_ERR(b);
	}
	/* b is dead from here on: the leak is reported where it dies. */
	foo->reg = a; // expected-warning {{[RL2]}}
	return 0;
}

int leak_from_wrapper(struct foo *foo, struct device *parent)
{
	struct auxiliary_registration *reg = foo_reg_new(parent);

	if (IS_ERR(reg))
		return PTR_ERR(reg);
	if (foo_hw_init(foo))
		return -5; // extra-warning {{[RL2]}}
	foo_reg_drop(reg);
	return 0;
}

/* ---- negatives ---- */

int goto_ladder(struct foo *foo, struct device *parent, struct foo_data *d)
{
	struct auxiliary_registration *reg;
	int ret;

	reg = auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	ret = foo_hw_init(foo);
	if (ret)
		goto err_drop;
	foo->reg = reg;
	return 0;

err_drop:
	auxiliary_registration_drop(reg);
	return ret;
}

struct auxiliary_registration *ownership_returned(struct device *parent,
						  struct foo_data *d)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d);
	if (IS_ERR(reg))
		return reg;
	return reg;
}

int handed_to_helper(struct foo *foo, struct device *parent,
		     struct foo_data *d)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d);
	if (IS_ERR_OR_NULL(reg))
		return -22;
	foo_keep(foo, reg);	/* may keep it: not ours to drop any more */
	return 0;
}

int conditional_registration(struct foo *foo, struct device *parent,
			     struct foo_data *d, int has_aux)
{
	struct auxiliary_registration *reg;

	if (!has_aux)
		return 0;
	reg = auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d);
	if (IS_ERR(reg))
		return PTR_ERR(reg);	/* ERR_PTR: nothing to drop */
	foo->reg = reg;
	return 0;
}

int loop_with_unwinding(struct foo *foo, struct device *parent,
			struct foo_data *d)
{
	struct auxiliary_registration *regs[3];
	int i, ret;

	for (i = 0; i < 3; i++) {
		regs[i] = auxiliary_registration_new(parent, "foo", i, "mod",
						     &foo_tag, d);
		if (IS_ERR(regs[i])) {
			ret = PTR_ERR(regs[i]);
			goto unwind;
		}
	}
	for (i = 0; i < 3; i++)
		foo->regs[i] = regs[i];
	return 0;

unwind:
	while (--i >= 0)
		auxiliary_registration_drop(regs[i]);
	return ret;
}

int devm_needs_no_drop(struct device *parent, struct foo_data *d)
{
	struct auxiliary_registration *reg;

	reg = devm_auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag,
					      d);
	return PTR_ERR_OR_ZERO(reg);
}

int wrapper_dropped(struct foo *foo, struct device *parent)
{
	struct auxiliary_registration *reg = foo_reg_new(parent);

	if (IS_ERR(reg))
		return PTR_ERR(reg);
	if (foo_hw_init(foo)) {
		foo_reg_drop(reg);
		return -5;
	}
	foo->reg = reg;
	return 0;
}
