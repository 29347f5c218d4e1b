// SPDX-License-Identifier: GPL-2.0
/*
 * bug_tm4_as_other_type (TM4): the parent registers its "port"
 * devices with a struct tm4_ctrl_info and the auxiliary driver fetches with
 * that same tag, but assigns the result to a struct tm4_port_cfg pointer (a
 * larger type from the same driver) and reads ->mtu past the end of the
 * data. Scenario `bind`: AddressSanitizer reports a heap-buffer-overflow
 * read in tm4_port_probe.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct tm4_ctrl_info {
	u32 nr_ports;
	u32 flags;
};

struct tm4_port_cfg {
	u32 nr_ports;
	u32 flags;
	u32 mtu;
	u32 speed;
};

DEFINE_AUXILIARY_REGDATA_TYPE(tm4_ctrl_info_type, struct tm4_ctrl_info);

static int tm4_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct tm4_ctrl_info info = { .nr_ports = 2, .flags = 1 };
	struct auxiliary_registration *reg;

	reg = devm_auxiliary_registration_new(&pdev->dev, "port", 0,
					      KBUILD_MODNAME,
					      &tm4_ctrl_info_type, &info);
	return PTR_ERR_OR_ZERO(reg);
}

static const struct pci_device_id tm4_pci_table[] = {
	{ PCI_DEVICE(0x1bad, 0x0004) },
	{ }
};

static struct pci_driver tm4_pci_driver = {
	.name = "tm4_core",
	.id_table = tm4_pci_table,
	.probe = tm4_probe,
};

static int tm4_port_probe(struct auxiliary_device *adev,
			  const struct auxiliary_device_id *id)
{
	struct tm4_port_cfg *cfg;

	/* BUG: TM4, the data is a struct tm4_ctrl_info, not tm4_port_cfg. */
	cfg = auxiliary_registration_data(adev, &tm4_ctrl_info_type);
	if (IS_ERR(cfg))
		return PTR_ERR(cfg);

	dev_info(&adev->dev, "%u ports, mtu %u\n", cfg->nr_ports, cfg->mtu);
	return 0;
}

static const struct auxiliary_device_id tm4_port_id_table[] = {
	{ .name = KBUILD_MODNAME ".port" },
	{ }
};

static struct auxiliary_driver tm4_port_driver = {
	.name = "tm4_port",
	.probe = tm4_port_probe,
	.id_table = tm4_port_id_table,
};

static int tm4_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&tm4_port_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&tm4_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&tm4_port_driver);
	return ret;
}
module_init(tm4_init);

static void tm4_exit(void)
{
	pci_unregister_driver(&tm4_pci_driver);
	auxiliary_driver_unregister(&tm4_port_driver);
}
module_exit(tm4_exit);

MODULE_LICENSE("GPL");
