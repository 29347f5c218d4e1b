// SPDX-License-Identifier: GPL-2.0
/*
 * correct_device_register: a PCI driver that registers a generic control
 * device embedded in its own kzalloc()'d struct. The release callback frees
 * the container (and its register shadow); once device_register() has run,
 * the device belongs to its refcount, so a failed register is dropped with
 * put_device(), never kfree(), and .remove unregisters it. Clean in every
 * scenario.
 */
#include <linux/device.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct cdr_ctl {
	struct device dev;
	u32 *regs;
	int mode;
};

struct cdr_priv {
	struct cdr_ctl *ctl;
};

static void cdr_ctl_release(struct device *dev)
{
	struct cdr_ctl *ctl = container_of(dev, struct cdr_ctl, dev);

	kfree(ctl->regs);
	kfree(ctl);
}

static int cdr_ctl_create(struct cdr_priv *priv, struct pci_dev *pdev)
{
	struct cdr_ctl *ctl;
	int ret;

	ctl = kzalloc(sizeof(*ctl), GFP_KERNEL);
	if (!ctl)
		return -ENOMEM;

	ctl->regs = kcalloc(16, sizeof(*ctl->regs), GFP_KERNEL);
	if (!ctl->regs) {
		ret = -ENOMEM;
		goto err_free;
	}

	ctl->mode = 3;
	ctl->dev.parent = &pdev->dev;
	ctl->dev.release = cdr_ctl_release;
	dev_set_name(&ctl->dev, "cdr-ctl%d", 0);
	ret = device_register(&ctl->dev);
	if (ret) {
		put_device(&ctl->dev);
		return ret;
	}

	priv->ctl = ctl;
	dev_info(&ctl->dev, "ctl mode %d\n", ctl->mode);
	return 0;

err_free:
	kfree(ctl);
	return ret;
}

static int cdr_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct cdr_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	pci_set_drvdata(pdev, priv);
	return cdr_ctl_create(priv, pdev);
}

static void cdr_remove(struct pci_dev *pdev)
{
	struct cdr_priv *priv = pci_get_drvdata(pdev);

	device_unregister(&priv->ctl->dev);
}

static const struct pci_device_id cdr_pci_table[] = {
	{ PCI_DEVICE(0x8086, 0xa0d0) },
	{ }
};

static struct pci_driver cdr_pci_driver = {
	.name = "cdr_core",
	.id_table = cdr_pci_table,
	.probe = cdr_probe,
	.remove = cdr_remove,
};

static int cdr_init(void)
{
	return pci_register_driver(&cdr_pci_driver);
}
module_init(cdr_init);

static void cdr_exit(void)
{
	pci_unregister_driver(&cdr_pci_driver);
}
module_exit(cdr_exit);

MODULE_LICENSE("GPL");
