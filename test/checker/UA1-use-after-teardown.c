// UA1: a registration, its data or an auxiliary device used after
// auxiliary_registration_drop() / auxiliary_device_uninit(); double drop,
// double uninit.
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct foo_data {
	int irq;
};
DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo_data);

/* Embedded device; the release callback frees the whole container. */
struct foo_adev {
	struct auxiliary_device adev;
	int client_id;
};

/* Embedded in devm memory; the release callback frees nothing. */
struct bar {
	struct auxiliary_device adev;
	int state;
};

struct foo {
	struct foo_adev *fadev;
	struct bar *bar;
	struct auxiliary_registration *reg;
	struct auxiliary_device one;
};

static void foo_adev_release(struct device *dev)
{
	kfree(container_of(dev, struct foo_adev, adev.dev));
}

static void bar_release(struct device *dev)
{
}

void foo_setup(struct foo_adev *fadev)
{
	fadev->adev.dev.release = foo_adev_release;
}

void bar_setup(struct bar *bar)
{
	bar->adev.dev.release = bar_release;
}

/* ---- positives ---- */

void write_after_uninit(struct foo *foo)
{
	if (auxiliary_device_init(&foo->one))
		return;
	auxiliary_device_uninit(&foo->one);
	foo->one.id = 0; // expected-warning {{[UA1] Auxiliary device accessed after auxiliary_device_uninit()}}
}

void double_uninit(struct foo *foo)
{
	if (auxiliary_device_init(&foo->one))
		return;
	auxiliary_device_uninit(&foo->one);
	auxiliary_device_uninit(&foo->one); // expected-warning {{[UA1] auxiliary_device_uninit() called twice}}
}

void add_after_uninit(struct foo *foo)
{
	if (auxiliary_device_init(&foo->one))
		return;
	auxiliary_device_uninit(&foo->one);
	auxiliary_device_add(&foo->one); // expected-warning {{[UA1] __auxiliary_device_add() on an auxiliary device after auxiliary_device_uninit()}}
}

static void container_write_remove(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);
	struct foo_adev *fadev = foo->fadev;

	auxiliary_device_delete(&fadev->adev);
	auxiliary_device_uninit(&fadev->adev);
	fadev->client_id = 0; // expected-warning {{[UA1] The structure that embeds the auxiliary device is accessed after auxiliary_device_uninit()}}
}

int data_after_drop(struct device *parent, struct foo_data *d)
{
	struct auxiliary_registration *reg;
	struct foo_data *data;

	reg = auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	data = auxiliary_registration_data(auxiliary_registration_device(reg),
					   &foo_tag);
	if (IS_ERR(data)) {
		auxiliary_registration_drop(reg);
		return PTR_ERR(data);
	}
	auxiliary_registration_drop(reg);
	return data->irq; // expected-warning {{[UA1] Registration data (or its device) used after auxiliary_registration_drop()}}
}

void double_drop_remove(struct foo *foo)
{
	auxiliary_registration_drop(foo->reg);
	auxiliary_registration_drop(foo->reg); // expected-warning {{[UA1] Registration dropped twice}}
}

struct auxiliary_device *device_after_drop(struct foo *foo)
{
	auxiliary_registration_drop(foo->reg);
	return auxiliary_registration_device(foo->reg); // expected-warning {{[UA1] auxiliary_registration_device() on a registration (or its device) after auxiliary_registration_drop()}}
}

static void data_after_drop_remove(struct foo *foo)
{
	struct foo_data *data;

	data = auxiliary_registration_data(auxiliary_registration_device(foo->reg),
					   &foo_tag);
	auxiliary_registration_drop(foo->reg);
	if (!IS_ERR(data))
		data->irq = 0; // expected-warning {{[UA1] Registration data (or its device) used after auxiliary_registration_drop()}}
}

/* ---- negatives ---- */

static void data_before_drop_remove(struct foo *foo)
{
	struct foo_data *data;

	data = auxiliary_registration_data(auxiliary_registration_device(foo->reg),
					   &foo_tag);
	if (!IS_ERR(data))
		data->irq = 0;
	auxiliary_registration_drop(foo->reg);
}

void use_then_teardown(struct foo *foo)
{
	if (auxiliary_device_init(&foo->one))
		return;
	if (auxiliary_device_add(&foo->one)) {
		auxiliary_device_uninit(&foo->one);
		return;
	}
	foo->one.id = 1;	/* before the teardown: fine */
	auxiliary_device_delete(&foo->one);
	auxiliary_device_uninit(&foo->one);
}

static void clear_pointer_remove(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);

	auxiliary_device_delete(&foo->fadev->adev);
	auxiliary_device_uninit(&foo->fadev->adev);
	foo->fadev = NULL;	/* the parent's pointer, not the freed memory */
}

static void devm_container_remove(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);
	struct bar *bar = foo->bar;

	auxiliary_device_delete(&bar->adev);
	auxiliary_device_uninit(&bar->adev);
	bar->state = 0;	/* bar_release frees nothing: bar is devm memory */
}

int data_before_drop(struct device *parent, struct foo_data *d)
{
	struct auxiliary_registration *reg;
	struct foo_data *data;
	int irq;

	reg = auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	data = auxiliary_registration_data(auxiliary_registration_device(reg),
					   &foo_tag);
	irq = IS_ERR(data) ? -1 : data->irq;
	auxiliary_registration_drop(reg);
	return irq;
}

void drop_once_remove(struct foo *foo)
{
	auxiliary_registration_drop(foo->reg);
	foo->reg = NULL;
}

void reinit_after_failed_init(struct foo *foo)
{
	/* A failed init owes nothing and frees nothing. */
	if (auxiliary_device_init(&foo->one) == 0) {
		auxiliary_device_uninit(&foo->one);
		return;
	}
	foo->one.id = 2;
}

static struct pci_driver ua1_drivers[] = {
	{ .name = "a", .remove = container_write_remove },
	{ .name = "b", .remove = clear_pointer_remove },
	{ .name = "c", .remove = devm_container_remove },
};
