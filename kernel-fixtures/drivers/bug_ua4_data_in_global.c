// SPDX-License-Identifier: GPL-2.0
/*
 * bug_ua4_data_in_global (UA4): the auxiliary driver caches the pointer from
 * auxiliary_registration_data() in a file-scope variable, "for the stats
 * dump", and nothing clears it when the device goes away. The registration
 * data is freed when the parent drops the registration; the module exit
 * dumps the stats through the stale pointer. Scenario `bind`:
 * AddressSanitizer reports a heap-use-after-free in ua4_exit.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct ua4_link_info {
	u32 speed;
	u32 lanes;
};

DEFINE_AUXILIARY_REGDATA_TYPE(ua4_link_info_type, struct ua4_link_info);

static struct ua4_link_info *ua4_last_link;

static int ua4_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ua4_link_info info = { .speed = 25000, .lanes = 4 };
	struct auxiliary_registration *reg;

	reg = devm_auxiliary_registration_new(&pdev->dev, "link", 0,
					      KBUILD_MODNAME,
					      &ua4_link_info_type, &info);
	return PTR_ERR_OR_ZERO(reg);
}

static const struct pci_device_id ua4_pci_table[] = {
	{ PCI_DEVICE(0x1bad, 0x0404) },
	{ }
};

static struct pci_driver ua4_pci_driver = {
	.name = "ua4_core",
	.id_table = ua4_pci_table,
	.probe = ua4_probe,
};

static int ua4_link_probe(struct auxiliary_device *adev,
			  const struct auxiliary_device_id *id)
{
	struct ua4_link_info *link;

	link = auxiliary_registration_data(adev, &ua4_link_info_type);
	if (IS_ERR(link))
		return PTR_ERR(link);

	/* BUG: UA4, the pointer outlives this binding. */
	ua4_last_link = link;
	dev_info(&adev->dev, "link %u Mb/s x%u\n", link->speed, link->lanes);
	return 0;
}

static const struct auxiliary_device_id ua4_link_id_table[] = {
	{ .name = KBUILD_MODNAME ".link" },
	{ }
};

static struct auxiliary_driver ua4_link_driver = {
	.name = "ua4_link",
	.probe = ua4_link_probe,
	.id_table = ua4_link_id_table,
};

static int ua4_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&ua4_link_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&ua4_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&ua4_link_driver);
	return ret;
}
module_init(ua4_init);

static void ua4_exit(void)
{
	pci_unregister_driver(&ua4_pci_driver);
	auxiliary_driver_unregister(&ua4_link_driver);
	if (ua4_last_link)
		pr_info("ua4: last link ran at %u Mb/s\n", ua4_last_link->speed);
}
module_exit(ua4_exit);

MODULE_LICENSE("GPL");
