/* SPDX-License-Identifier: GPL-2.0 */
/* A PCI-like parent bus: the harness adds pci_dev's (vendor, device) and
 * binds them to the pci_driver whose id_table matches. */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>

struct pci_dev {
	struct device dev;
	u16 vendor;
	u16 device;
	bool enabled;
};

struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	struct device_driver driver;
};

#define PCI_DEVICE(vend, dev)						\
	.vendor = (vend), .device = (dev),				\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

#define to_pci_dev(n) container_of(n, struct pci_dev, dev)

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

int __must_check __pci_register_driver(struct pci_driver *drv,
				       struct module *owner,
				       const char *mod_name);
#define pci_register_driver(driver) \
	__pci_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
void pci_unregister_driver(struct pci_driver *drv);

int __must_check pci_enable_device(struct pci_dev *dev);
int __must_check pcim_enable_device(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);

#define module_pci_driver(__pci_driver) \
	module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)

#endif /* _LINUX_PCI_H */
