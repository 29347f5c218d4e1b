// Path notes of UA5, UA1 and UA2 (kbound.UA5, kbound.UA1, kbound.UA2).
// RUN: %kbound_cc1 -analyzer-output=text -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include <linux/slab.h>

struct foo_data {
	int irq;
};
DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo_data);

struct foo {
	struct auxiliary_device one;
};

void wrong_order(struct foo *foo)
{
	if (auxiliary_device_init(&foo->one)) // expected-note {{auxiliary_device_init succeeded}} expected-note {{Taking false branch}}
		return;
	if (auxiliary_device_add(&foo->one)) { // expected-note {{Device added here}} expected-note {{Taking false branch}}
		auxiliary_device_uninit(&foo->one);
		return;
	}
	auxiliary_device_uninit(&foo->one); // expected-note {{Device uninitialized here while it is still added}}
	auxiliary_device_delete(&foo->one); // expected-warning {{[UA5]}} expected-note {{[UA5]}}
}

int double_drop(struct device *parent, struct foo_data *d)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d); // expected-note {{Registration created here}} expected-note {{Assuming the registration succeeded}}
	if (IS_ERR(reg)) // expected-note {{Taking false branch}}
		return PTR_ERR(reg);
	auxiliary_registration_drop(reg); // expected-note {{Registration dropped here}}
	auxiliary_registration_drop(reg); // expected-warning {{[UA1] Registration dropped twice}} expected-note {{[UA1] Registration dropped twice}}
	return 0;
}

/* Two reports (UA2 and RL4) on one path: every note shows twice. */
int kfree_after_init(void)
{
	struct auxiliary_device *adev = kzalloc(sizeof(*adev), GFP_KERNEL);
	int ret;

	if (!adev) // expected-note 2 {{Assuming 'adev' is non-null}} expected-note 2 {{Taking false branch}}
		return -ENOMEM;
	ret = auxiliary_device_init(adev); // expected-note 2 {{auxiliary_device_init succeeded}}
	if (ret) // expected-note 2 {{'ret' is 0}} expected-note 2 {{Taking false branch}}
		goto out_free;
	ret = auxiliary_device_add(adev); // expected-note 2 {{auxiliary_device_add failed}}
	if (ret) // expected-note 2 {{'ret' is not equal to 0}} expected-note 2 {{Taking true branch}}
		goto out_free; // expected-note 2 {{Control jumps to line}}
	return 0;
out_free:
	kfree(adev); // expected-warning {{[UA2]}} expected-note {{[UA2]}} expected-warning {{[RL4]}} expected-note {{[RL4]}}
	return ret;
}
