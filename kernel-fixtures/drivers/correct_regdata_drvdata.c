// SPDX-License-Identifier: GPL-2.0
/*
 * correct_regdata_drvdata: the registration-data API with data that borrows
 * the parent's memory (a pointer to its struct regdd_engine, like
 * NovaCore<'bound> borrowing the gpu). The registration lives in the parent's
 * driver data; a failure after it was created drops it; .remove drops it
 * before freeing what it borrows. The auxiliary driver fetches the data with
 * the tag it was created with and checks IS_ERR. Correct: scenario `all`
 * runs clean.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct regdd_engine {
	u32 nr_queues;
	u32 busy;
};

/* What the auxiliary driver gets: a borrow of the parent's engine. */
struct regdd_info {
	struct regdd_engine *engine;
	u32 port;
};

DEFINE_AUXILIARY_REGDATA_TYPE(regdd_info_type, struct regdd_info);

struct regdd_priv {
	struct regdd_engine *engine;
	struct auxiliary_registration *reg;
	u32 *stats;
};

static int regdd_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct regdd_info info = { };
	struct regdd_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->engine = kzalloc(sizeof(*priv->engine), GFP_KERNEL);
	if (!priv->engine)
		return -ENOMEM;
	priv->engine->nr_queues = 8;

	info.engine = priv->engine;
	info.port = 0;
	priv->reg = auxiliary_registration_new(&pdev->dev, "rdma", 0,
					       KBUILD_MODNAME, &regdd_info_type,
					       &info);
	if (IS_ERR(priv->reg)) {
		ret = PTR_ERR(priv->reg);
		goto err_free_engine;
	}

	priv->stats = kcalloc(priv->engine->nr_queues, sizeof(u32), GFP_KERNEL);
	if (!priv->stats) {
		ret = -ENOMEM;
		goto err_drop;
	}

	pci_set_drvdata(pdev, priv);
	return 0;

err_drop:
	auxiliary_registration_drop(priv->reg);
err_free_engine:
	kfree(priv->engine);
	return ret;
}

static void regdd_remove(struct pci_dev *pdev)
{
	struct regdd_priv *priv = pci_get_drvdata(pdev);

	/* Unbinds the auxiliary driver while the engine is still alive. */
	auxiliary_registration_drop(priv->reg);
	kfree(priv->stats);
	kfree(priv->engine);
}

static const struct pci_device_id regdd_pci_table[] = {
	{ PCI_DEVICE(0x15b3, 0x101d) },
	{ }
};

static struct pci_driver regdd_pci_driver = {
	.name = "regdd_core",
	.id_table = regdd_pci_table,
	.probe = regdd_probe,
	.remove = regdd_remove,
};

static int regdd_rdma_probe(struct auxiliary_device *adev,
			    const struct auxiliary_device_id *id)
{
	struct regdd_info *info;

	info = auxiliary_registration_data(adev, &regdd_info_type);
	if (IS_ERR(info))
		return PTR_ERR(info);

	info->engine->busy++;
	dev_info(&adev->dev, "port %u: %u queues\n", info->port,
		 info->engine->nr_queues);
	return 0;
}

static void regdd_rdma_remove(struct auxiliary_device *adev)
{
	struct regdd_info *info;

	info = auxiliary_registration_data(adev, &regdd_info_type);
	if (IS_ERR(info))
		return;

	/* Still valid: the parent drops the registration before the engine. */
	info->engine->busy--;
}

static const struct auxiliary_device_id regdd_rdma_id_table[] = {
	{ .name = KBUILD_MODNAME ".rdma" },
	{ }
};

static struct auxiliary_driver regdd_rdma_driver = {
	.name = "regdd_rdma",
	.probe = regdd_rdma_probe,
	.remove = regdd_rdma_remove,
	.id_table = regdd_rdma_id_table,
};

static int regdd_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&regdd_rdma_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&regdd_pci_driver);
	if (ret)
		goto err_unreg_aux;
	return 0;

err_unreg_aux:
	auxiliary_driver_unregister(&regdd_rdma_driver);
	return ret;
}
module_init(regdd_init);

static void regdd_exit(void)
{
	pci_unregister_driver(&regdd_pci_driver);
	auxiliary_driver_unregister(&regdd_rdma_driver);
}
module_exit(regdd_exit);

MODULE_LICENSE("GPL");
