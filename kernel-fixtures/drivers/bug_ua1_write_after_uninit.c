// SPDX-License-Identifier: GPL-2.0
/*
 * bug_ua1_write_after_uninit (UA1): the shape of the pds_core bug fixed by
 * "pds_core: remove write-after-free of client_id". Teardown deletes and
 * uninits the device in the right order, then clears a field of the
 * container that the release callback has just freed. Scenario `bind`:
 * AddressSanitizer reports a heap-use-after-free write in ua1_remove.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct ua1_adev {
	struct auxiliary_device adev;
	u16 client_id;
};

struct ua1_priv {
	struct ua1_adev *padev;
};

static void ua1_adev_release(struct device *dev)
{
	kfree(container_of(dev, struct ua1_adev, adev.dev));
}

static int ua1_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ua1_priv *priv;
	struct ua1_adev *padev;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	padev = kzalloc(sizeof(*padev), GFP_KERNEL);
	if (!padev)
		return -ENOMEM;

	padev->client_id = 7;
	padev->adev.name = "vnet";
	padev->adev.id = 0;
	padev->adev.dev.parent = &pdev->dev;
	padev->adev.dev.release = ua1_adev_release;

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

static void ua1_remove(struct pci_dev *pdev)
{
	struct ua1_priv *priv = pci_get_drvdata(pdev);
	struct ua1_adev *padev = priv->padev;

	auxiliary_device_delete(&padev->adev);
	auxiliary_device_uninit(&padev->adev);
	padev->client_id = 0;	/* BUG: UA1, padev was freed by the uninit. */
	priv->padev = NULL;
}

static const struct pci_device_id ua1_pci_table[] = {
	{ PCI_DEVICE(0x1dd8, 0x1003) },
	{ }
};

static struct pci_driver ua1_pci_driver = {
	.name = "ua1_core",
	.id_table = ua1_pci_table,
	.probe = ua1_probe,
	.remove = ua1_remove,
};

static int ua1_vnet_probe(struct auxiliary_device *adev,
			  const struct auxiliary_device_id *id)
{
	struct ua1_adev *padev = container_of(adev, struct ua1_adev, adev);

	dev_info(&adev->dev, "client %u\n", padev->client_id);
	return 0;
}

static const struct auxiliary_device_id ua1_vnet_id_table[] = {
	{ .name = KBUILD_MODNAME ".vnet" },
	{ }
};

static struct auxiliary_driver ua1_vnet_driver = {
	.name = "ua1_vnet",
	.probe = ua1_vnet_probe,
	.id_table = ua1_vnet_id_table,
};

static int ua1_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&ua1_vnet_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&ua1_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&ua1_vnet_driver);
	return ret;
}
module_init(ua1_init);

static void ua1_exit(void)
{
	pci_unregister_driver(&ua1_pci_driver);
	auxiliary_driver_unregister(&ua1_vnet_driver);
}
module_exit(ua1_exit);

MODULE_LICENSE("GPL");
