// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: C port of drivers/gpu/nova-core/driver.rs after "rust: auxiliary:
 * generalize Registration over ForLt" (the seed). The PCI driver owns a
 * struct gpu; its registration data borrows that gpu, so the registration is
 * stored in the driver data and dropped in .remove before the gpu is freed,
 * which is what Rust's Drop order of NovaCore<'bound> guarantees. Correct:
 * scenario `all` runs clean.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

#include "nova_core.h"

#define PCI_VENDOR_ID_NVIDIA	0x10de

DEFINE_AUXILIARY_REGDATA_TYPE(nova_core_regdata_type, struct nova_core_regdata);

/* AUXILIARY_ID_COUNTER: every bind gets a fresh auxiliary device id. */
static u32 nova_aux_id_counter;

struct nova_core {
	struct gpu gpu;
	struct auxiliary_registration *reg;
};

static void gpu_init(struct gpu *gpu, struct pci_dev *pdev)
{
	gpu->chipset = pdev->device;
	gpu->nr_engines = 4;
	gpu->bound = true;
}

static void gpu_unbind(struct gpu *gpu)
{
	gpu->bound = false;
}

static int nova_core_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct nova_core_regdata data;
	struct nova_core *nova;
	int ret;

	dev_dbg(&pdev->dev, "Probe Nova Core GPU driver.\n");

	ret = pci_enable_device(pdev);
	if (ret)
		return ret;

	nova = kzalloc(sizeof(*nova), GFP_KERNEL);
	if (!nova) {
		ret = -ENOMEM;
		goto err_disable;
	}
	gpu_init(&nova->gpu, pdev);

	data.gpu = &nova->gpu;
	nova->reg = auxiliary_registration_new(&pdev->dev, NOVA_DRM_DEVNAME,
					       nova_aux_id_counter++,
					       KBUILD_MODNAME,
					       &nova_core_regdata_type, &data);
	if (IS_ERR(nova->reg)) {
		ret = PTR_ERR(nova->reg);
		goto err_free;
	}

	pci_set_drvdata(pdev, nova);
	return 0;

err_free:
	kfree(nova);
err_disable:
	pci_disable_device(pdev);
	return ret;
}

static void nova_core_remove(struct pci_dev *pdev)
{
	struct nova_core *nova = pci_get_drvdata(pdev);

	gpu_unbind(&nova->gpu);
	/* The registration data borrows nova->gpu: drop it first. */
	auxiliary_registration_drop(nova->reg);
	kfree(nova);
	pci_disable_device(pdev);
}

static const struct pci_device_id nova_core_pci_table[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_NVIDIA, 0x2684) },
	{ }
};
MODULE_DEVICE_TABLE(pci, nova_core_pci_table);

static struct pci_driver nova_core_pci_driver = {
	.name = "NovaCore",
	.id_table = nova_core_pci_table,
	.probe = nova_core_probe,
	.remove = nova_core_remove,
};
module_pci_driver(nova_core_pci_driver);

MODULE_DESCRIPTION("Nova Core GPU driver (C port of the Rust sample)");
MODULE_LICENSE("GPL");
