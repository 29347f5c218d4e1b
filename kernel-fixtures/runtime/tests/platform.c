// SPDX-License-Identifier: GPL-2.0
/* The platform device family: platform_device_alloc() initializes (its
 * release frees the device and platform_data), add/del register and
 * unregister on the platform bus, register/unregister are init+add and
 * del+put, platform_device_register_full() is alloc+add_data+add with an
 * ERR_PTR on failure and nothing left to put. Under ASan+LSan a leak or a
 * double free in the family fails the run. */
#include <linux/err.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include "ktest.h"

static int probed, removed;

static int pt_probe(struct platform_device *pdev)
{
	probed++;
	return 0;
}

static void pt_remove(struct platform_device *pdev)
{
	removed++;
}

static struct platform_driver pt_driver = {
	.probe = pt_probe,
	.remove = pt_remove,
	.driver = { .name = "kbpt" },
};

static void test_alloc_add_unregister(void)
{
	struct platform_device *pdev = platform_device_alloc("kbpt", 1);
	int pdata = 42;

	KT_CHECK(pdev != NULL);
	KT_EQ(pdev->dev.kref, 1);
	KT_EQ(platform_device_add_data(pdev, &pdata, sizeof(pdata)), 0);
	KT_CHECK(pdev->dev.platform_data != &pdata);	/* a copy */
	probed = removed = 0;
	KT_EQ(platform_device_add(pdev), 0);
	KT_EQ(probed, 1);
	KT_EQ(kbound_bus_device_count(&platform_bus_type), 1);
	/* del + put: unbinds, and the release frees the copy (LSan). */
	platform_device_unregister(pdev);
	KT_EQ(removed, 1);
	KT_EQ(kbound_bus_device_count(&platform_bus_type), 0);
	KT_EQ(kbound_warning_count(), 0);
}

static void test_add_fail_put(void)
{
	struct platform_device *pdev = platform_device_alloc("kbpt", 2);
	int ret;

	KT_CHECK(pdev != NULL);
	kbound_fail_nth(1);
	ret = platform_device_add(pdev);
	KT_CHECK(kbound_fault_fired());
	KT_EQ(ret, -ENOMEM);
	KT_EQ(kbound_bus_device_count(&platform_bus_type), 0);
	/* The put after a failed add is the whole cleanup. */
	platform_device_put(pdev);
	KT_EQ(kbound_warning_count(), 0);
}

static void test_register_full(void)
{
	struct platform_device_info info = { .name = "kbpt", .id = 3 };
	long pdata = 7;
	struct platform_device *pdev;

	info.data = &pdata;
	info.size_data = sizeof(pdata);
	pdev = platform_device_register_full(&info);
	KT_CHECK(!IS_ERR(pdev));
	KT_EQ(*(long *)pdev->dev.platform_data, 7);
	KT_EQ(kbound_bus_device_count(&platform_bus_type), 1);
	platform_device_unregister(pdev);

	/* Failure at each step: an ERR_PTR, and nothing left behind (LSan). */
	for (unsigned long n = 1; n <= 3; n++) {
		kbound_fail_nth(n);
		pdev = platform_device_register_simple("kbpt", 4, NULL, 0);
		KT_CHECK(kbound_fault_fired());
		KT_CHECK(IS_ERR(pdev));
	}
	kbound_fail_nth(0);
	KT_EQ(kbound_bus_device_count(&platform_bus_type), 0);
	KT_EQ(kbound_warning_count(), 0);
}

static int freed;

static void pt_free_release(struct device *dev)
{
	freed++;
	kfree(to_platform_device(dev));
}

static void test_register_fail_needs_put(void)
{
	struct platform_device *pdev = kzalloc(sizeof(*pdev), GFP_KERNEL);

	pdev->name = "kbpt";
	pdev->id = 5;
	pdev->dev.release = pt_free_release;
	freed = 0;
	kbound_fail_nth(1);
	KT_EQ(platform_device_register(pdev), -ENOMEM);
	/* The failed register initialized it: the put runs the release. */
	KT_EQ(pdev->dev.kref, 1);
	platform_device_put(pdev);
	KT_EQ(freed, 1);
	KT_EQ(kbound_warning_count(), 0);
}

int main(void)
{
	KT_EQ(platform_driver_register(&pt_driver), 0);
	KT_RUN(test_alloc_add_unregister);
	KT_RUN(test_add_fail_put);
	KT_RUN(test_register_full);
	KT_RUN(test_register_fail_needs_put);
	platform_driver_unregister(&pt_driver);
	return kt_done("platform");
}
