// SPDX-License-Identifier: GPL-2.0
/*
 * bug_rl5_missing_delete (RL5): the auxiliary device is initialized and
 * added correctly, but .remove tears it down with auxiliary_device_uninit()
 * alone: auxiliary_device_delete() is missing, so the device is still on the
 * bus (and its driver still bound) when its last reference goes. Scenario
 * `bind`: the runtime warns "device released while still registered"; the
 * freed device is then still on the auxiliary bus.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct rl5_adev {
	struct auxiliary_device adev;
	u32 nr_ports;
};

struct rl5_priv {
	struct rl5_adev *radev;
};

static void rl5_adev_release(struct device *dev)
{
	kfree(container_of(dev, struct rl5_adev, adev.dev));
}

static int rl5_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct rl5_priv *priv;
	struct rl5_adev *radev;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	radev = kzalloc(sizeof(*radev), GFP_KERNEL);
	if (!radev)
		return -ENOMEM;

	radev->nr_ports = 2;
	radev->adev.name = "roce";
	radev->adev.id = 0;
	radev->adev.dev.parent = &pdev->dev;
	radev->adev.dev.release = rl5_adev_release;

	ret = auxiliary_device_init(&radev->adev);
	if (ret) {
		kfree(radev);
		return ret;
	}

	ret = auxiliary_device_add(&radev->adev);
	if (ret) {
		auxiliary_device_uninit(&radev->adev);
		return ret;
	}

	priv->radev = radev;
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void rl5_remove(struct pci_dev *pdev)
{
	struct rl5_priv *priv = pci_get_drvdata(pdev);

	/* BUG: RL5, no auxiliary_device_delete() before the uninit. */
	auxiliary_device_uninit(&priv->radev->adev);
	priv->radev = NULL;
}

static const struct pci_device_id rl5_pci_table[] = {
	{ PCI_DEVICE(0x1077, 0x8070) },
	{ }
};

static struct pci_driver rl5_pci_driver = {
	.name = "rl5_core",
	.id_table = rl5_pci_table,
	.probe = rl5_probe,
	.remove = rl5_remove,
};

static int rl5_roce_probe(struct auxiliary_device *adev,
			  const struct auxiliary_device_id *id)
{
	struct rl5_adev *radev = container_of(adev, struct rl5_adev, adev);

	dev_info(&adev->dev, "%u RoCE ports\n", radev->nr_ports);
	return 0;
}

static const struct auxiliary_device_id rl5_roce_id_table[] = {
	{ .name = KBUILD_MODNAME ".roce" },
	{ }
};

static struct auxiliary_driver rl5_roce_driver = {
	.name = "rl5_roce",
	.probe = rl5_roce_probe,
	.id_table = rl5_roce_id_table,
};

static int rl5_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&rl5_roce_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&rl5_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&rl5_roce_driver);
	return ret;
}
module_init(rl5_init);

static void rl5_exit(void)
{
	pci_unregister_driver(&rl5_pci_driver);
	auxiliary_driver_unregister(&rl5_roce_driver);
}
module_exit(rl5_exit);

MODULE_LICENSE("GPL");
