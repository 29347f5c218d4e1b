// Path notes of RL2 and RL4 (kbound.RL2, kbound.RL4).
// RUN: %kbound_cc1 -analyzer-output=text -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct foo_data {
	int irq;
};
DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo_data);

struct foo {
	struct auxiliary_device one;
};

int reg_leak(struct device *parent, struct foo_data *d, int fail)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d); // expected-note {{Registration created here}} expected-note {{Assuming the registration succeeded}}
	if (IS_ERR(reg)) // expected-note {{Taking false branch}}
		return PTR_ERR(reg);
	if (fail) // expected-note {{Assuming 'fail' is not equal to 0}} expected-note {{Taking true branch}}
		return -5; // expected-warning {{[RL2]}} expected-note {{[RL2]}}
	auxiliary_registration_drop(reg);
	return 0;
}

int add_fails(struct foo *foo)
{
	int ret;

	ret = auxiliary_device_init(&foo->one); // expected-note {{auxiliary_device_init succeeded}}
	if (ret) // expected-note {{'ret' is 0}} expected-note {{Taking false branch}}
		return ret;
	ret = auxiliary_device_add(&foo->one); // expected-note {{auxiliary_device_add failed}}
	if (ret) // expected-note {{'ret' is not equal to 0}} expected-note {{Taking true branch}}
		return ret; // expected-warning {{[RL4]}} expected-note {{[RL4]}}
	return 0;
}

int uninit_without_delete(struct foo *foo, int fail)
{
	if (auxiliary_device_init(&foo->one)) // expected-note {{auxiliary_device_init succeeded}} expected-note {{Taking false branch}}
		return -1;
	if (auxiliary_device_add(&foo->one)) // expected-note {{Device added here}} expected-note {{Taking false branch}}
		goto err_uninit;
	if (fail) // expected-note {{Assuming 'fail' is not equal to 0}} expected-note {{Taking true branch}}
		goto err_uninit; // expected-note {{Control jumps to line}}
	return 0;
err_uninit:
	auxiliary_device_uninit(&foo->one); // expected-note {{Device uninitialized here while it is still added}}
	return -1; // expected-warning {{[RL5]}} expected-note {{[RL5]}}
}
