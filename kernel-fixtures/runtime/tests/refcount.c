// SPDX-License-Identifier: GPL-2.0
/* Device refcounting: release exactly once at zero, parent references taken
 * by device_add and dropped by device_del, and the WARNs for misuse. */
#include <linux/device.h>
#include <linux/slab.h>
#include "ktest.h"

static int released;

static void count_release(struct device *dev)
{
	released++;
}

static void free_release(struct device *dev)
{
	released++;
	kfree(dev);
}

static void test_release_once(void)
{
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	released = 0;
	dev->release = free_release;
	device_initialize(dev);
	KT_EQ(dev->kref, 1);
	KT_CHECK(get_device(dev) == dev);
	KT_EQ(dev->kref, 2);
	put_device(dev);
	KT_EQ(released, 0);
	dev_set_name(dev, "named.%d", 1);	/* owned, freed on release */
	put_device(dev);
	KT_EQ(released, 1);
	KT_EQ(kbound_warning_count(), 0);
}

static void test_parent_ref(void)
{
	static struct device parent, child;

	released = 0;
	parent.release = count_release;
	child.release = count_release;
	child.parent = &parent;
	child.init_name = "child";
	device_initialize(&parent);
	device_initialize(&child);
	KT_EQ(device_add(&child), 0);
	KT_CHECK(child.added);
	KT_EQ(parent.kref, 2);
	KT_EQ(parent.nr_children, 1);
	/* The parent stays alive while the child holds it. */
	put_device(&parent);
	KT_EQ(released, 0);
	device_del(&child);
	KT_EQ(released, 1);
	KT_EQ(parent.kref, 0);
	KT_CHECK(!child.added);
	put_device(&child);
	KT_EQ(released, 2);
	KT_EQ(kbound_warning_count(), 0);
}

static void test_warn_released_twice(void)
{
	static struct device dev;
	unsigned int w = kbound_warning_count();

	dev.release = count_release;
	device_initialize(&dev);
	put_device(&dev);
	put_device(&dev);
	KT_EQ(kbound_warning_count(), w + 1);
}

static void test_warn_del_not_added(void)
{
	static struct device dev;
	unsigned int w = kbound_warning_count();

	dev.release = count_release;
	dev.init_name = "lonely";
	device_initialize(&dev);
	device_del(&dev);
	KT_EQ(kbound_warning_count(), w + 1);
	put_device(&dev);
	KT_EQ(kbound_warning_count(), w + 1);
}

static void test_warn_add_uninitialized(void)
{
	static struct device dev;
	unsigned int w = kbound_warning_count();

	dev.init_name = "raw";
	KT_EQ(device_add(&dev), -EINVAL);
	KT_EQ(kbound_warning_count(), w + 1);
	KT_CHECK(!dev.added);
}

static void test_warn_released_registered(void)
{
	static struct device parent, dev;
	unsigned int w = kbound_warning_count();

	parent.release = count_release;
	dev.release = count_release;
	dev.parent = &parent;
	dev.init_name = "still-here";
	device_initialize(&parent);
	device_initialize(&dev);
	KT_EQ(device_add(&dev), 0);
	put_device(&dev);
	KT_EQ(kbound_warning_count(), w + 1);
	/* The runtime unlinks it, so the parent's count is consistent. */
	KT_EQ(parent.nr_children, 0);
	KT_EQ(parent.kref, 1);
	put_device(&parent);
}

static void test_warn_no_release(void)
{
	static struct device dev;
	unsigned int w = kbound_warning_count();

	device_initialize(&dev);
	put_device(&dev);
	KT_EQ(kbound_warning_count(), w + 1);
}

static void test_warn_kfree_initialized(void)
{
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	unsigned int w = kbound_warning_count();

	dev->release = free_release;
	device_initialize(dev);
	kfree(dev);
	KT_EQ(kbound_warning_count(), w + 1);
	/* Not after its release. */
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	dev->release = count_release;
	device_initialize(dev);
	put_device(dev);
	kfree(dev);
	KT_EQ(kbound_warning_count(), w + 1);
}

static void test_warn_on(void)
{
	unsigned int w = kbound_warning_count();

	KT_CHECK(!WARN_ON(1 + 1 == 3));
	KT_EQ(kbound_warning_count(), w);
	KT_CHECK(WARN_ON(released >= 0));
	KT_EQ(kbound_warning_count(), w + 1);
}

int main(void)
{
	KT_RUN(test_release_once);
	KT_RUN(test_parent_ref);
	KT_RUN(test_warn_released_twice);
	KT_RUN(test_warn_del_not_added);
	KT_RUN(test_warn_add_uninitialized);
	KT_RUN(test_warn_released_registered);
	KT_RUN(test_warn_no_release);
	KT_RUN(test_warn_kfree_initialized);
	KT_RUN(test_warn_on);
	return kt_done("refcount");
}
