// The driver core's own files (drivers/base/core.c, platform.c, ...) define
// the API kbound models: the API's functions are judged by their rows, not
// checked against themselves, and calls of them are modeled by the row, not
// inlined (an inlined platform_device_alloc() would track the device it
// initializes a second time). Seen on Linux 6.12's drivers/base: RL4 in
// device_register() and platform_device_register() themselves, RL4 in
// platform_create_bundle() after its platform_device_put(), RL4 for a
// container linked with klist_add_tail(), UA1 in device_destroy().
// RUN: %kbound_cc1 -verify %s
#include <linux/device.h>
#include <linux/err.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct klist { int n; };
struct klist_node { int n; };
void klist_add_tail(struct klist_node *n, struct klist *k);
struct device *class_find_device_by_devt(const void *class, unsigned int devt);

// The API's own definitions: their contract is the row (the caller puts).
int device_register(struct device *dev)
{
	device_initialize(dev);
	return device_add(dev);
}

int platform_device_register(struct platform_device *pdev)
{
	device_initialize(&pdev->dev);
	return platform_device_add(pdev);
}

struct platform_object {
	struct platform_device pdev;
	char name[16];
};

static void platform_device_release(struct device *dev)
{
	kfree(container_of(dev, struct platform_object, pdev.dev));
}

struct platform_device *platform_device_alloc(const char *name, int id)
{
	struct platform_object *pa = kzalloc(sizeof(*pa), GFP_KERNEL);

	if (!pa)
		return NULL;
	pa->pdev.name = name;
	pa->pdev.id = id;
	device_initialize(&pa->pdev.dev);
	pa->pdev.dev.release = platform_device_release;
	return &pa->pdev;
}

// Not an API row, in the same file: the visible platform_device_alloc() is
// the row's Create, which platform_device_put() ends.
struct platform_device *create_bundle(const char *name, int err)
{
	struct platform_device *pdev = platform_device_alloc(name, -1);
	int error;

	if (!pdev)
		return ERR_PTR(-ENOMEM);
	error = platform_device_add(pdev);
	if (error)
		goto err_put;
	if (err) {
		error = err;
		goto err_del;
	}
	return pdev;
err_del:
	platform_device_del(pdev);
err_put:
	platform_device_put(pdev);
	return ERR_PTR(error);
}

// A bug in the same file is still one: the row of the visible
// platform_device_alloc() says the put is owed.
int leaky_bundle(const char *name)
{
	struct platform_device *pdev = platform_device_alloc(name, -1);
	int error;

	if (!pdev)
		return -ENOMEM;
	error = platform_device_add(pdev); // expected-warning {{[RL4] platform_device_alloc() succeeded but the device becomes unreachable}}
	if (error)
		return error;
	return 0;
}

// A container linked into a klist is reachable by whoever walks it.
struct internal_container {
	struct klist_node node;
	struct device classdev;
};

static void container_release(struct device *dev)
{
	kfree(container_of(dev, struct internal_container, classdev));
}

void container_add(struct klist *list)
{
	struct internal_container *ic = kzalloc(sizeof(*ic), GFP_KERNEL);

	if (!ic)
		return;
	device_initialize(&ic->classdev);
	ic->classdev.release = container_release;
	klist_add_tail(&ic->node, list);
}

// device_destroy(): the put drops the lookup's reference, the unregister
// the registration's.
void destroy_by_devt(const void *class, unsigned int devt)
{
	struct device *dev = class_find_device_by_devt(class, devt);

	if (dev) {
		put_device(dev);
		device_unregister(dev);
	}
}

// The same order on a device this path set up is a use after the last put.
struct owned {
	struct device dev;
};

static void owned_release(struct device *dev)
{
	kfree(container_of(dev, struct owned, dev));
}

int owned_twice(void)
{
	struct owned *o = kzalloc(sizeof(*o), GFP_KERNEL);
	int ret;

	if (!o)
		return -ENOMEM;
	o->dev.release = owned_release;
	ret = device_register(&o->dev);
	if (ret) {
		put_device(&o->dev);
		return ret;
	}
	put_device(&o->dev);
	device_unregister(&o->dev); // expected-warning {{[UA1]}}
	return 0; // expected-warning {{[RL5]}}
}
