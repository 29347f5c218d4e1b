// SPDX-License-Identifier: GPL-2.0
/*
 * aux_sample: C port of samples/rust/rust_driver_auxiliary.rs after the seed
 * patch. One module with both drivers: the PCI parent registers two
 * "aux_sample.auxiliary" devices (ids 0 and 1) with a struct aux_sample_data
 * each, keeps both registrations in its driver data and drops them in
 * .remove (Registration<'a, F> is no longer wrapped in Devres). The auxiliary
 * driver reads its registration data and its parent. Correct: scenario `all`
 * runs clean.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

#define AUXILIARY_NAME		"auxiliary"
#define PCI_VENDOR_ID_REDHAT	0x1b36
#define AUX_SAMPLE_NR_DEVS	2

struct aux_sample_data {
	u32 index;
};

DEFINE_AUXILIARY_REGDATA_TYPE(aux_sample_data_type, struct aux_sample_data);

struct aux_sample_parent {
	struct auxiliary_registration *reg[AUX_SAMPLE_NR_DEVS];
};

/* ParentDriver::connect(): look at the parent and at the registration data. */
static int aux_sample_connect(struct auxiliary_device *adev)
{
	struct pci_dev *pdev = to_pci_dev(adev->dev.parent);
	struct aux_sample_data *data;

	data = auxiliary_registration_data(adev, &aux_sample_data_type);
	if (IS_ERR(data))
		return PTR_ERR(data);

	dev_info(&pdev->dev,
		 "Connect auxiliary %u with parent: VendorID=%x, DeviceID=%x, index=%u\n",
		 adev->id, pdev->vendor, pdev->device, data->index);
	return 0;
}

static int aux_sample_aux_probe(struct auxiliary_device *adev,
				const struct auxiliary_device_id *id)
{
	dev_info(&adev->dev,
		 "Probing auxiliary driver for auxiliary device with id=%u\n",
		 adev->id);
	return aux_sample_connect(adev);
}

static const struct auxiliary_device_id aux_sample_aux_table[] = {
	{ .name = KBUILD_MODNAME "." AUXILIARY_NAME },
	{ }
};
MODULE_DEVICE_TABLE(auxiliary, aux_sample_aux_table);

static struct auxiliary_driver aux_sample_aux_driver = {
	.name = "aux_sample_aux",
	.probe = aux_sample_aux_probe,
	.id_table = aux_sample_aux_table,
};

static int aux_sample_pci_probe(struct pci_dev *pdev,
				const struct pci_device_id *id)
{
	struct aux_sample_parent *parent;
	struct aux_sample_data data;
	int i, ret;

	parent = kzalloc(sizeof(*parent), GFP_KERNEL);
	if (!parent)
		return -ENOMEM;

	for (i = 0; i < AUX_SAMPLE_NR_DEVS; i++) {
		data.index = i;
		parent->reg[i] = auxiliary_registration_new(&pdev->dev,
							    AUXILIARY_NAME, i,
							    KBUILD_MODNAME,
							    &aux_sample_data_type,
							    &data);
		if (IS_ERR(parent->reg[i])) {
			ret = PTR_ERR(parent->reg[i]);
			goto err_unwind;
		}
	}

	pci_set_drvdata(pdev, parent);
	return 0;

err_unwind:
	/* Like the `?` in ParentDriver::probe: drop what was registered. */
	while (--i >= 0)
		auxiliary_registration_drop(parent->reg[i]);
	kfree(parent);
	return ret;
}

static void aux_sample_pci_remove(struct pci_dev *pdev)
{
	struct aux_sample_parent *parent = pci_get_drvdata(pdev);
	int i;

	for (i = AUX_SAMPLE_NR_DEVS - 1; i >= 0; i--)
		auxiliary_registration_drop(parent->reg[i]);
	kfree(parent);
}

static const struct pci_device_id aux_sample_pci_table[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_REDHAT, 0x5) },
	{ }
};
MODULE_DEVICE_TABLE(pci, aux_sample_pci_table);

static struct pci_driver aux_sample_pci_driver = {
	.name = "aux_sample_parent",
	.id_table = aux_sample_pci_table,
	.probe = aux_sample_pci_probe,
	.remove = aux_sample_pci_remove,
};

static int aux_sample_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&aux_sample_aux_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&aux_sample_pci_driver);
	if (ret)
		goto err_aux;
	return 0;

err_aux:
	auxiliary_driver_unregister(&aux_sample_aux_driver);
	return ret;
}
module_init(aux_sample_init);

static void aux_sample_exit(void)
{
	pci_unregister_driver(&aux_sample_pci_driver);
	auxiliary_driver_unregister(&aux_sample_aux_driver);
}
module_exit(aux_sample_exit);

MODULE_DESCRIPTION("Auxiliary bus sample (C port of rust_driver_auxiliary)");
MODULE_LICENSE("GPL");
