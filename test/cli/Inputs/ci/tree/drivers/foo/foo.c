// SPDX-License-Identifier: GPL-2.0
/*
 * A hand-made driver for the report tests (baseline-*, suppress-*,
 * sarif-*): its findings are canned in ../../../out, not computed.
 */
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>

struct foo {
	struct auxiliary_device adev;
	struct device *parent;
};

static void foo_release(struct device *dev)
{
	kfree(container_of(dev, struct foo, adev.dev));
}

static int foo_probe(struct device *parent)
{
	struct foo *foo;
	int ret;

	foo = kzalloc(sizeof(*foo), GFP_KERNEL);
	if (!foo)
		return -ENOMEM;
	foo->adev.name = "foo";
	foo->adev.dev.release = foo_release;
	ret = auxiliary_device_init(&foo->adev);
	if (ret) {
		kfree(foo);
		return ret;
	}
	ret = auxiliary_device_add(&foo->adev);
	if (ret)
		return ret;
	return 0;
}

static void foo_remove(struct foo *foo)
{
	auxiliary_device_delete(&foo->adev);
	auxiliary_device_uninit(&foo->adev);
	/* kbound-suppress UA1: the parent holds a reference until remove returns */
	dev_info(&foo->adev.dev, "removed\n");
}

static int foo_error(struct foo *foo)
{
	int ret = auxiliary_device_init(&foo->adev);

	if (ret)
		return ret;
	// codechecker_suppress [kbound.UA2] freed before add, the
	// release callback is not set yet in this path
	kfree(foo);
	return -EIO;
}

static void foo_shutdown(struct foo *foo)
{
	/* kbound-suppress UA5 */
	auxiliary_device_uninit(&foo->adev);
	auxiliary_device_delete(&foo->adev);
}

// kbound-suppress XX9: not a check of kbound
