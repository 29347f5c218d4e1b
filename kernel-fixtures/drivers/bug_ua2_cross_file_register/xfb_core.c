// SPDX-License-Identifier: GPL-2.0
/*
 * The bus core of bug_ua2_cross_file_register (no bug here): like
 * vmbus_device_register(), xfb_add_device() names the device, installs the
 * core's release and device_register()s it; when that fails it drops the
 * device itself with put_device(), whose release frees it, so a caller
 * must neither put nor free it on failure.
 */
#include <linux/device.h>
#include <linux/slab.h>
#include "xfb_bus.h"

static void xfb_release(struct device *dev)
{
	struct xfb_dev *xdev = container_of(dev, struct xfb_dev, dev);

	kfree(xdev->regs);
	kfree(xdev);
}

int xfb_add_device(struct xfb_dev *xdev)
{
	int ret;

	xdev->dev.release = xfb_release;
	dev_set_name(&xdev->dev, "xfb%d", xdev->id);
	ret = device_register(&xdev->dev);
	if (ret) {
		put_device(&xdev->dev);
		return ret;
	}
	return 0;
}

void xfb_remove_device(struct xfb_dev *xdev)
{
	device_unregister(&xdev->dev);
}
