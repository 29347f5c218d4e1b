// A use after the put (UA1) does not end the path: a different bug later on
// the same path (the kfree of the released container: UA2) is reported too,
// while further uses of the same released device are the same bug and are
// reported once.
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/slab.h>

struct foo_adev {
	struct auxiliary_device adev;
	int client_id;
};

static void foo_adev_release(struct device *dev)
{
	kfree(container_of(dev, struct foo_adev, adev.dev));
}

struct foo_dev {
	struct device dev;
	int state;
};

static void foo_dev_release(struct device *dev)
{
	kfree(container_of(dev, struct foo_dev, dev));
}

DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, int);

/* The shape from the issue: uninit, a read of the container, a kfree. */
int aux_use_then_kfree(struct device *parent)
{
	struct foo_adev *fadev = kzalloc(sizeof(*fadev), GFP_KERNEL);
	int id;

	if (!fadev)
		return -ENOMEM;
	fadev->adev.name = "foo";
	fadev->adev.dev.parent = parent;
	fadev->adev.dev.release = foo_adev_release;
	if (auxiliary_device_init(&fadev->adev)) {
		kfree(fadev);
		return -EINVAL;
	}
	auxiliary_device_uninit(&fadev->adev);
	id = fadev->client_id; // expected-warning {{[UA1]}}
	id += fadev->client_id; /* the same bug: no second report */
	kfree(fadev); // expected-warning {{[UA2]}}
	return id;
}

/* The same for the generic family. */
int dev_use_then_kfree(struct device *parent)
{
	struct foo_dev *fd = kzalloc(sizeof(*fd), GFP_KERNEL);
	int ret;

	if (!fd)
		return -ENOMEM;
	fd->dev.parent = parent;
	fd->dev.release = foo_dev_release;
	ret = device_register(&fd->dev);
	if (ret) {
		put_device(&fd->dev);
		dev_err(parent, "state %d\n", fd->state); // expected-warning {{[UA1]}}
		kfree(fd); // expected-warning {{[UA2]}}
		return ret;
	}
	return 0;
}

/* A double put, then a kfree: two bugs, two reports. */
int dev_double_put_then_kfree(struct device *parent)
{
	struct foo_dev *fd = kzalloc(sizeof(*fd), GFP_KERNEL);
	int ret;

	if (!fd)
		return -ENOMEM;
	fd->dev.release = foo_dev_release;
	device_initialize(&fd->dev);
	ret = device_add(&fd->dev);
	if (ret) {
		put_device(&fd->dev);
		put_device(&fd->dev); // expected-warning {{[UA1]}}
		kfree(fd); // expected-warning {{[UA2]}}
	}
	return ret;
}

/* The registered device read twice after the drop: one report. */
int reg_use_twice(struct device *parent, int *val)
{
	struct auxiliary_registration *reg;
	struct auxiliary_device *adev;
	int v;

	reg = auxiliary_registration_new(parent, "bar", 0, "foo", &foo_tag, val);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	adev = auxiliary_registration_device(reg);
	auxiliary_registration_drop(reg);
	v = adev->id; // expected-warning {{[UA1]}}
	return v + adev->id;
}

/* Correct twin: every use before the put, the put frees it. */
int dev_correct(struct device *parent)
{
	struct foo_dev *fd = kzalloc(sizeof(*fd), GFP_KERNEL);
	int ret;

	if (!fd)
		return -ENOMEM;
	fd->dev.parent = parent;
	fd->dev.release = foo_dev_release;
	ret = device_register(&fd->dev);
	if (ret) {
		dev_err(parent, "state %d\n", fd->state);
		put_device(&fd->dev);
		return ret;
	}
	return 0;
}

/* The hsi_new_client() shape (upstream a1ee1c08fcd5): the failed register
 * puts the device, whose release frees the container, and the path goes on
 * to return the container. */
struct foo_dev *dev_returned_after_put(struct device *parent)
{
	struct foo_dev *fd = kzalloc(sizeof(*fd), GFP_KERNEL);

	if (!fd)
		return NULL;
	fd->dev.parent = parent;
	fd->dev.release = foo_dev_release;
	if (device_register(&fd->dev) < 0)
		put_device(&fd->dev);
	return fd; // expected-warning {{[UA1] The device (or the structure that embeds it) is returned after put_device()}}
}

/* Correct: NULL on the failure path. */
struct foo_dev *dev_returned_ok(struct device *parent)
{
	struct foo_dev *fd = kzalloc(sizeof(*fd), GFP_KERNEL);

	if (!fd)
		return NULL;
	fd->dev.parent = parent;
	fd->dev.release = foo_dev_release;
	if (device_register(&fd->dev) < 0) {
		put_device(&fd->dev);
		return NULL;
	}
	return fd;
}

struct device *bus_find_device(void *bus, struct device *start, void *data,
			       int (*match)(struct device *, const void *));
int match_any(struct device *dev, const void *data);

/* Correct (usb_find_interface()'s idiom): the put drops the lookup's
 * reference, not the last one. */
struct foo_dev *lookup_put_return(void *bus)
{
	struct device *dev = bus_find_device(bus, NULL, NULL, match_any);

	put_device(dev);
	return dev ? container_of(dev, struct foo_dev, dev) : NULL;
}

/* Correct (nvdimm's async unregister): the caller took a reference for this
 * function before scheduling it; the put after the unregister drops it. */
void async_unregister(void *d)
{
	struct device *dev = d;

	device_unregister(dev);
	put_device(dev);
}
