// SPDX-License-Identifier: GPL-2.0
/*
 * correct_platform_alloc: an MFD-style PCI parent that creates a platform
 * child with platform_device_alloc() + platform_device_add_data() +
 * platform_device_add(). Once allocated, the device belongs to its refcount:
 * every failure path drops it with platform_device_put() (whose release frees
 * the copied platform data too), and .remove unregisters it. The platform
 * driver binds by name and reads its platform data. Clean in every scenario.
 */
#include <linux/platform_device.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct cpa_codec_pdata {
	u32 rate;
	u32 channels;
};

struct cpa_priv {
	struct platform_device *codec;
};

static int cpa_codec_create(struct cpa_priv *priv, struct pci_dev *pdev)
{
	struct cpa_codec_pdata pdata = { .rate = 48000, .channels = 2 };
	struct platform_device *codec;
	int ret;

	codec = platform_device_alloc("cpa-codec", 0);
	if (!codec)
		return -ENOMEM;

	codec->dev.parent = &pdev->dev;
	ret = platform_device_add_data(codec, &pdata, sizeof(pdata));
	if (ret)
		goto err_put;

	ret = platform_device_add(codec);
	if (ret)
		goto err_put;

	priv->codec = codec;
	return 0;

err_put:
	platform_device_put(codec);
	return ret;
}

static int cpa_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct cpa_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	pci_set_drvdata(pdev, priv);
	return cpa_codec_create(priv, pdev);
}

static void cpa_remove(struct pci_dev *pdev)
{
	struct cpa_priv *priv = pci_get_drvdata(pdev);

	platform_device_unregister(priv->codec);
}

static const struct pci_device_id cpa_pci_table[] = {
	{ PCI_DEVICE(0x8086, 0xa0c8) },
	{ }
};

static struct pci_driver cpa_pci_driver = {
	.name = "cpa_core",
	.id_table = cpa_pci_table,
	.probe = cpa_probe,
	.remove = cpa_remove,
};

static int cpa_codec_probe(struct platform_device *pdev)
{
	struct cpa_codec_pdata *pdata = pdev->dev.platform_data;

	if (!pdata)
		return -EINVAL;
	dev_info(&pdev->dev, "codec %u Hz, %u channels\n", pdata->rate,
		 pdata->channels);
	return 0;
}

static struct platform_driver cpa_codec_driver = {
	.probe = cpa_codec_probe,
	.driver = {
		.name = "cpa-codec",
	},
};

static int cpa_init(void)
{
	int ret;

	ret = platform_driver_register(&cpa_codec_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&cpa_pci_driver);
	if (ret)
		platform_driver_unregister(&cpa_codec_driver);
	return ret;
}
module_init(cpa_init);

static void cpa_exit(void)
{
	pci_unregister_driver(&cpa_pci_driver);
	platform_driver_unregister(&cpa_codec_driver);
}
module_exit(cpa_exit);

MODULE_LICENSE("GPL");
