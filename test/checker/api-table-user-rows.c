// The user options add rows to the API table (checker/KboundAPI.def), and a
// row reaches every check that reads the table: a driver's own teardown
// wrapper becomes a put (UA1, UA2), its own creation wrapper a registration
// (RL2 in the path-sensitive model, RL3 across .probe/.remove).
// Without the rows the wrappers are unknown calls: the objects escape and
// nothing is reported.
// RUN: %kbound_cc1 -DKBUILD_MODNAME='"rows"' -verify=none %s
// RUN: %kbound_cc1 -DKBUILD_MODNAME='"rows"' \
// RUN:   -analyzer-config 'kbound:ExtraFunctions=my_adev_put:Put;my_teardown:Put:1' \
// RUN:   -analyzer-config kbound:ExtraCreateFunctions=my_reg_new \
// RUN:   -verify=rows -verify-ignore-unexpected=note %s
// A malformed row is an error that names it, not a silent no-op.
// RUN: not %kbound_cc1 -DKBUILD_MODNAME='"rows"' \
// RUN:   -analyzer-config kbound:ExtraFunctions=my_adev_put:Putt %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD
// BAD: error: kbound:ExtraFunctions: cannot read 'my_adev_put:Putt'
// none-no-diagnostics
#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

/* The driver's wrappers: bodies in another file. */
void my_adev_put(struct auxiliary_device *adev);
struct auxiliary_registration *my_reg_new(struct device *parent, int port);
/* Puts its second argument (row my_teardown:Put:1). */
void my_teardown(void *ctx, struct auxiliary_device *adev);

struct foo_adev {
	struct auxiliary_device adev;
	int port;
};

static void foo_release(struct device *dev)
{
	kfree(container_of(dev, struct foo_adev, adev.dev));
}

int put_then_use(struct device *parent)
{
	struct foo_adev *f = kzalloc(sizeof(*f), GFP_KERNEL);
	int ret;

	if (!f)
		return -ENOMEM;
	f->adev.name = "x";
	f->adev.dev.parent = parent;
	f->adev.dev.release = foo_release;
	ret = auxiliary_device_init(&f->adev);
	if (ret) {
		kfree(f);
		return ret;
	}
	ret = auxiliary_device_add(&f->adev);
	if (ret) {
		my_adev_put(&f->adev);
		f->port = 0; // rows-warning {{[UA1] The structure that embeds the auxiliary device is accessed after auxiliary_device_uninit()}}
		return ret;
	}
	return 0;
}

int put_second_arg_then_use(struct foo_adev *f)
{
	int ret = auxiliary_device_init(&f->adev);

	if (ret)
		return ret;
	my_teardown(NULL, &f->adev);
	return f->adev.id; // rows-warning {{[UA1] Auxiliary device accessed after auxiliary_device_uninit()}}
}

int create_and_leak(struct device *parent)
{
	struct auxiliary_registration *reg = my_reg_new(parent, 1);

	if (IS_ERR(reg))
		return PTR_ERR(reg);
	return 0; // rows-warning {{[RL2] Registration from auxiliary_registration_new() is not dropped on this path}}
}

struct bar_priv {
	struct auxiliary_registration *reg;
};

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct bar_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->reg = my_reg_new(&pdev->dev, 2); // rows-warning {{[RL3] registration stored in 'priv->reg' by .probe 'bar_probe' is never dropped in .remove 'bar_remove'}}
	if (IS_ERR(priv->reg)) {
		kfree(priv);
		return PTR_ERR(priv->reg);
	}
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void bar_remove(struct pci_dev *pdev)
{
	kfree(pci_get_drvdata(pdev));
}

static struct pci_driver bar_driver = {
	.probe = bar_probe,
	.remove = bar_remove,
};
