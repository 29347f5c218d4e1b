// SPDX-License-Identifier: GPL-2.0
/*
 * bug_rl3_remove_no_drop (RL3): probe keeps the registration in its
 * driver data, as it should, but .remove only undoes the rest of probe and
 * never drops it (the C version of a Registration field that is never
 * dropped). Scenario `bind`: when the parent unbinds, the runtime warns
 * "pci0000:00 unbound with 1 auxiliary device(s) still registered".
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct rl3_codec_info {
	u32 nr_streams;
};

DEFINE_AUXILIARY_REGDATA_TYPE(rl3_codec_info_type, struct rl3_codec_info);

struct rl3_priv {
	struct auxiliary_registration *codec_reg;
	u32 nr_streams;
};

static int rl3_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct rl3_codec_info info;
	struct rl3_priv *priv;
	int ret;

	ret = pci_enable_device(pdev);
	if (ret)
		return ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv) {
		ret = -ENOMEM;
		goto err_disable;
	}
	priv->nr_streams = 2;

	info.nr_streams = priv->nr_streams;
	priv->codec_reg = auxiliary_registration_new(&pdev->dev, "codec", 0,
						     KBUILD_MODNAME,
						     &rl3_codec_info_type, &info);
	if (IS_ERR(priv->codec_reg)) {
		ret = PTR_ERR(priv->codec_reg);
		goto err_disable;
	}

	pci_set_drvdata(pdev, priv);
	return 0;

err_disable:
	pci_disable_device(pdev);
	return ret;
}

static void rl3_remove(struct pci_dev *pdev)
{
	struct rl3_priv *priv = pci_get_drvdata(pdev);

	/* BUG: RL3, priv->codec_reg is never dropped. */
	dev_dbg(&pdev->dev, "%u streams stopped\n", priv->nr_streams);
	pci_disable_device(pdev);
}

static const struct pci_device_id rl3_pci_table[] = {
	{ PCI_DEVICE(0x8086, 0xa0c8) },
	{ }
};

static struct pci_driver rl3_pci_driver = {
	.name = "rl3_core",
	.id_table = rl3_pci_table,
	.probe = rl3_probe,
	.remove = rl3_remove,
};

static int rl3_codec_probe(struct auxiliary_device *adev,
			   const struct auxiliary_device_id *id)
{
	struct rl3_codec_info *info;

	info = auxiliary_registration_data(adev, &rl3_codec_info_type);
	if (IS_ERR(info))
		return PTR_ERR(info);

	dev_info(&adev->dev, "%u streams\n", info->nr_streams);
	return 0;
}

static const struct auxiliary_device_id rl3_codec_id_table[] = {
	{ .name = KBUILD_MODNAME ".codec" },
	{ }
};

static struct auxiliary_driver rl3_codec_driver = {
	.name = "rl3_codec",
	.probe = rl3_codec_probe,
	.id_table = rl3_codec_id_table,
};

static int rl3_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&rl3_codec_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&rl3_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&rl3_codec_driver);
	return ret;
}
module_init(rl3_init);

static void rl3_exit(void)
{
	pci_unregister_driver(&rl3_pci_driver);
	auxiliary_driver_unregister(&rl3_codec_driver);
}
module_exit(rl3_exit);

MODULE_LICENSE("GPL");
