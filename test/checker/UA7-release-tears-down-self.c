// UA7: a release callback tears down the device it is releasing (it runs
// because the last reference went: a second put, and recursion). Putting
// another device, or freeing memory, is what a release is for.
// RUN: %kbound_cc1 -verify -verify-ignore-unexpected=note %s
// RUN: %kbound_cc1 -analyzer-output=text -verify=expected,text %s
#include <linux/auxiliary_bus.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct foo {
	int id;
	struct auxiliary_device adev;
	struct device *peer;
};

/* The CVE shape: uninit from inside the auxiliary device's release. */
static void foo_adev_release(struct device *dev)
{
	struct foo *foo = container_of(dev, struct foo, adev.dev);

	auxiliary_device_uninit(&foo->adev); // expected-warning {{[UA7] auxiliary_device_uninit() on the device that release callback 'foo_adev_release' is releasing}} text-note {{[UA7]}}
	kfree(foo);
}

int foo_add(struct foo *foo, struct device *parent)
{
	foo->adev.name = "foo";
	foo->adev.dev.parent = parent;
	foo->adev.dev.release = foo_adev_release; // text-note {{'foo_adev_release' is installed as the device's release here}}
	return auxiliary_device_init(&foo->adev);
}

/* put_device() of the released device itself, through to_auxiliary_dev. */
static void bar_release(struct device *dev)
{
	struct auxiliary_device *adev = to_auxiliary_dev(dev);

	put_device(&adev->dev); // expected-warning {{[UA7] put_device() on the device that release callback 'bar_release' is releasing}} text-note {{[UA7]}}
	kfree(adev);
}

/* A release installed through a device type. */
struct device_type {
	const char *name;
	void (*release)(struct device *dev);
};

static void baz_release(struct device *dev)
{
	device_unregister(dev); // expected-warning {{[UA7] device_unregister() on the device that release callback 'baz_release' is releasing}} text-note {{[UA7]}}
}

static const struct device_type baz_type = { .name = "baz", .release = baz_release }; // text-note {{'baz_release' is installed as the device's release here}}

/* Correct: a release frees the container and puts the peer it holds. */
static void good_release(struct device *dev)
{
	struct foo *foo = container_of(dev, struct foo, adev.dev);

	put_device(foo->peer);
	put_device(dev->parent);
	kfree(foo);
}

/* Correct: a platform release that frees its platform_data. */
static void pd_release(struct device *dev)
{
	struct platform_device *pdev = to_platform_device(dev);

	kfree(pdev->dev.platform_data);
	kfree(pdev);
}

void install(struct foo *a, struct auxiliary_device *b, struct platform_device *p)
{
	b->dev.release = bar_release; // text-note {{'bar_release' is installed as the device's release here}}
	a->adev.dev.release = good_release;
	p->dev.release = pd_release;
}
