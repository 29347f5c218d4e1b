// SPDX-License-Identifier: GPL-2.0
/*
 * bug_ua2_cross_file_register (UA2): the driver kfree()s its device when the
 * core's xfb_add_device() fails, as vmbus_add_channel_work() did before
 * upstream's fix. But the core (xfb_core.c, another file) already dropped
 * the device with put_device(), whose release freed it: a double free.
 * Only a checker that knows what xfb_add_device() does (the facts database,
 * docs/facts-db.md) sees it. Scenario `faults` (the failure injected into
 * device_add): ASan reports the double free in xfb_probe, the first free
 * in xfb_release.
 */
#include <linux/device.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include "xfb_bus.h"

struct xfb_priv {
	struct xfb_dev *xdev;
};

static int xfb_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct xfb_priv *priv;
	struct xfb_dev *xdev;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	xdev = kzalloc(sizeof(*xdev), GFP_KERNEL);
	if (!xdev)
		return -ENOMEM;
	xdev->id = 0;
	xdev->dev.parent = &pdev->dev;
	ret = xfb_add_device(xdev);
	if (ret) {
		kfree(xdev);	/* BUG: UA2, the core already put it. */
		return ret;
	}

	priv->xdev = xdev;
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void xfb_remove(struct pci_dev *pdev)
{
	struct xfb_priv *priv = pci_get_drvdata(pdev);

	xfb_remove_device(priv->xdev);
}

static const struct pci_device_id xfb_pci_table[] = {
	{ PCI_DEVICE(0x8086, 0xa0d2) },
	{ }
};

static struct pci_driver xfb_pci_driver = {
	.name = "xfb_drv",
	.id_table = xfb_pci_table,
	.probe = xfb_probe,
	.remove = xfb_remove,
};

static int xfb_init(void)
{
	return pci_register_driver(&xfb_pci_driver);
}
module_init(xfb_init);

static void xfb_exit(void)
{
	pci_unregister_driver(&xfb_pci_driver);
}
module_exit(xfb_exit);

MODULE_LICENSE("GPL");
