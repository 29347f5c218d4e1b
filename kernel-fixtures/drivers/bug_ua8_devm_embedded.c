// SPDX-License-Identifier: GPL-2.0
/*
 * bug_ua8_devm_embedded (UA8): a generic control device embedded in
 * devm_kzalloc() memory, with a release that frees nothing. A monitor (like
 * an open file of the device) holds a reference from probe to module unload.
 * .remove unregisters the device correctly, but devres frees its memory when
 * the PCI parent unbinds, while that reference is still held: the monitor's
 * put_device() at module exit reads freed memory. Scenario `bind`: ASan
 * heap-use-after-free in put_device under ua8_exit, the memory freed when the
 * parent unbound.
 */
#include <linux/device.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct ua8_ctl {
	struct device dev;
	int mode;
};

/* The monitor's reference on the last control device. */
static struct device *ua8_monitor;

static void ua8_ctl_release(struct device *dev)
{
}

static int ua8_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ua8_ctl *ctl;
	int ret;

	/* BUG: UA8, the device's memory is freed by devres, not its release. */
	ctl = devm_kzalloc(&pdev->dev, sizeof(*ctl), GFP_KERNEL);
	if (!ctl)
		return -ENOMEM;

	ctl->mode = 1;
	ctl->dev.parent = &pdev->dev;
	ctl->dev.release = ua8_ctl_release;
	dev_set_name(&ctl->dev, "ua8-ctl%d", 0);
	ret = device_register(&ctl->dev);
	if (ret) {
		put_device(&ctl->dev);
		return ret;
	}

	put_device(ua8_monitor);
	ua8_monitor = get_device(&ctl->dev);
	pci_set_drvdata(pdev, ctl);
	dev_info(&ctl->dev, "ctl mode %d\n", ctl->mode);
	return 0;
}

static void ua8_remove(struct pci_dev *pdev)
{
	struct ua8_ctl *ctl = pci_get_drvdata(pdev);

	device_unregister(&ctl->dev);
}

static const struct pci_device_id ua8_pci_table[] = {
	{ PCI_DEVICE(0x8086, 0xa0d8) },
	{ }
};

static struct pci_driver ua8_pci_driver = {
	.name = "ua8_core",
	.id_table = ua8_pci_table,
	.probe = ua8_probe,
	.remove = ua8_remove,
};

static int ua8_init(void)
{
	return pci_register_driver(&ua8_pci_driver);
}
module_init(ua8_init);

static void ua8_exit(void)
{
	pci_unregister_driver(&ua8_pci_driver);
	put_device(ua8_monitor);
	ua8_monitor = NULL;
}
module_exit(ua8_exit);

MODULE_LICENSE("GPL");
