// SPDX-License-Identifier: GPL-2.0
/*
 * bug_ua2_kfree_after_init (UA2): the shape of the pds_core bug fixed by
 * "pds_core: Fix possible double free in error handling path". The goto
 * ladder falls through from the uninit label into the kfree label, so when
 * auxiliary_device_add() fails the container is kfree()d although
 * auxiliary_device_init() succeeded and the release callback already freed
 * it. Scenario `faults` (the failure injected into __auxiliary_device_add):
 * AddressSanitizer reports attempting double-free in ua2_adev_register.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct ua2_adev {
	struct auxiliary_device adev;
	struct pci_dev *vf_pdev;
};

static void ua2_adev_release(struct device *dev)
{
	struct ua2_adev *padev = container_of(dev, struct ua2_adev, adev.dev);

	kfree(padev);
}

static struct ua2_adev *ua2_adev_register(struct pci_dev *pdev,
					  const char *name)
{
	struct auxiliary_device *adev;
	struct ua2_adev *padev;
	int err;

	padev = kzalloc(sizeof(*padev), GFP_KERNEL);
	if (!padev)
		return ERR_PTR(-ENOMEM);

	padev->vf_pdev = pdev;
	adev = &padev->adev;
	adev->name = name;
	adev->id = 0;
	adev->dev.parent = &pdev->dev;
	adev->dev.release = ua2_adev_release;

	err = auxiliary_device_init(adev);
	if (err)
		goto err_out;

	err = auxiliary_device_add(adev);
	if (err)
		goto err_out_uninit;

	return padev;

err_out_uninit:
	auxiliary_device_uninit(adev);
err_out:
	kfree(padev);	/* BUG: UA2, reached after a successful init. */
	return ERR_PTR(err);
}

static int ua2_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ua2_adev *padev;

	padev = ua2_adev_register(pdev, "vdpa");
	if (IS_ERR(padev))
		return PTR_ERR(padev);

	pci_set_drvdata(pdev, padev);
	return 0;
}

static void ua2_remove(struct pci_dev *pdev)
{
	struct ua2_adev *padev = pci_get_drvdata(pdev);

	auxiliary_device_delete(&padev->adev);
	auxiliary_device_uninit(&padev->adev);
}

static const struct pci_device_id ua2_pci_table[] = {
	{ PCI_DEVICE(0x1dd8, 0x1004) },
	{ }
};

static struct pci_driver ua2_pci_driver = {
	.name = "ua2_core",
	.id_table = ua2_pci_table,
	.probe = ua2_probe,
	.remove = ua2_remove,
};

static int ua2_vdpa_probe(struct auxiliary_device *adev,
			  const struct auxiliary_device_id *id)
{
	struct ua2_adev *padev = container_of(adev, struct ua2_adev, adev);

	dev_info(&adev->dev, "vdpa on %s\n", dev_name(&padev->vf_pdev->dev));
	return 0;
}

static const struct auxiliary_device_id ua2_vdpa_id_table[] = {
	{ .name = KBUILD_MODNAME ".vdpa" },
	{ }
};

static struct auxiliary_driver ua2_vdpa_driver = {
	.name = "ua2_vdpa",
	.probe = ua2_vdpa_probe,
	.id_table = ua2_vdpa_id_table,
};

static int ua2_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&ua2_vdpa_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&ua2_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&ua2_vdpa_driver);
	return ret;
}
module_init(ua2_init);

static void ua2_exit(void)
{
	pci_unregister_driver(&ua2_pci_driver);
	auxiliary_driver_unregister(&ua2_vdpa_driver);
}
module_exit(ua2_exit);

MODULE_LICENSE("GPL");
