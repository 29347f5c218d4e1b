// SPDX-License-Identifier: GPL-2.0
/*
 * bug_rl2_reg_leak_on_error (RL2): probe creates the registration into a
 * local first and only then allocates the private struct that would hold
 * it. When that allocation fails, probe returns -ENOMEM with the
 * registration still live and referenced by nothing but the dead local.
 * Scenario `faults` (the second fallible call fails): the runtime warns
 * "pci0000:00 unbound with 1 auxiliary device(s) still registered" after
 * the failed probe.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct rl2_vf_info {
	u32 nr_vfs;
};

DEFINE_AUXILIARY_REGDATA_TYPE(rl2_vf_info_type, struct rl2_vf_info);

struct rl2_priv {
	struct auxiliary_registration *reg;
};

static int rl2_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct rl2_vf_info info = { .nr_vfs = 8 };
	struct auxiliary_registration *reg;
	struct rl2_priv *priv;

	reg = auxiliary_registration_new(&pdev->dev, "vfio", 0, KBUILD_MODNAME,
					 &rl2_vf_info_type, &info);
	if (IS_ERR(reg))
		return PTR_ERR(reg);

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;	/* BUG: RL2, reg is neither dropped nor stored. */

	priv->reg = reg;
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void rl2_remove(struct pci_dev *pdev)
{
	struct rl2_priv *priv = pci_get_drvdata(pdev);

	auxiliary_registration_drop(priv->reg);
	kfree(priv);
}

static const struct pci_device_id rl2_pci_table[] = {
	{ PCI_DEVICE(0x19e5, 0x1822) },
	{ }
};

static struct pci_driver rl2_pci_driver = {
	.name = "rl2_core",
	.id_table = rl2_pci_table,
	.probe = rl2_probe,
	.remove = rl2_remove,
};

static int rl2_vfio_probe(struct auxiliary_device *adev,
			  const struct auxiliary_device_id *id)
{
	struct rl2_vf_info *info;

	info = auxiliary_registration_data(adev, &rl2_vf_info_type);
	if (IS_ERR(info))
		return PTR_ERR(info);

	dev_info(&adev->dev, "%u VFs\n", info->nr_vfs);
	return 0;
}

static const struct auxiliary_device_id rl2_vfio_id_table[] = {
	{ .name = KBUILD_MODNAME ".vfio" },
	{ }
};

static struct auxiliary_driver rl2_vfio_driver = {
	.name = "rl2_vfio",
	.probe = rl2_vfio_probe,
	.id_table = rl2_vfio_id_table,
};

static int rl2_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&rl2_vfio_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&rl2_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&rl2_vfio_driver);
	return ret;
}
module_init(rl2_init);

static void rl2_exit(void)
{
	pci_unregister_driver(&rl2_pci_driver);
	auxiliary_driver_unregister(&rl2_vfio_driver);
}
module_exit(rl2_exit);

MODULE_LICENSE("GPL");
