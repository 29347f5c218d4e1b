// SPDX-License-Identifier: GPL-2.0
/*
 * bug_tm5_no_is_err (TM5): the auxiliary driver assumes its device always
 * carries registration data and dereferences the result of
 * auxiliary_registration_data() without IS_ERR(). This parent creates the
 * device through the plain C API (devm_auxiliary_device_create), so the
 * fetch returns ERR_PTR(-ENOENT), as Rust documents for devices registered
 * by C drivers. Scenario `bind`: AddressSanitizer reports a SEGV on the
 * error pointer in tm5_ctl_probe.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct tm5_ctl_info {
	u16 nr_queues;
	u16 flags;
};

DEFINE_AUXILIARY_REGDATA_TYPE(tm5_ctl_info_type, struct tm5_ctl_info);

static int tm5_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct auxiliary_device *adev;

	adev = devm_auxiliary_device_create(&pdev->dev, "ctl", NULL);
	if (!adev)
		return -ENODEV;
	return 0;
}

static const struct pci_device_id tm5_pci_table[] = {
	{ PCI_DEVICE(0x1bad, 0x0005) },
	{ }
};

static struct pci_driver tm5_pci_driver = {
	.name = "tm5_core",
	.id_table = tm5_pci_table,
	.probe = tm5_probe,
};

static int tm5_ctl_probe(struct auxiliary_device *adev,
			 const struct auxiliary_device_id *id)
{
	struct tm5_ctl_info *info;

	info = auxiliary_registration_data(adev, &tm5_ctl_info_type);
	/* BUG: TM5, no IS_ERR(info) before the dereference. */
	dev_info(&adev->dev, "%u queues\n", info->nr_queues);
	return 0;
}

static const struct auxiliary_device_id tm5_ctl_id_table[] = {
	{ .name = KBUILD_MODNAME ".ctl" },
	{ }
};

static struct auxiliary_driver tm5_ctl_driver = {
	.name = "tm5_ctl",
	.probe = tm5_ctl_probe,
	.id_table = tm5_ctl_id_table,
};

static int tm5_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&tm5_ctl_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&tm5_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&tm5_ctl_driver);
	return ret;
}
module_init(tm5_init);

static void tm5_exit(void)
{
	pci_unregister_driver(&tm5_pci_driver);
	auxiliary_driver_unregister(&tm5_ctl_driver);
}
module_exit(tm5_exit);

MODULE_LICENSE("GPL");
