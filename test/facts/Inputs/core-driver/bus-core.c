/* The bus core: register, unregister and release; no driver bug here. */
#include "bus.h"
#include <linux/slab.h>

static void bus_release_dev(struct device *dev)
{
	kfree(container_of(dev, struct bus_dev, dev));
}

static void bus_release_net(struct device *dev)
{
	struct bus_net *net = container_of(dev, struct bus_net, dev);

	kfree(net->name);
	kfree(net);
}

/* A release that frees nothing: the owner of a bus_quiet frees it. */
static void bus_release_quiet(struct device *dev)
{
}

/* device_register() on every path: callers inherit InitAdd. */
int bus_add_device(struct bus_dev *bdev)
{
	int err;

	bdev->dev.release = bus_release_dev;
	err = device_register(&bdev->dev);
	if (err)
		return err;
	return 0;
}

static int bus_register_common(struct device *dev)
{
	return device_register(dev);
}

/* Through a static helper: composed. */
int bus_add_net(struct bus_net *net)
{
	net->dev.release = bus_release_net;
	return bus_register_common(&net->dev);
}

/* Drops the device itself when the register fails (the
 * vmbus_device_register() convention): callers own nothing on failure. */
int bus_add_owned(struct bus_dev *bdev)
{
	int err;

	bdev->dev.release = bus_release_dev;
	err = device_register(&bdev->dev);
	if (err) {
		put_device(&bdev->dev);
		return err;
	}
	return 0;
}

/* Only sometimes: no summary, so callers are never blamed. */
int bus_add_maybe(struct bus_dev *bdev, int enabled)
{
	if (!enabled)
		return -22;
	return device_register(&bdev->dev);
}

void bus_remove_device(struct bus_dev *bdev)
{
	device_unregister(&bdev->dev);
}

void bus_quiet_init(struct bus_quiet *q)
{
	q->dev.release = bus_release_quiet;
	device_initialize(&q->dev);
}
