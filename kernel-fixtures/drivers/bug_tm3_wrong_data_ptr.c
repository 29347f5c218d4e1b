// SPDX-License-Identifier: GPL-2.0
/*
 * bug_tm3_wrong_data_ptr (TM3): the registration is created with the tag of
 * struct tm3_fw_info, but @data is the driver's struct tm3_gpu (the caller
 * meant to pass the tm3_fw_info it had filled in). The runtime copies
 * sizeof(struct tm3_fw_info) bytes out of the smaller tm3_gpu allocation.
 * Scenario `bind`: AddressSanitizer reports a heap-buffer-overflow read
 * under tm3_probe.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct tm3_gpu {
	u32 chipset;
	u32 rev;
};

struct tm3_fw_info {
	struct tm3_gpu *gpu;
	char fw_name[32];
	u32 nr_engines;
};

DEFINE_AUXILIARY_REGDATA_TYPE(tm3_fw_info_type, struct tm3_fw_info);

struct tm3_priv {
	struct tm3_gpu *gpu;
	struct auxiliary_registration *reg;
};

static int tm3_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct tm3_fw_info fw = { .fw_name = "gsp.bin", .nr_engines = 3 };
	struct tm3_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->gpu = kzalloc(sizeof(*priv->gpu), GFP_KERNEL);
	if (!priv->gpu)
		return -ENOMEM;
	priv->gpu->chipset = pdev->device;
	fw.gpu = priv->gpu;
	dev_dbg(&pdev->dev, "firmware %s\n", fw.fw_name);

	/* BUG: TM3, @data is a struct tm3_gpu, the tag says tm3_fw_info. */
	priv->reg = auxiliary_registration_new(&pdev->dev, "fw", 0,
					       KBUILD_MODNAME, &tm3_fw_info_type,
					       priv->gpu);
	if (IS_ERR(priv->reg)) {
		ret = PTR_ERR(priv->reg);
		goto err_free_gpu;
	}

	pci_set_drvdata(pdev, priv);
	return 0;

err_free_gpu:
	kfree(priv->gpu);
	return ret;
}

static void tm3_remove(struct pci_dev *pdev)
{
	struct tm3_priv *priv = pci_get_drvdata(pdev);

	auxiliary_registration_drop(priv->reg);
	kfree(priv->gpu);
}

static const struct pci_device_id tm3_pci_table[] = {
	{ PCI_DEVICE(0x10de, 0x2204) },
	{ }
};

static struct pci_driver tm3_pci_driver = {
	.name = "tm3_core",
	.id_table = tm3_pci_table,
	.probe = tm3_probe,
	.remove = tm3_remove,
};

static int tm3_fw_probe(struct auxiliary_device *adev,
			const struct auxiliary_device_id *id)
{
	struct tm3_fw_info *fw;

	fw = auxiliary_registration_data(adev, &tm3_fw_info_type);
	if (IS_ERR(fw))
		return PTR_ERR(fw);

	dev_info(&adev->dev, "%u engines\n", fw->nr_engines);
	return 0;
}

static const struct auxiliary_device_id tm3_fw_id_table[] = {
	{ .name = KBUILD_MODNAME ".fw" },
	{ }
};

static struct auxiliary_driver tm3_fw_driver = {
	.name = "tm3_fw",
	.probe = tm3_fw_probe,
	.id_table = tm3_fw_id_table,
};

static int tm3_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&tm3_fw_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&tm3_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&tm3_fw_driver);
	return ret;
}
module_init(tm3_init);

static void tm3_exit(void)
{
	pci_unregister_driver(&tm3_pci_driver);
	auxiliary_driver_unregister(&tm3_fw_driver);
}
module_exit(tm3_exit);

MODULE_LICENSE("GPL");
