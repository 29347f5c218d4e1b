// SPDX-License-Identifier: GPL-2.0
/* The PCI-like parent bus: match by id_table vendor/device. */
#include "kbound_internal.h"

#define to_pci_driver(drv) container_of(drv, struct pci_driver, driver)

static const struct pci_device_id *kb_pci_match_id(const struct pci_device_id *id,
						    const struct pci_dev *pdev)
{
	if (!id)
		return NULL;
	/* Like the kernel's table walk, a zero vendor ends the table. */
	for (; id->vendor; id++) {
		if ((id->vendor == PCI_ANY_ID || id->vendor == pdev->vendor) &&
		    (id->device == PCI_ANY_ID || id->device == pdev->device))
			return id;
	}
	return NULL;
}

static int kb_pci_match(struct device *dev, const struct device_driver *drv)
{
	return !!kb_pci_match_id(to_pci_driver(drv)->id_table, to_pci_dev(dev));
}

static int kb_pci_probe(struct device *dev)
{
	struct pci_driver *pdrv = to_pci_driver(dev->driver);
	struct pci_dev *pdev = to_pci_dev(dev);

	if (!pdrv->probe)
		return -ENODEV;
	return pdrv->probe(pdev, kb_pci_match_id(pdrv->id_table, pdev));
}

static void kb_pci_remove(struct device *dev)
{
	struct pci_driver *pdrv = to_pci_driver(dev->driver);

	if (pdrv->remove)
		pdrv->remove(to_pci_dev(dev));
}

const struct bus_type pci_bus_type = {
	.name = "pci",
	.match = kb_pci_match,
	.probe = kb_pci_probe,
	.remove = kb_pci_remove,
};

int __pci_register_driver(struct pci_driver *drv, struct module *owner,
			  const char *mod_name)
{
	drv->driver.name = drv->name;
	drv->driver.mod_name = mod_name;
	drv->driver.bus = &pci_bus_type;
	return driver_register(&drv->driver);
}

void pci_unregister_driver(struct pci_driver *drv)
{
	driver_unregister(&drv->driver);
}

int pci_enable_device(struct pci_dev *dev)
{
	dev->enabled = true;
	return 0;
}

static void kb_pcim_disable(void *data)
{
	pci_disable_device(data);
}

int pcim_enable_device(struct pci_dev *dev)
{
	int ret = kb_devm_add_action(&dev->dev, kb_pcim_disable, dev);

	if (ret)
		return ret;
	dev->enabled = true;
	return 0;
}

void pci_disable_device(struct pci_dev *dev)
{
	dev->enabled = false;
}
