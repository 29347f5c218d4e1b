// SPDX-License-Identifier: GPL-2.0
/* Fault injection: the n-th fallible call fails with the documented value,
 * only that one, and leaves nothing behind (so correct error paths stay
 * clean under LSan). */
#define KBUILD_MODNAME "faultmod"
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include "ktest.h"

static DEFINE_AUXILIARY_REGDATA_TYPE(int_tag, int);

static void nop_release(struct device *dev)
{
}

static void free_release(struct device *dev)
{
	kfree(to_auxiliary_dev(dev));
}

static struct device parent;

static void test_countdown(void)
{
	void *a, *b, *c;

	kbound_fail_nth(2);
	a = kmalloc(8, GFP_KERNEL);
	KT_CHECK(!kbound_fault_fired());
	b = kzalloc(8, GFP_KERNEL);
	KT_CHECK(kbound_fault_fired());
	c = kcalloc(2, 8, GFP_KERNEL);
	KT_CHECK(a != NULL);
	KT_CHECK(b == NULL);
	KT_CHECK(c != NULL);	/* only one call fails */
	KT_CHECK(kbound_fault_fired());
	kbound_fail_nth(0);
	KT_CHECK(!kbound_fault_fired());
	kfree(a);
	kfree(c);
	/* kstrdup(NULL) allocates nothing, so it is not a fallible call. */
	kbound_fail_nth(1);
	KT_CHECK(kstrdup(NULL, GFP_KERNEL) == NULL);
	KT_CHECK(!kbound_fault_fired());
	kbound_fail_nth(0);
}

static void test_slab_family(void)
{
	void *p;

	/* Freed either way, so a failing check does not also leak. */
	kbound_fail_nth(1);
	p = kmalloc(1, GFP_KERNEL);
	KT_CHECK(p == NULL);
	kfree(p);
	kbound_fail_nth(1);
	p = kcalloc(1, 1, GFP_KERNEL);
	KT_CHECK(p == NULL);
	kfree(p);
	kbound_fail_nth(1);
	p = kmemdup("x", 1, GFP_KERNEL);
	KT_CHECK(p == NULL);
	kfree(p);
	kbound_fail_nth(1);
	p = kstrdup("x", GFP_KERNEL);
	KT_CHECK(p == NULL);
	kfree(p);
	kbound_fail_nth(1);
	KT_CHECK(devm_kzalloc(&parent, 4, GFP_KERNEL) == NULL);
	KT_CHECK(kbound_fault_fired());
	kbound_fail_nth(0);
}

static void test_device_calls(void)
{
	struct auxiliary_device *adev = kzalloc(sizeof(*adev), GFP_KERNEL);
	struct auxiliary_registration *reg;
	int v = 1;

	adev->name = "dev";
	adev->dev.parent = &parent;
	adev->dev.release = free_release;
	kbound_fail_nth(1);
	KT_EQ(auxiliary_device_init(adev), -ENOMEM);
	KT_CHECK(!adev->dev.initialized);	/* kfree is right here */
	KT_EQ(auxiliary_device_init(adev), 0);
	kbound_fail_nth(1);
	KT_EQ(auxiliary_device_add(adev), -ENOMEM);
	KT_CHECK(!adev->dev.added);
	KT_EQ(parent.nr_children, 0);
	auxiliary_device_uninit(adev);	/* frees it */

	kbound_fail_nth(1);
	KT_CHECK(auxiliary_device_create(&parent, KBUILD_MODNAME, "c", NULL, 0) == NULL);
	kbound_fail_nth(1);
	KT_CHECK(devm_auxiliary_device_create(&parent, "c", NULL) == NULL);
	kbound_fail_nth(1);
	reg = auxiliary_registration_new(&parent, "r", 0, KBUILD_MODNAME, &int_tag, &v);
	KT_EQ(PTR_ERR(reg), -ENOMEM);
	kbound_fail_nth(1);
	reg = devm_auxiliary_registration_new(&parent, "r", 0, KBUILD_MODNAME,
					      &int_tag, &v);
	KT_EQ(PTR_ERR(reg), -ENOMEM);
	KT_EQ(kbound_live_registrations(), 0);
	KT_EQ(parent.nr_children, 0);

	static struct device plain;

	plain.init_name = "plain";
	plain.release = nop_release;
	device_initialize(&plain);
	kbound_fail_nth(1);
	KT_EQ(device_add(&plain), -ENOMEM);
	KT_CHECK(!plain.added);
	kbound_fail_nth(0);
	put_device(&plain);
}

/* One driver-visible call is one fallible call, however the runtime
 * implements it internally. */
static void test_one_call_one_count(void)
{
	unsigned long before = kbound_fallible_calls();
	struct auxiliary_device *adev;
	struct auxiliary_registration *reg;
	int v = 2;

	adev = auxiliary_device_create(&parent, KBUILD_MODNAME, "c", NULL, 0);
	KT_EQ(kbound_fallible_calls(), before + 1);
	auxiliary_device_destroy(adev);
	reg = auxiliary_registration_new(&parent, "r", 0, KBUILD_MODNAME, &int_tag, &v);
	KT_EQ(kbound_fallible_calls(), before + 2);
	auxiliary_registration_drop(reg);
	KT_EQ(kbound_fallible_calls(), before + 2);
}

int main(void)
{
	parent.init_name = "parent";
	parent.release = nop_release;
	device_initialize(&parent);
	KT_RUN(test_countdown);
	KT_RUN(test_slab_family);
	KT_RUN(test_device_calls);
	KT_RUN(test_one_call_one_count);
	KT_EQ(kbound_warning_count(), 0);
	put_device(&parent);
	return kt_done("fault_inject");
}
