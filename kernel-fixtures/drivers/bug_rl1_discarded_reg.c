// SPDX-License-Identifier: GPL-2.0
/*
 * bug_rl1_discarded_reg (RL1): probe calls
 * auxiliary_registration_new() as if it were fire-and-forget and throws the
 * handle away, so nothing can ever drop the registration: the auxiliary
 * device outlives its parent's binding (mem::forget of a Registration, which
 * new_with_lt forbids). Scenario `bind`: when the parent unbinds, the runtime
 * warns "pci0000:00 unbound with 1 auxiliary device(s) still registered".
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct rl1_phy_info {
	u32 nr_lanes;
};

DEFINE_AUXILIARY_REGDATA_TYPE(rl1_phy_info_type, struct rl1_phy_info);

static int rl1_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct rl1_phy_info info = { .nr_lanes = 4 };
	int ret;

	ret = pci_enable_device(pdev);
	if (ret)
		return ret;

	/* BUG: RL1, the registration handle is discarded. */
	auxiliary_registration_new(&pdev->dev, "phy", 0, KBUILD_MODNAME,
				   &rl1_phy_info_type, &info);
	return 0;
}

static void rl1_remove(struct pci_dev *pdev)
{
	pci_disable_device(pdev);
}

static const struct pci_device_id rl1_pci_table[] = {
	{ PCI_DEVICE(0x14e4, 0x1750) },
	{ }
};

static struct pci_driver rl1_pci_driver = {
	.name = "rl1_core",
	.id_table = rl1_pci_table,
	.probe = rl1_probe,
	.remove = rl1_remove,
};

static int rl1_phy_probe(struct auxiliary_device *adev,
			 const struct auxiliary_device_id *id)
{
	struct rl1_phy_info *info;

	info = auxiliary_registration_data(adev, &rl1_phy_info_type);
	if (IS_ERR(info))
		return PTR_ERR(info);

	dev_info(&adev->dev, "%u lanes\n", info->nr_lanes);
	return 0;
}

static const struct auxiliary_device_id rl1_phy_id_table[] = {
	{ .name = KBUILD_MODNAME ".phy" },
	{ }
};

static struct auxiliary_driver rl1_phy_driver = {
	.name = "rl1_phy",
	.probe = rl1_phy_probe,
	.id_table = rl1_phy_id_table,
};

static int rl1_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&rl1_phy_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&rl1_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&rl1_phy_driver);
	return ret;
}
module_init(rl1_init);

static void rl1_exit(void)
{
	pci_unregister_driver(&rl1_pci_driver);
	auxiliary_driver_unregister(&rl1_phy_driver);
}
module_exit(rl1_exit);

MODULE_LICENSE("GPL");
