// SPDX-License-Identifier: GPL-2.0
/* Bus matching: PCI by vendor/device with PCI_ANY_ID wildcards, auxiliary by
 * "modname.devname" against the device name up to its last '.'. */
#define KBUILD_MODNAME "matchmod"
#include <string.h>
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include "ktest.h"

static int pci_probed, aux_probed, aux_removed;
static unsigned long last_aux_data;

static int t_pci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	pci_probed++;
	return 0;
}

static const struct pci_device_id t_pci_ids[] = {
	{ PCI_DEVICE(0x1234, 0x0001) },
	{ PCI_DEVICE(0x8086, PCI_ANY_ID) },
	{ }
};

static struct pci_driver t_pci = {
	.name = "t_pci",
	.id_table = t_pci_ids,
	.probe = t_pci_probe,
};

static int t_aux_probe(struct auxiliary_device *adev,
		       const struct auxiliary_device_id *id)
{
	aux_probed++;
	last_aux_data = id->driver_data;
	return 0;
}

static void t_aux_remove(struct auxiliary_device *adev)
{
	aux_removed++;
}

static const struct auxiliary_device_id t_aux_ids[] = {
	{ .name = "matchmod.ctl", .driver_data = 1 },
	{ .name = "matchmod.eth.sub", .driver_data = 2 },
	{ }
};

static struct auxiliary_driver t_aux = {
	.name = "t_aux",
	.probe = t_aux_probe,
	.remove = t_aux_remove,
	.id_table = t_aux_ids,
};

static void pci_release(struct device *dev)
{
}

static bool pci_binds(u16 vendor, u16 device)
{
	static struct pci_dev pdev;
	bool bound;

	memset(&pdev, 0, sizeof(pdev));
	pdev.vendor = vendor;
	pdev.device = device;
	pdev.dev.bus = &pci_bus_type;
	pdev.dev.init_name = "pci-test";
	pdev.dev.release = pci_release;
	device_initialize(&pdev.dev);
	KT_EQ(device_add(&pdev.dev), 0);
	bound = pdev.dev.driver == &t_pci.driver;
	device_del(&pdev.dev);
	put_device(&pdev.dev);
	return bound;
}

static void test_pci_match(void)
{
	KT_EQ(pci_register_driver(&t_pci), 0);
	KT_CHECK(pci_binds(0x1234, 0x0001));
	KT_CHECK(!pci_binds(0x1234, 0x0002));
	KT_CHECK(pci_binds(0x8086, 0x7777));
	KT_CHECK(!pci_binds(0x10de, 0x0001));
	KT_EQ(pci_probed, 2);
	pci_unregister_driver(&t_pci);
}

static bool aux_binds(struct device *parent, const char *modname,
		      const char *name, int id)
{
	struct auxiliary_device *adev =
		auxiliary_device_create(parent, modname, name, NULL, id);
	bool bound;

	KT_CHECK(adev != NULL);
	if (!adev)
		return false;
	bound = adev->dev.driver == &t_aux.driver;
	auxiliary_device_destroy(adev);
	return bound;
}

static void test_aux_match(void)
{
	static struct device parent;

	parent.init_name = "parent";
	parent.release = pci_release;
	device_initialize(&parent);
	KT_EQ(auxiliary_driver_register(&t_aux), 0);
	KT_CHECK(!strcmp(t_aux.driver.name, "matchmod.t_aux"));
	KT_CHECK(aux_binds(&parent, "matchmod", "ctl", 0));
	KT_EQ(last_aux_data, 1);
	KT_CHECK(aux_binds(&parent, "matchmod", "ctl", 7));
	/* Only the part before the last '.' is the match name. */
	KT_CHECK(aux_binds(&parent, "matchmod", "eth.sub", 3));
	KT_EQ(last_aux_data, 2);
	KT_CHECK(!aux_binds(&parent, "matchmod", "eth", 3));
	KT_CHECK(!aux_binds(&parent, "othermod", "ctl", 0));
	KT_CHECK(!aux_binds(&parent, "matchmod", "ctlx", 0));
	KT_EQ(aux_probed, 3);
	KT_EQ(aux_removed, 3);
	KT_EQ(parent.nr_children, 0);
	KT_EQ(parent.kref, 1);
	auxiliary_driver_unregister(&t_aux);
	put_device(&parent);
}

/* A driver registered after its device binds it at registration. */
static void test_late_driver(void)
{
	static struct device parent;
	struct auxiliary_device *adev;

	parent.init_name = "parent2";
	parent.release = pci_release;
	device_initialize(&parent);
	aux_probed = aux_removed = 0;
	adev = auxiliary_device_create(&parent, "matchmod", "ctl", NULL, 1);
	KT_CHECK(adev && !adev->dev.driver);
	if (!adev)
		return;
	KT_EQ(auxiliary_driver_register(&t_aux), 0);
	KT_EQ(aux_probed, 1);
	KT_CHECK(adev->dev.driver == &t_aux.driver);
	/* Unregistering the driver unbinds, the device stays. */
	auxiliary_driver_unregister(&t_aux);
	KT_EQ(aux_removed, 1);
	KT_CHECK(adev->dev.added && !adev->dev.driver);
	KT_EQ(kbound_bus_driver_count(&auxiliary_bus_type), 0);
	auxiliary_device_destroy(adev);
	KT_EQ(kbound_bus_device_count(&auxiliary_bus_type), 0);
	put_device(&parent);
	KT_EQ(kbound_warning_count(), 0);
}

int main(void)
{
	KT_RUN(test_pci_match);
	KT_RUN(test_aux_match);
	KT_RUN(test_late_driver);
	return kt_done("match");
}
