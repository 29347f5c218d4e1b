/* A driver of the stand-in bus: its devices are registered and released by
 * bus-core.c, which this file cannot see. Without the facts database the
 * checker knows none of the core's functions: */
// nofacts-no-diagnostics
#include "bus.h"
#include <linux/errno.h>
#include <linux/slab.h>

/* The rapidio shape (upstream f9574cd48679): kfree() after the core's
 * register failed, although the release owns the memory. */
struct bus_dev *kfree_after_failed_add(struct device *parent)
{
	struct bus_dev *bdev = kzalloc(sizeof(*bdev), GFP_KERNEL);

	if (!bdev)
		return NULL;
	bdev->dev.parent = parent;
	if (bus_add_device(bdev))
		goto cleanup;
	return bdev;
cleanup:
	kfree(bdev); // facts-warning {{[RL4] after bus_add_device() the device is initialized (even when it fails), but this path frees the device with kfree() instead of put_device()}} facts-warning {{[UA2] kfree() of a device (or the structure that contains it) after bus_add_device()}}
	return NULL;
}

struct bus_dev *put_after_failed_add(struct device *parent)
{
	struct bus_dev *bdev = kzalloc(sizeof(*bdev), GFP_KERNEL);

	if (!bdev)
		return NULL;
	bdev->dev.parent = parent;
	if (bus_add_device(bdev)) {
		put_device(&bdev->dev);
		return NULL;
	}
	return bdev;
}

int leak_after_failed_add(struct device *parent)
{
	struct bus_dev *bdev = kzalloc(sizeof(*bdev), GFP_KERNEL);

	if (!bdev)
		return -ENOMEM;
	bdev->dev.parent = parent;
	if (bus_add_device(bdev))
		return -EIO; // facts-warning {{[RL4] after bus_add_device() the device is initialized (even when it fails), but the device becomes unreachable without put_device()}}
	return 0;
}

/* Through the core's static helper (bus_register_common()). */
int net_kfree_after_failed_add(struct bus_net *net)
{
	int ret = bus_add_net(net);

	if (ret)
		kfree(net); // facts-warning {{[RL4] after bus_add_net() the device is initialized (even when it fails), but this path frees the device with kfree() instead of put_device()}} facts-warning {{[UA2] kfree() of a device (or the structure that contains it) after bus_add_net()}}
	return ret;
}

/* bus_add_maybe() registers only sometimes: it has no summary. */
int maybe_kfree_after_failed_add(struct bus_dev *bdev)
{
	int ret = bus_add_maybe(bdev, 1);

	if (ret)
		kfree(bdev);
	return ret;
}

int use_after_remove(struct device *parent)
{
	struct bus_dev *bdev = kzalloc(sizeof(*bdev), GFP_KERNEL);

	if (!bdev)
		return -ENOMEM;
	bdev->dev.parent = parent;
	if (bus_add_device(bdev)) {
		put_device(&bdev->dev);
		return -EIO;
	}
	bus_remove_device(bdev);
	return bdev->id; // facts-warning {{[UA1]}}
}

int use_before_remove(struct device *parent)
{
	struct bus_dev *bdev = kzalloc(sizeof(*bdev), GFP_KERNEL);
	int id;

	if (!bdev)
		return -ENOMEM;
	bdev->dev.parent = parent;
	if (bus_add_device(bdev)) {
		put_device(&bdev->dev);
		return -EIO;
	}
	id = bdev->id;
	bus_remove_device(bdev);
	return id;
}

/* bus_release_quiet() frees nothing, so the owner frees a bus_quiet after
 * its put; without the core's facts the kernel's rule (the release frees
 * the container) makes this look like a double free. */
void quiet_owner_frees(void)
{
	struct bus_quiet *q = kzalloc(sizeof(*q), GFP_KERNEL);

	if (!q)
		return;
	bus_quiet_init(q);
	put_device(&q->dev);
	kfree(q);
}
