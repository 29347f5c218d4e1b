// SPDX-License-Identifier: GPL-2.0
/*
 * bug_ua5_uninit_before_delete (UA5): teardown calls the two halves of the
 * unregistration in the wrong order. auxiliary_device_uninit() drops the
 * last reference while the device is still registered, so its release
 * callback frees the container, and auxiliary_device_delete() then works on
 * freed memory. Scenario `bind`: the runtime warns "device released while
 * still registered", then AddressSanitizer reports a heap-use-after-free
 * under ua5_remove.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct ua5_adev {
	struct auxiliary_device adev;
	u32 nr_links;
};

struct ua5_priv {
	struct ua5_adev *padev;
};

static void ua5_adev_release(struct device *dev)
{
	kfree(container_of(dev, struct ua5_adev, adev.dev));
}

static int ua5_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ua5_priv *priv;
	struct ua5_adev *padev;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	padev = kzalloc(sizeof(*padev), GFP_KERNEL);
	if (!padev)
		return -ENOMEM;

	padev->nr_links = 2;
	padev->adev.name = "sw";
	padev->adev.id = 0;
	padev->adev.dev.parent = &pdev->dev;
	padev->adev.dev.release = ua5_adev_release;

	ret = auxiliary_device_init(&padev->adev);
	if (ret) {
		kfree(padev);
		return ret;
	}

	ret = auxiliary_device_add(&padev->adev);
	if (ret) {
		auxiliary_device_uninit(&padev->adev);
		return ret;
	}

	priv->padev = padev;
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void ua5_remove(struct pci_dev *pdev)
{
	struct ua5_priv *priv = pci_get_drvdata(pdev);

	/* BUG: UA5, uninit must come after delete. */
	auxiliary_device_uninit(&priv->padev->adev);
	auxiliary_device_delete(&priv->padev->adev);
}

static const struct pci_device_id ua5_pci_table[] = {
	{ PCI_DEVICE(0x8086, 0x7e28) },
	{ }
};

static struct pci_driver ua5_pci_driver = {
	.name = "ua5_core",
	.id_table = ua5_pci_table,
	.probe = ua5_probe,
	.remove = ua5_remove,
};

static int ua5_sdw_probe(struct auxiliary_device *adev,
			 const struct auxiliary_device_id *id)
{
	struct ua5_adev *padev = container_of(adev, struct ua5_adev, adev);

	dev_info(&adev->dev, "%u SoundWire links\n", padev->nr_links);
	return 0;
}

static const struct auxiliary_device_id ua5_sdw_id_table[] = {
	{ .name = KBUILD_MODNAME ".sw" },
	{ }
};

static struct auxiliary_driver ua5_sdw_driver = {
	.name = "ua5_sdw",
	.probe = ua5_sdw_probe,
	.id_table = ua5_sdw_id_table,
};

static int ua5_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&ua5_sdw_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&ua5_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&ua5_sdw_driver);
	return ret;
}
module_init(ua5_init);

static void ua5_exit(void)
{
	pci_unregister_driver(&ua5_pci_driver);
	auxiliary_driver_unregister(&ua5_sdw_driver);
}
module_exit(ua5_exit);

MODULE_LICENSE("GPL");
