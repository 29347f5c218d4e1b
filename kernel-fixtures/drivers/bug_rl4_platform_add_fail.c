// SPDX-License-Identifier: GPL-2.0
/*
 * bug_rl4_platform_add_fail (RL4): platform_device_alloc() returned an
 * initialized device, then platform_device_add() fails and the error path
 * returns without platform_device_put(): the device, its name and the copied
 * platform data are never released. Scenario `faults` (the failure injected
 * into platform_device_add): LeakSanitizer reports the platform device
 * allocated under rl4p_codec_create as a detected memory leak.
 */
#include <linux/platform_device.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct rl4p_codec_pdata {
	u32 rate;
	u32 channels;
};

struct rl4p_priv {
	struct platform_device *codec;
};

static int rl4p_codec_create(struct rl4p_priv *priv, struct pci_dev *pdev)
{
	struct rl4p_codec_pdata pdata = { .rate = 48000, .channels = 2 };
	struct platform_device *codec;
	int ret;

	codec = platform_device_alloc("rl4p-codec", 0);
	if (!codec)
		return -ENOMEM;

	codec->dev.parent = &pdev->dev;
	ret = platform_device_add_data(codec, &pdata, sizeof(pdata));
	if (ret)
		goto err_put;

	ret = platform_device_add(codec);
	if (ret)
		return ret;	/* BUG: RL4, no platform_device_put(). */

	priv->codec = codec;
	return 0;

err_put:
	platform_device_put(codec);
	return ret;
}

static int rl4p_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct rl4p_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	pci_set_drvdata(pdev, priv);
	return rl4p_codec_create(priv, pdev);
}

static void rl4p_remove(struct pci_dev *pdev)
{
	struct rl4p_priv *priv = pci_get_drvdata(pdev);

	platform_device_unregister(priv->codec);
}

static const struct pci_device_id rl4p_pci_table[] = {
	{ PCI_DEVICE(0x8086, 0xa0c9) },
	{ }
};

static struct pci_driver rl4p_pci_driver = {
	.name = "rl4p_core",
	.id_table = rl4p_pci_table,
	.probe = rl4p_probe,
	.remove = rl4p_remove,
};

static int rl4p_codec_probe(struct platform_device *pdev)
{
	struct rl4p_codec_pdata *pdata = pdev->dev.platform_data;

	if (!pdata)
		return -EINVAL;
	dev_info(&pdev->dev, "codec %u Hz, %u channels\n", pdata->rate,
		 pdata->channels);
	return 0;
}

static struct platform_driver rl4p_codec_driver = {
	.probe = rl4p_codec_probe,
	.driver = {
		.name = "rl4p-codec",
	},
};

static int rl4p_init(void)
{
	int ret;

	ret = platform_driver_register(&rl4p_codec_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&rl4p_pci_driver);
	if (ret)
		platform_driver_unregister(&rl4p_codec_driver);
	return ret;
}
module_init(rl4p_init);

static void rl4p_exit(void)
{
	pci_unregister_driver(&rl4p_pci_driver);
	platform_driver_unregister(&rl4p_codec_driver);
}
module_exit(rl4p_exit);

MODULE_LICENSE("GPL");
