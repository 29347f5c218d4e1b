// SPDX-License-Identifier: GPL-2.0
/*
 * bug_tm1_wrong_tag_fetch (TM1): the driver has two look-alike data types,
 * one per generation of its PTP block. Probe registers the clock with the
 * v2 tag, then reads its own registration data back (to fill in the field
 * that is only known once the device is named) with the v1 tag. The fetch
 * returns ERR_PTR(-EINVAL), the error path drops the registration and probe
 * fails. Scenario `bind`: "probe of pci0000:00 by tm1_core failed: -22
 * (EINVAL)".
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct tm1_ptp_v1 {
	u32 period_ns;
	u32 dev_id;
};

struct tm1_ptp_v2 {
	u32 period_ns;
	u32 dev_id;
	u32 nr_pins;
};

DEFINE_AUXILIARY_REGDATA_TYPE(tm1_ptp_v1_type, struct tm1_ptp_v1);
DEFINE_AUXILIARY_REGDATA_TYPE(tm1_ptp_v2_type, struct tm1_ptp_v2);

struct tm1_priv {
	struct auxiliary_registration *reg;
};

static int tm1_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct tm1_ptp_v2 clock = { .period_ns = 8, .nr_pins = 4 };
	struct tm1_ptp_v1 *live;
	struct tm1_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->reg = auxiliary_registration_new(&pdev->dev, "ptp", 0,
					       KBUILD_MODNAME, &tm1_ptp_v2_type,
					       &clock);
	if (IS_ERR(priv->reg))
		return PTR_ERR(priv->reg);

	/* BUG: TM1, created with tm1_ptp_v2_type, fetched with v1. */
	live = auxiliary_registration_data(auxiliary_registration_device(priv->reg),
					   &tm1_ptp_v1_type);
	if (IS_ERR(live)) {
		ret = PTR_ERR(live);
		goto err_drop;
	}
	live->dev_id = auxiliary_registration_device(priv->reg)->id;

	pci_set_drvdata(pdev, priv);
	return 0;

err_drop:
	auxiliary_registration_drop(priv->reg);
	return ret;
}

static void tm1_remove(struct pci_dev *pdev)
{
	struct tm1_priv *priv = pci_get_drvdata(pdev);

	auxiliary_registration_drop(priv->reg);
}

static const struct pci_device_id tm1_pci_table[] = {
	{ PCI_DEVICE(0x8086, 0x188a) },
	{ }
};

static struct pci_driver tm1_pci_driver = {
	.name = "tm1_core",
	.id_table = tm1_pci_table,
	.probe = tm1_probe,
	.remove = tm1_remove,
};

static int tm1_ptp_probe(struct auxiliary_device *adev,
			 const struct auxiliary_device_id *id)
{
	struct tm1_ptp_v2 *clock;

	clock = auxiliary_registration_data(adev, &tm1_ptp_v2_type);
	if (IS_ERR(clock))
		return PTR_ERR(clock);

	dev_info(&adev->dev, "period %u ns, %u pins\n", clock->period_ns,
		 clock->nr_pins);
	return 0;
}

static const struct auxiliary_device_id tm1_ptp_id_table[] = {
	{ .name = KBUILD_MODNAME ".ptp" },
	{ }
};

static struct auxiliary_driver tm1_ptp_driver = {
	.name = "tm1_ptp",
	.probe = tm1_ptp_probe,
	.id_table = tm1_ptp_id_table,
};

static int tm1_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&tm1_ptp_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&tm1_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&tm1_ptp_driver);
	return ret;
}
module_init(tm1_init);

static void tm1_exit(void)
{
	pci_unregister_driver(&tm1_pci_driver);
	auxiliary_driver_unregister(&tm1_ptp_driver);
}
module_exit(tm1_exit);

MODULE_LICENSE("GPL");
