// The generic device family (device_initialize, device_add, device_register,
// device_del, put_device, device_unregister) through the same lifetime model
// as the auxiliary bus: RL4, RL5, UA1, UA2, UA5, with correct twins.
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

static struct foo *foo_alloc(struct device *parent)
{
	struct foo *foo = kzalloc(sizeof(*foo), GFP_KERNEL);

	if (!foo)
		return NULL;
	foo->dev.parent = parent;
	foo->dev.release = foo_release;
	return foo;
}

/* UA2 + RL4: kfree() after a failed device_register(). */
int register_fail_kfree(struct device *parent)
{
	struct foo *foo = foo_alloc(parent);
	int ret;

	if (!foo)
		return -ENOMEM;
	ret = device_register(&foo->dev);
	if (ret) {
		/* expected-warning@+2 {{[UA2] kfree() of a device (or the structure that contains it) after device_register(): the device is refcounted now; call put_device() instead}} */
		/* expected-warning@+1 {{[RL4] after device_register() the device is initialized (even when it fails), but this path frees the device with kfree() instead of put_device()}} */
		kfree(foo);
		return ret;
	}
	return 0;
}

/* Correct: put_device() after a failed device_register(). */
int register_fail_put(struct device *parent, struct foo **out)
{
	struct foo *foo = foo_alloc(parent);
	int ret;

	if (!foo)
		return -ENOMEM;
	ret = device_register(&foo->dev);
	if (ret) {
		put_device(&foo->dev);
		return ret;
	}
	*out = foo;
	return 0;
}

/* RL4: device_add() fails and the path returns without put_device(). */
int add_fail_leak(struct foo *foo)
{
	int ret;

	device_initialize(&foo->dev);
	ret = device_add(&foo->dev);
	if (ret)
		return ret; // expected-warning {{[RL4] device_initialize() succeeded but this error path returns without put_device()}}
	return 0;
}

/* Correct: the goto ladder puts it. */
int add_fail_ladder(struct foo *foo)
{
	int ret;

	device_initialize(&foo->dev);
	ret = device_add(&foo->dev);
	if (ret)
		goto err_put;
	return 0;
err_put:
	put_device(&foo->dev);
	return ret;
}

/* UA1: the container read after the put that may be the last. */
int use_after_put(struct foo *foo)
{
	int ret;

	device_initialize(&foo->dev);
	ret = device_add(&foo->dev);
	if (ret) {
		put_device(&foo->dev);
		return foo->id; // expected-warning {{[UA1] The structure that embeds the device is accessed after put_device()}}
	}
	return 0;
}

/* Correct: read before the put. */
int read_then_put(struct foo *foo)
{
	int ret, id;

	device_initialize(&foo->dev);
	ret = device_add(&foo->dev);
	if (ret) {
		id = foo->id;
		put_device(&foo->dev);
		return id;
	}
	return 0;
}

/* UA1: device_unregister() is del + put. */
void unregister_then_use(struct foo *foo)
{
	device_unregister(&foo->dev);
	foo->id = -1; // expected-warning {{[UA1] The structure that embeds the device is accessed after device_unregister()}}
}

/* Correct: another reference keeps it. */
int get_then_put(struct foo *foo)
{
	int id;

	get_device(&foo->dev);
	device_unregister(&foo->dev);
	id = foo->id;
	put_device(&foo->dev);
	return id;
}

/* UA5: put_device() before device_del(). */
void put_before_del(struct foo *foo)
{
	put_device(&foo->dev);
	device_del(&foo->dev); // expected-warning {{[UA5] device_del() after put_device(): the device may be freed while it is still registered}}
}

/* Correct teardown order. */
void del_then_put(struct foo *foo)
{
	device_del(&foo->dev);
	put_device(&foo->dev);
}
