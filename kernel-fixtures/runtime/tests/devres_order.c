// SPDX-License-Identifier: GPL-2.0
/* devres: released in reverse order after .remove, and after a failed probe;
 * devm_kfree / devm_release_action / devm_add_action_or_reset. */
#define KBUILD_MODNAME "devresmod"
#include <string.h>
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include "ktest.h"

static char order[32];
static int fail_probe;

static void note(void *data)
{
	strncat(order, data, sizeof(order) - strlen(order) - 1);
}

static int t_probe(struct auxiliary_device *adev,
		   const struct auxiliary_device_id *id)
{
	void *mem;

	KT_EQ(devm_add_action(&adev->dev, note, "1"), 0);
	mem = devm_kzalloc(&adev->dev, 64, GFP_KERNEL);
	KT_CHECK(mem != NULL);
	KT_EQ(devm_add_action(&adev->dev, note, "2"), 0);
	KT_EQ(devm_add_action_or_reset(&adev->dev, note, "3"), 0);
	KT_EQ(devm_add_action(&adev->dev, note, "x"), 0);
	devm_release_action(&adev->dev, note, "x");	/* runs it now */
	devm_kfree(&adev->dev, mem);
	auxiliary_set_drvdata(adev, mem);
	return fail_probe ? -EIO : 0;
}

static void t_remove(struct auxiliary_device *adev)
{
	note("r");
}

static const struct auxiliary_device_id t_ids[] = {
	{ .name = "devresmod.dev" },
	{ }
};

static struct auxiliary_driver t_drv = {
	.probe = t_probe,
	.remove = t_remove,
	.id_table = t_ids,
};

static void nop_release(struct device *dev)
{
}

static void test_order_unbind(void)
{
	static struct device parent;
	struct auxiliary_device *adev;

	parent.init_name = "parent";
	parent.release = nop_release;
	device_initialize(&parent);
	KT_EQ(auxiliary_driver_register(&t_drv), 0);
	order[0] = 0;
	adev = auxiliary_device_create(&parent, "devresmod", "dev", NULL, 0);
	KT_CHECK(adev != NULL);
	if (!adev)
		return;
	KT_CHECK(!strcmp(order, "x"));
	auxiliary_device_destroy(adev);
	/* .remove first, then newest to oldest. */
	KT_CHECK(!strcmp(order, "xr321"));

	/* A failed probe releases devres too, and clears driver data. */
	order[0] = 0;
	fail_probe = 1;
	adev = auxiliary_device_create(&parent, "devresmod", "dev", NULL, 1);
	KT_CHECK(adev != NULL);
	if (!adev)
		return;
	KT_CHECK(!strcmp(order, "x321"));
	KT_CHECK(adev->dev.driver == NULL);
	KT_CHECK(adev->dev.driver_data == NULL);
	KT_EQ(kbound_probe_failure_count(), 1);
	auxiliary_device_destroy(adev);
	fail_probe = 0;
	auxiliary_driver_unregister(&t_drv);
	put_device(&parent);
}

static void test_or_reset(void)
{
	static struct device dev;

	dev.release = nop_release;
	device_initialize(&dev);
	order[0] = 0;
	kbound_fail_nth(1);
	KT_EQ(devm_add_action_or_reset(&dev, note, "a"), -ENOMEM);
	KT_CHECK(kbound_fault_fired());
	/* The action ran at once; nothing stays registered. */
	KT_CHECK(!strcmp(order, "a"));
	kbound_fail_nth(1);
	KT_EQ(devm_add_action(&dev, note, "b"), -ENOMEM);
	KT_CHECK(!strcmp(order, "a"));
	kbound_fail_nth(0);
	KT_EQ(devm_add_action(&dev, note, "c"), 0);
	/* Devres left on an unbound device goes with its release. */
	put_device(&dev);
	KT_CHECK(!strcmp(order, "ac"));
}

static void test_warn_misuse(void)
{
	static struct device dev;
	static int local;
	unsigned int w = kbound_warning_count();

	dev.init_name = "misuse";
	dev.release = nop_release;
	device_initialize(&dev);
	devm_kfree(&dev, &local);
	KT_EQ(kbound_warning_count(), w + 1);
	devm_release_action(&dev, note, "never");
	KT_EQ(kbound_warning_count(), w + 2);
	put_device(&dev);
}

int main(void)
{
	KT_RUN(test_order_unbind);
	KT_RUN(test_or_reset);
	KT_RUN(test_warn_misuse);
	return kt_done("devres_order");
}
