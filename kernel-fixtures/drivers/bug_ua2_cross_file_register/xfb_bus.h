/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bug_ua2_cross_file_register: the stand-in bus core's interface. The core
 * (xfb_core.c) registers the devices its drivers allocate and owns their
 * release; the driver (xfb_driver.c) never sees either.
 */
#ifndef XFB_BUS_H
#define XFB_BUS_H

#include <linux/device.h>

struct xfb_dev {
	struct device dev;
	u32 *regs;
	int id;
};

int xfb_add_device(struct xfb_dev *xdev);
void xfb_remove_device(struct xfb_dev *xdev);

#endif
