// SPDX-License-Identifier: GPL-2.0
/*
 * bug_rl4_add_fail_no_uninit (RL4): auxiliary_device_init() succeeded, then
 * auxiliary_device_add() fails and the error path frees the platform data
 * and returns without auxiliary_device_uninit(): the initialized device and
 * its container are never released. Scenario `faults` (the failure injected
 * into __auxiliary_device_add): LeakSanitizer reports the container
 * allocated in rl4_adev_register as a detected memory leak.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct rl4_pdata {
	u32 irq_base;
};

struct rl4_adev {
	struct auxiliary_device adev;
	struct rl4_pdata *pdata;
};

struct rl4_priv {
	struct rl4_adev *radev;
};

static void rl4_adev_release(struct device *dev)
{
	struct rl4_adev *radev = container_of(dev, struct rl4_adev, adev.dev);

	kfree(radev->pdata);
	kfree(radev);
}

static int rl4_adev_register(struct rl4_priv *priv, struct pci_dev *pdev)
{
	struct rl4_adev *radev;
	struct rl4_pdata *pdata;
	int ret;

	pdata = kzalloc(sizeof(*pdata), GFP_KERNEL);
	if (!pdata)
		return -ENOMEM;
	pdata->irq_base = 32;

	radev = kzalloc(sizeof(*radev), GFP_KERNEL);
	if (!radev) {
		kfree(pdata);
		return -ENOMEM;
	}

	radev->pdata = pdata;
	radev->adev.name = "dsp";
	radev->adev.id = 0;
	radev->adev.dev.parent = &pdev->dev;
	radev->adev.dev.release = rl4_adev_release;
	radev->adev.dev.platform_data = pdata;

	ret = auxiliary_device_init(&radev->adev);
	if (ret) {
		kfree(pdata);
		kfree(radev);
		return ret;
	}

	ret = auxiliary_device_add(&radev->adev);
	if (ret) {
		/* BUG: RL4, returns without auxiliary_device_uninit(). */
		kfree(pdata);
		return ret;
	}

	priv->radev = radev;
	return 0;
}

static int rl4_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct rl4_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	pci_set_drvdata(pdev, priv);
	return rl4_adev_register(priv, pdev);
}

static void rl4_remove(struct pci_dev *pdev)
{
	struct rl4_priv *priv = pci_get_drvdata(pdev);

	auxiliary_device_delete(&priv->radev->adev);
	auxiliary_device_uninit(&priv->radev->adev);
}

static const struct pci_device_id rl4_pci_table[] = {
	{ PCI_DEVICE(0x8086, 0x51c8) },
	{ }
};

static struct pci_driver rl4_pci_driver = {
	.name = "rl4_core",
	.id_table = rl4_pci_table,
	.probe = rl4_probe,
	.remove = rl4_remove,
};

static int rl4_dsp_probe(struct auxiliary_device *adev,
			 const struct auxiliary_device_id *id)
{
	struct rl4_pdata *pdata = adev->dev.platform_data;

	dev_info(&adev->dev, "dsp irq base %u\n", pdata->irq_base);
	return 0;
}

static const struct auxiliary_device_id rl4_dsp_id_table[] = {
	{ .name = KBUILD_MODNAME ".dsp" },
	{ }
};

static struct auxiliary_driver rl4_dsp_driver = {
	.name = "rl4_dsp",
	.probe = rl4_dsp_probe,
	.id_table = rl4_dsp_id_table,
};

static int rl4_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&rl4_dsp_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&rl4_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&rl4_dsp_driver);
	return ret;
}
module_init(rl4_init);

static void rl4_exit(void)
{
	pci_unregister_driver(&rl4_pci_driver);
	auxiliary_driver_unregister(&rl4_dsp_driver);
}
module_exit(rl4_exit);

MODULE_LICENSE("GPL");
