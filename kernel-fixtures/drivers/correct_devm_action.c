// SPDX-License-Identifier: GPL-2.0
/*
 * correct_devm_action: init + add by hand, then teardown handed to devres
 * with devm_add_action_or_reset(), the pattern of drm/xe and sound/soc/sof.
 * If adding the action fails, the _or_reset variant runs the unregister
 * action at once, so probe must not touch the device afterwards. The
 * auxiliary driver uses container_of() into the type the parent embedded.
 * Correct: scenario `all` runs clean.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct dact_adev {
	struct auxiliary_device adev;
	u32 nr_tiles;
};

static void dact_adev_release(struct device *dev)
{
	struct dact_adev *dadev =
		container_of(dev, struct dact_adev, adev.dev);

	kfree(dadev);
}

static void dact_adev_unregister(void *data)
{
	struct auxiliary_device *adev = data;

	auxiliary_device_delete(adev);
	auxiliary_device_uninit(adev);
}

static int dact_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct dact_adev *dadev;
	struct auxiliary_device *adev;
	int ret;

	dadev = kzalloc(sizeof(*dadev), GFP_KERNEL);
	if (!dadev)
		return -ENOMEM;

	dadev->nr_tiles = 2;
	adev = &dadev->adev;
	adev->name = "mei-gsc";
	adev->id = 0;
	adev->dev.parent = &pdev->dev;
	adev->dev.release = dact_adev_release;

	ret = auxiliary_device_init(adev);
	if (ret) {
		kfree(dadev);
		return ret;
	}

	ret = auxiliary_device_add(adev);
	if (ret) {
		auxiliary_device_uninit(adev);
		return ret;
	}

	return devm_add_action_or_reset(&pdev->dev, dact_adev_unregister, adev);
}

static const struct pci_device_id dact_pci_table[] = {
	{ PCI_DEVICE(0x8086, 0x56a0) },
	{ }
};

static struct pci_driver dact_pci_driver = {
	.name = "dact_gpu",
	.id_table = dact_pci_table,
	.probe = dact_probe,
};

static int dact_gsc_probe(struct auxiliary_device *adev,
			  const struct auxiliary_device_id *id)
{
	struct dact_adev *dadev = container_of(adev, struct dact_adev, adev);

	dev_info(&adev->dev, "gsc on %u tiles\n", dadev->nr_tiles);
	return 0;
}

static const struct auxiliary_device_id dact_gsc_id_table[] = {
	{ .name = KBUILD_MODNAME ".mei-gsc" },
	{ }
};

static struct auxiliary_driver dact_gsc_driver = {
	.name = "dact_gsc",
	.probe = dact_gsc_probe,
	.id_table = dact_gsc_id_table,
};

static int dact_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&dact_gsc_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&dact_pci_driver);
	if (ret)
		goto err_unreg_aux;
	return 0;

err_unreg_aux:
	auxiliary_driver_unregister(&dact_gsc_driver);
	return ret;
}
module_init(dact_init);

static void dact_exit(void)
{
	pci_unregister_driver(&dact_pci_driver);
	auxiliary_driver_unregister(&dact_gsc_driver);
}
module_exit(dact_exit);

MODULE_LICENSE("GPL");
