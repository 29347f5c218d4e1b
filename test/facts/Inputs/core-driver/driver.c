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

/* bus_release_quiet() (the core's) frees nothing, so the owner kfree()s a
 * bus_quiet after its put: a reference held elsewhere would see freed
 * memory (UA8), and it is not the double free (UA2) that the kernel's
 * default rule, the release frees the container, would make of the kfree. */
void quiet_owner_frees(void)
{
	struct bus_quiet *q = kzalloc(sizeof(*q), GFP_KERNEL);

	if (!q)
		return;
	bus_quiet_init(q); // facts-warning {{[UA8] bus_quiet_init() on a device in heap memory whose release callback bus_release_quiet() is empty}}
	put_device(&q->dev);
	kfree(q);
}

/* The core's bus_remove_device() already dropped the reference the
 * registration held: a second put by its caller. */
void put_after_remove(struct device *parent)
{
	struct bus_dev *bdev = kzalloc(sizeof(*bdev), GFP_KERNEL);

	if (!bdev)
		return;
	bdev->dev.parent = parent;
	if (bus_add_device(bdev)) {
		put_device(&bdev->dev);
		return;
	}
	bus_remove_device(bdev);
	put_device(&bdev->dev); // facts-warning {{[UA1] put_device() on a device after device_unregister()}}
}

/* A bus_quiet in heap memory whose release (another file's) frees nothing,
 * and nobody else frees it either: the memory leaks after the last put. */
void quiet_nobody_frees(void)
{
	struct bus_quiet *q = kzalloc(sizeof(*q), GFP_KERNEL);

	if (!q)
		return;
	bus_quiet_init(q); // facts-warning {{[UA8] bus_quiet_init() on a device in heap memory whose release callback bus_release_quiet() is empty}}
	put_device(&q->dev);
}

/* bus_add_owned() already put the device when it failed: the vmbus shape
 * (upstream vmbus_add_channel_work()), a double free. */
int owned_kfree_after_failed_add(struct device *parent)
{
	struct bus_dev *bdev = kzalloc(sizeof(*bdev), GFP_KERNEL);
	int ret;

	if (!bdev)
		return -ENOMEM;
	bdev->dev.parent = parent;
	ret = bus_add_owned(bdev);
	if (ret)
		kfree(bdev); // facts-warning {{[UA2] kfree() of a device (or the structure that contains it) after bus_add_owned(): put_device() already let the release callback free it}}
	return ret;
}

/* Correct: nothing is owed when bus_add_owned() fails. */
int owned_failed_add(struct device *parent)
{
	struct bus_dev *bdev = kzalloc(sizeof(*bdev), GFP_KERNEL);

	if (!bdev)
		return -ENOMEM;
	bdev->dev.parent = parent;
	return bus_add_owned(bdev);
}
