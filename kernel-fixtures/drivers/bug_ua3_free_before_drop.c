// SPDX-License-Identifier: GPL-2.0
/*
 * bug_ua3_free_before_drop (UA3): the registration data borrows the
 * parent's struct ua3_engine (like NovaCore<'bound> borrowing the gpu), and
 * .remove frees the engine before dropping the registration. The drop
 * unbinds the auxiliary driver, whose .remove still uses the engine through
 * its registration data. Scenario `bind`: AddressSanitizer reports a
 * heap-use-after-free in ua3_rdma_remove, the memory freed in ua3_remove.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct ua3_engine {
	u32 nr_queues;
	u32 users;
};

struct ua3_rdma_info {
	struct ua3_engine *engine;
};

DEFINE_AUXILIARY_REGDATA_TYPE(ua3_rdma_info_type, struct ua3_rdma_info);

struct ua3_priv {
	struct ua3_engine *engine;
	struct auxiliary_registration *reg;
};

static int ua3_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ua3_rdma_info info;
	struct ua3_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->engine = kzalloc(sizeof(*priv->engine), GFP_KERNEL);
	if (!priv->engine)
		return -ENOMEM;
	priv->engine->nr_queues = 4;

	info.engine = priv->engine;
	priv->reg = auxiliary_registration_new(&pdev->dev, "rdma", 0,
					       KBUILD_MODNAME,
					       &ua3_rdma_info_type, &info);
	if (IS_ERR(priv->reg)) {
		ret = PTR_ERR(priv->reg);
		goto err_free_engine;
	}

	pci_set_drvdata(pdev, priv);
	return 0;

err_free_engine:
	kfree(priv->engine);
	return ret;
}

static void ua3_remove(struct pci_dev *pdev)
{
	struct ua3_priv *priv = pci_get_drvdata(pdev);

	/* BUG: UA3, the live registration data still points at the engine. */
	kfree(priv->engine);
	auxiliary_registration_drop(priv->reg);
}

static const struct pci_device_id ua3_pci_table[] = {
	{ PCI_DEVICE(0x15b3, 0x1021) },
	{ }
};

static struct pci_driver ua3_pci_driver = {
	.name = "ua3_core",
	.id_table = ua3_pci_table,
	.probe = ua3_probe,
	.remove = ua3_remove,
};

static int ua3_rdma_probe(struct auxiliary_device *adev,
			  const struct auxiliary_device_id *id)
{
	struct ua3_rdma_info *info;

	info = auxiliary_registration_data(adev, &ua3_rdma_info_type);
	if (IS_ERR(info))
		return PTR_ERR(info);

	info->engine->users++;
	return 0;
}

static void ua3_rdma_remove(struct auxiliary_device *adev)
{
	struct ua3_rdma_info *info;

	info = auxiliary_registration_data(adev, &ua3_rdma_info_type);
	if (IS_ERR(info))
		return;

	info->engine->users--;
}

static const struct auxiliary_device_id ua3_rdma_id_table[] = {
	{ .name = KBUILD_MODNAME ".rdma" },
	{ }
};

static struct auxiliary_driver ua3_rdma_driver = {
	.name = "ua3_rdma",
	.probe = ua3_rdma_probe,
	.remove = ua3_rdma_remove,
	.id_table = ua3_rdma_id_table,
};

static int ua3_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&ua3_rdma_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&ua3_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&ua3_rdma_driver);
	return ret;
}
module_init(ua3_init);

static void ua3_exit(void)
{
	pci_unregister_driver(&ua3_pci_driver);
	auxiliary_driver_unregister(&ua3_rdma_driver);
}
module_exit(ua3_exit);

MODULE_LICENSE("GPL");
