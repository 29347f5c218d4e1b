// SPDX-License-Identifier: GPL-2.0
/*
 * bug_ua2_register_fail_kfree (UA2): device_register() fails and the goto
 * ladder drops the device with put_device(), whose release frees the
 * container, then falls through into the kfree() label meant for failures
 * before the register: the container is freed a second time. Scenario
 * `faults` (the failure injected into device_add): ASan reports the double
 * free in ua2r_ctl_create, the first free in ua2r_ctl_release.
 */
#include <linux/device.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct ua2r_ctl {
	struct device dev;
	u32 *regs;
	int mode;
};

struct ua2r_priv {
	struct ua2r_ctl *ctl;
};

static void ua2r_ctl_release(struct device *dev)
{
	struct ua2r_ctl *ctl = container_of(dev, struct ua2r_ctl, dev);

	kfree(ctl->regs);
	kfree(ctl);
}

static int ua2r_ctl_create(struct ua2r_priv *priv, struct pci_dev *pdev)
{
	struct ua2r_ctl *ctl;
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
	ctl->dev.release = ua2r_ctl_release;
	dev_set_name(&ctl->dev, "ua2r-ctl%d", 0);
	ret = device_register(&ctl->dev);
	if (ret)
		goto err_put;

	priv->ctl = ctl;
	dev_info(&ctl->dev, "ctl mode %d\n", ctl->mode);
	return 0;

err_put:
	put_device(&ctl->dev);
	/* BUG: UA2, falls through: the release already freed ctl. */
err_free:
	kfree(ctl);
	return ret;
}

static int ua2r_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ua2r_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	pci_set_drvdata(pdev, priv);
	return ua2r_ctl_create(priv, pdev);
}

static void ua2r_remove(struct pci_dev *pdev)
{
	struct ua2r_priv *priv = pci_get_drvdata(pdev);

	device_unregister(&priv->ctl->dev);
}

static const struct pci_device_id ua2r_pci_table[] = {
	{ PCI_DEVICE(0x8086, 0xa0d1) },
	{ }
};

static struct pci_driver ua2r_pci_driver = {
	.name = "ua2r_core",
	.id_table = ua2r_pci_table,
	.probe = ua2r_probe,
	.remove = ua2r_remove,
};

static int ua2r_init(void)
{
	return pci_register_driver(&ua2r_pci_driver);
}
module_init(ua2r_init);

static void ua2r_exit(void)
{
	pci_unregister_driver(&ua2r_pci_driver);
}
module_exit(ua2r_exit);

MODULE_LICENSE("GPL");
