// RL4 through a static helper that returns device_register()'s error (the
// analyzer inlines it): the caller gets the error and the device, so the
// caller's error path decides whether the put is missing.
// RUN: %kbound_cc1 -verify %s
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/slab.h>

struct foo {
	int id;
	struct device dev;
};

static void foo_release(struct device *dev)
{
	kfree(container_of(dev, struct foo, dev));
}

static int foo_add(struct foo *foo, struct device *parent)
{
	foo->dev.parent = parent;
	foo->dev.release = foo_release;
	return device_register(&foo->dev);
}

/* Correct: the caller puts when the helper fails. */
struct foo *foo_create(struct device *parent)
{
	struct foo *foo = kzalloc(sizeof(*foo), GFP_KERNEL);

	if (!foo)
		return NULL;
	if (foo_add(foo, parent)) {
		put_device(&foo->dev);
		return NULL;
	}
	return foo;
}

/* RL4: neither the helper nor its caller puts. */
int foo_create_leak(struct device *parent, struct foo **out)
{
	struct foo *foo = kzalloc(sizeof(*foo), GFP_KERNEL);
	int ret;

	if (!foo)
		return -ENOMEM;
	ret = foo_add(foo, parent);
	if (ret)
		return ret; // expected-warning {{[RL4] after device_register() the device is initialized (even when it fails), but}}
	*out = foo;
	return 0;
}

/* A helper that calls device_initialize() itself owns that reference: its
 * own error path without the put is RL4 there, inlined or not (edac's
 * edac_create_csrow_object()). */
static int foo_init_add(struct foo *foo)
{
	int err;

	device_initialize(&foo->dev);
	foo->dev.release = foo_release;
	err = device_add(&foo->dev);
	if (err)
		return err; // expected-warning {{[RL4] device_initialize() succeeded but this error path returns without put_device()}}
	return 0;
}

int foo_create_all(struct foo **foos, int n)
{
	int i, err;

	for (i = 0; i < n; i++) {
		err = foo_init_add(foos[i]);
		if (err)
			return err;
	}
	return 0;
}
