// SPDX-License-Identifier: GPL-2.0
/*
 * bug_tm2_container_mismatch (TM2), parent side: cm_parent embeds its
 * "cm_parent.eth" auxiliary device in struct cm_parent_adev, the container
 * type an auxiliary driver must container_of() back to. This file is
 * correct on its own; the bug is in cm_eth.c.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct cm_parent_adev {
	struct auxiliary_device adev;
	u32 nr_queues;
};

static void cm_parent_adev_release(struct device *dev)
{
	kfree(container_of(dev, struct cm_parent_adev, adev.dev));
}

static void cm_parent_adev_unregister(void *data)
{
	struct auxiliary_device *adev = data;

	auxiliary_device_delete(adev);
	auxiliary_device_uninit(adev);
}

static int cm_parent_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct cm_parent_adev *cadev;
	int ret;

	cadev = kzalloc(sizeof(*cadev), GFP_KERNEL);
	if (!cadev)
		return -ENOMEM;

	cadev->nr_queues = 8;
	cadev->adev.name = "eth";
	cadev->adev.id = 0;
	cadev->adev.dev.parent = &pdev->dev;
	cadev->adev.dev.release = cm_parent_adev_release;

	ret = auxiliary_device_init(&cadev->adev);
	if (ret) {
		kfree(cadev);
		return ret;
	}

	ret = auxiliary_device_add(&cadev->adev);
	if (ret) {
		auxiliary_device_uninit(&cadev->adev);
		return ret;
	}

	return devm_add_action_or_reset(&pdev->dev, cm_parent_adev_unregister,
					&cadev->adev);
}

static const struct pci_device_id cm_parent_pci_table[] = {
	{ PCI_DEVICE(0x1924, 0x0c03) },
	{ }
};

static struct pci_driver cm_parent_pci_driver = {
	.name = "cm_parent",
	.id_table = cm_parent_pci_table,
	.probe = cm_parent_probe,
};
module_pci_driver(cm_parent_pci_driver);

MODULE_LICENSE("GPL");
