/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MOD_DEVICETABLE_H
#define _LINUX_MOD_DEVICETABLE_H

#include <linux/types.h>

#define PCI_ANY_ID (~0u)

struct pci_device_id {
	u32 vendor, device;
	u32 subvendor, subdevice;
	u32 class, class_mask;
	unsigned long driver_data;
};

#define AUXILIARY_NAME_SIZE 32
/* "modname.devname", matched against the device's name. */
struct auxiliary_device_id {
	char name[AUXILIARY_NAME_SIZE];
	unsigned long driver_data;
};

#endif /* _LINUX_MOD_DEVICETABLE_H */
