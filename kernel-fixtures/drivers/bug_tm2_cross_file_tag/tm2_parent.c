// SPDX-License-Identifier: GPL-2.0
/*
 * bug_tm2_cross_file_tag (TM2), parent side: tm2_parent registers
 * "tm2_parent.ctrl" with registration data of type struct tm2_ctrl_info and
 * its tag. This file is correct on its own; the bug is in tm2_aux.c, whose
 * driver matches "tm2_parent.ctrl" but fetches with another tag.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct tm2_ctrl_info {
	u32 nr_queues;
	u32 fw_version;
};

DEFINE_AUXILIARY_REGDATA_TYPE(tm2_ctrl_info_type, struct tm2_ctrl_info);

static int tm2_parent_probe(struct pci_dev *pdev,
			    const struct pci_device_id *id)
{
	struct tm2_ctrl_info info = { .nr_queues = 16, .fw_version = 0x20301 };
	struct auxiliary_registration *reg;

	reg = devm_auxiliary_registration_new(&pdev->dev, "ctrl", 0,
					      KBUILD_MODNAME,
					      &tm2_ctrl_info_type, &info);
	return PTR_ERR_OR_ZERO(reg);
}

static const struct pci_device_id tm2_parent_pci_table[] = {
	{ PCI_DEVICE(0x1924, 0x0b03) },
	{ }
};

static struct pci_driver tm2_parent_pci_driver = {
	.name = "tm2_parent",
	.id_table = tm2_parent_pci_table,
	.probe = tm2_parent_probe,
};
module_pci_driver(tm2_parent_pci_driver);

MODULE_LICENSE("GPL");
