// UA6: a devm-managed registration (or devm-created device) torn down by hand.
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/pci.h>

struct foo_data {
	int irq;
};
DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo_data);

struct foo {
	struct auxiliary_registration *devm_reg;	/* devm only */
	struct auxiliary_registration *reg;		/* plain only */
	struct auxiliary_registration *either;		/* both: ambiguous */
	struct auxiliary_device *devm_adev;
};

/* ---- positives ---- */

int drop_devm_same_path(struct device *parent, struct foo_data *d, int fail)
{
	struct auxiliary_registration *reg;

	reg = devm_auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag,
					      d);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	if (fail) {
		auxiliary_registration_drop(reg); // expected-warning {{[UA6] auxiliary_registration_drop() on a registration from devm_auxiliary_registration_new()}}
		return -EIO;
	}
	return 0;
}

int probe(struct pci_dev *pdev, struct foo *foo, struct foo_data *d, int x)
{
	foo->devm_reg = devm_auxiliary_registration_new(&pdev->dev, "a", 0, "m",
							&foo_tag, d);
	if (IS_ERR(foo->devm_reg))
		return PTR_ERR(foo->devm_reg);
	foo->reg = auxiliary_registration_new(&pdev->dev, "b", 0, "m", &foo_tag,
					      d);
	if (IS_ERR(foo->reg))
		return PTR_ERR(foo->reg);
	if (x)
		foo->either = devm_auxiliary_registration_new(&pdev->dev, "c", 0,
							      "m", &foo_tag, d);
	else
		foo->either = auxiliary_registration_new(&pdev->dev, "c", 0, "m",
							 &foo_tag, d);
	foo->devm_adev = devm_auxiliary_device_create(&pdev->dev, "e", NULL);
	return 0;
}

static void remove_drops_devm(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);

	auxiliary_registration_drop(foo->devm_reg); // expected-warning {{[UA6] auxiliary_registration_drop() on a registration stored from devm_auxiliary_registration_new()}}
}

static void remove_destroys_devm_device(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);

	auxiliary_device_destroy(foo->devm_adev); // expected-warning {{[UA6]}}
}

void destroy_devm_same_path(struct device *parent)
{
	struct auxiliary_device *adev;

	adev = devm_auxiliary_device_create(parent, "x", NULL);
	if (!adev)
		return;
	auxiliary_device_destroy(adev); // expected-warning {{[UA6] auxiliary_device_destroy() on a device from devm_auxiliary_device_create()}}
}

/* ---- negatives ---- */

static void remove_drops_plain(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);

	auxiliary_registration_drop(foo->reg);
}

static void remove_drops_ambiguous(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);

	/* The field holds either kind: unknown here, so no report. */
	auxiliary_registration_drop(foo->either);
}

int devm_left_alone(struct device *parent, struct foo_data *d)
{
	struct auxiliary_registration *reg;

	reg = devm_auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag,
					      d);
	return PTR_ERR_OR_ZERO(reg);
}

void plain_created_destroyed(struct device *parent)
{
	struct auxiliary_device *adev;

	adev = auxiliary_device_create(parent, "mod", "x", NULL, 0);
	if (adev)
		auxiliary_device_destroy(adev);
}

int plain_dropped(struct device *parent, struct foo_data *d)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(parent, "foo", 0, "mod", &foo_tag, d);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	auxiliary_registration_drop(reg);
	return 0;
}

static struct pci_driver ua6_drivers[] = {
	{ .name = "a", .remove = remove_drops_devm },
	{ .name = "b", .remove = remove_destroys_devm_device },
	{ .name = "c", .remove = remove_drops_plain },
	{ .name = "d", .remove = remove_drops_ambiguous },
};
