// SPDX-License-Identifier: GPL-2.0
/*
 * bug_ua6_devm_drop_by_hand (UA6): probe creates the registration with
 * devm_auxiliary_registration_new(), so devres drops it when the parent
 * unbinds, but .remove (written for the non-devm variant) also drops it by
 * hand. Scenario `bind`: the runtime warns "devm-managed registration ...
 * dropped by hand", then "registration dropped twice" when devres runs.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct ua6_hwmon_info {
	u32 nr_sensors;
};

DEFINE_AUXILIARY_REGDATA_TYPE(ua6_hwmon_info_type, struct ua6_hwmon_info);

struct ua6_priv {
	struct auxiliary_registration *hwmon_reg;
};

static int ua6_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ua6_hwmon_info info = { .nr_sensors = 3 };
	struct ua6_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->hwmon_reg = devm_auxiliary_registration_new(&pdev->dev, "hwmon",
							  0, KBUILD_MODNAME,
							  &ua6_hwmon_info_type,
							  &info);
	if (IS_ERR(priv->hwmon_reg))
		return PTR_ERR(priv->hwmon_reg);

	pci_set_drvdata(pdev, priv);
	return 0;
}

static void ua6_remove(struct pci_dev *pdev)
{
	struct ua6_priv *priv = pci_get_drvdata(pdev);

	/* BUG: UA6, devres drops this registration after .remove. */
	auxiliary_registration_drop(priv->hwmon_reg);
}

static const struct pci_device_id ua6_pci_table[] = {
	{ PCI_DEVICE(0x1022, 0x1649) },
	{ }
};

static struct pci_driver ua6_pci_driver = {
	.name = "ua6_core",
	.id_table = ua6_pci_table,
	.probe = ua6_probe,
	.remove = ua6_remove,
};

static int ua6_hwmon_probe(struct auxiliary_device *adev,
			   const struct auxiliary_device_id *id)
{
	struct ua6_hwmon_info *info;

	info = auxiliary_registration_data(adev, &ua6_hwmon_info_type);
	if (IS_ERR(info))
		return PTR_ERR(info);

	dev_info(&adev->dev, "%u sensors\n", info->nr_sensors);
	return 0;
}

static const struct auxiliary_device_id ua6_hwmon_id_table[] = {
	{ .name = KBUILD_MODNAME ".hwmon" },
	{ }
};

static struct auxiliary_driver ua6_hwmon_driver = {
	.name = "ua6_hwmon",
	.probe = ua6_hwmon_probe,
	.id_table = ua6_hwmon_id_table,
};

static int ua6_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&ua6_hwmon_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&ua6_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&ua6_hwmon_driver);
	return ret;
}
module_init(ua6_init);

static void ua6_exit(void)
{
	pci_unregister_driver(&ua6_pci_driver);
	auxiliary_driver_unregister(&ua6_hwmon_driver);
}
module_exit(ua6_exit);

MODULE_LICENSE("GPL");
