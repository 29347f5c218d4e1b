// UA5: auxiliary_device_uninit() before auxiliary_device_delete().
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/pci.h>

struct foo {
	struct auxiliary_device one;
	struct auxiliary_device two;
	struct auxiliary_device *adevs[2];
};

void foo_teardown_elsewhere(struct auxiliary_device *adev);

/* ---- positives ---- */

void wrong_order_same_path(struct foo *foo)
{
	if (auxiliary_device_init(&foo->one))
		return;
	if (auxiliary_device_add(&foo->one)) {
		auxiliary_device_uninit(&foo->one);
		return;
	}
	auxiliary_device_uninit(&foo->one);
	auxiliary_device_delete(&foo->one); // expected-warning {{[UA5] auxiliary_device_delete() after auxiliary_device_uninit()}}
}

static void wrong_order_remove(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);

	auxiliary_device_uninit(&foo->one);
	auxiliary_device_delete(&foo->one); // expected-warning {{[UA5]}}
}

static void foo_unplug(struct auxiliary_device *adev)
{
	auxiliary_device_uninit(adev);
	auxiliary_device_delete(adev); // expected-warning {{[UA5]}}
}

void loop_wrong_order(struct foo *foo)
{
	int i;

	for (i = 0; i < 2; i++) {
		auxiliary_device_uninit(foo->adevs[i]);
		auxiliary_device_delete(foo->adevs[i]); // expected-warning {{[UA5]}}
	}
}

void created_device_wrong_order(struct device *parent)
{
	struct auxiliary_device *adev;

	adev = auxiliary_device_create(parent, "mod", "dev", NULL, 0);
	if (!adev)
		return;
	auxiliary_device_uninit(adev);
	auxiliary_device_delete(adev); // expected-warning {{[UA5]}}
}

/* ---- negatives ---- */

static void right_order_remove(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);

	auxiliary_device_delete(&foo->one);
	auxiliary_device_uninit(&foo->one);
}

void right_order_loop(struct foo *foo)
{
	int i;

	for (i = 0; i < 2; i++) {
		auxiliary_device_delete(foo->adevs[i]);
		auxiliary_device_uninit(foo->adevs[i]);
	}
}

void two_devices_interleaved(struct foo *foo)
{
	/* Uninit of one device, then delete of another: not an ordering bug. */
	auxiliary_device_delete(&foo->one);
	auxiliary_device_uninit(&foo->one);
	auxiliary_device_delete(&foo->two);
	auxiliary_device_uninit(&foo->two);
}

void uninit_only_error_path(struct foo *foo)
{
	if (auxiliary_device_init(&foo->one))
		return;
	if (auxiliary_device_add(&foo->one))
		auxiliary_device_uninit(&foo->one);	/* never added: no delete */
}

void teardown_by_helper(struct foo *foo)
{
	if (auxiliary_device_init(&foo->one))
		return;
	if (auxiliary_device_add(&foo->one)) {
		auxiliary_device_uninit(&foo->one);
		return;
	}
	foo_teardown_elsewhere(&foo->one);	/* unknown: may do both */
	auxiliary_device_uninit(&foo->two);
}

static struct pci_driver ua5_drivers[] = {
	{ .name = "a", .remove = wrong_order_remove },
	{ .name = "b", .remove = right_order_remove },
};
