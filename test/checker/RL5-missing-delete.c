// RL5: an added auxiliary device torn down without auxiliary_device_delete().
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct foo {
	struct device *dev;
	struct auxiliary_device one;
	struct auxiliary_device two;
	struct auxiliary_device *created;
};

int foo_hw_check(struct device *dev);
void foo_del_all(struct foo *foo);

/* ---- positives ---- */

int later_failure_uninits_only(struct foo *foo)
{
	int ret;

	ret = auxiliary_device_init(&foo->one);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&foo->one);
	if (ret)
		goto err_uninit;
	ret = foo_hw_check(foo->dev);
	if (ret)
		goto err_uninit;	/* should have been err_delete */
	return 0;
err_uninit:
	auxiliary_device_uninit(&foo->one);
	return ret; // expected-warning {{[RL5] Added auxiliary device torn down with auxiliary_device_uninit() but never auxiliary_device_delete()}}
}

int second_add_fails(struct foo *foo)
{
	int ret;

	ret = auxiliary_device_init(&foo->one);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&foo->one);
	if (ret)
		goto err_uninit_one;
	ret = auxiliary_device_init(&foo->two);
	if (ret)
		goto err_uninit_one;	/* one is added: needs delete too */
	ret = auxiliary_device_add(&foo->two);
	if (ret) {
		auxiliary_device_uninit(&foo->two);
		goto err_del_one;
	}
	return 0;
err_del_one:
	auxiliary_device_delete(&foo->one);
err_uninit_one:
	auxiliary_device_uninit(&foo->one);
	return ret; // expected-warning {{[RL5]}}
}

void created_then_uninit(struct device *parent)
{
	struct auxiliary_device *adev;

	adev = auxiliary_device_create(parent, "mod", "dev", NULL, 0);
	if (!adev)
		return;
	auxiliary_device_uninit(adev);	/* should be auxiliary_device_destroy */
} // expected-warning {{[RL5]}}

static void rl5_remove(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);

	auxiliary_device_uninit(&foo->one);
} // expected-warning {{[RL5]}}

static struct pci_driver rl5_driver = {
	.name = "rl5",
	.remove = rl5_remove,
};

/* ---- negatives ---- */

int goto_ladder(struct foo *foo)
{
	int ret;

	ret = auxiliary_device_init(&foo->one);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&foo->one);
	if (ret)
		goto err_uninit;
	ret = foo_hw_check(foo->dev);
	if (ret)
		goto err_delete;
	return 0;
err_delete:
	auxiliary_device_delete(&foo->one);
err_uninit:
	auxiliary_device_uninit(&foo->one);
	return ret;
}

void full_teardown(struct foo *foo)
{
	if (auxiliary_device_init(&foo->one))
		return;
	if (auxiliary_device_add(&foo->one)) {
		auxiliary_device_uninit(&foo->one);
		return;
	}
	auxiliary_device_delete(&foo->one);
	auxiliary_device_uninit(&foo->one);
}

void created_then_destroyed(struct device *parent)
{
	struct auxiliary_device *adev;

	adev = auxiliary_device_create(parent, "mod", "dev", NULL, 0);
	if (!adev)
		return;
	auxiliary_device_destroy(adev);
}

static void good_remove(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);

	auxiliary_device_delete(&foo->one);
	auxiliary_device_uninit(&foo->one);
}

static void remove_with_helper(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);

	foo_del_all(foo);	/* deletes in another file */
	auxiliary_device_uninit(&foo->two);
}

/* Error-path helper: the device was never added. */
void foo_uninit_only(struct foo *foo)
{
	auxiliary_device_uninit(&foo->one);
}

static struct pci_driver good_driver = {
	.name = "good",
	.remove = good_remove,
};

static struct pci_driver helper_driver = {
	.name = "helper",
	.remove = remove_with_helper,
};
