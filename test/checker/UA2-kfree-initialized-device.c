// UA2: kfree() of an auxiliary device (or of the struct that contains it)
// after auxiliary_device_init() succeeded.
// RUN: %kbound_cc1 -analyzer-disable-checker=kbound.RL1,kbound.RL2,kbound.RL4,kbound.RL5 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/slab.h>

struct foo_adev {
	struct auxiliary_device adev;
	int port;
};

struct foo {
	struct foo_adev *fadev;
};

static void foo_adev_release(struct device *dev)
{
	kfree(container_of(dev, struct foo_adev, adev.dev));
}

static struct foo_adev *foo_alloc(struct device *parent)
{
	struct foo_adev *fadev = kzalloc(sizeof(*fadev), GFP_KERNEL);

	if (!fadev)
		return NULL;
	fadev->adev.name = "eth";
	fadev->adev.dev.parent = parent;
	fadev->adev.dev.release = foo_adev_release;
	return fadev;
}

/* ---- positives ---- */

int kfree_container_after_add_fails(struct foo *foo, struct device *parent)
{
	struct foo_adev *fadev = foo_alloc(parent);
	int ret;

	if (!fadev)
		return -ENOMEM;
	ret = auxiliary_device_init(&fadev->adev);
	if (ret) {
		kfree(fadev);
		return ret;
	}
	ret = auxiliary_device_add(&fadev->adev);
	if (ret) {
		kfree(fadev); // expected-warning {{[UA2] kfree() of an auxiliary device (or the structure that contains it) after auxiliary_device_init() succeeded}}
		return ret;
	}
	foo->fadev = fadev;
	return 0;
}

int kfree_device_itself(struct device *parent)
{
	struct auxiliary_device *adev = kzalloc(sizeof(*adev), GFP_KERNEL);
	int ret;

	if (!adev)
		return -ENOMEM;
	adev->dev.parent = parent;
	ret = auxiliary_device_init(adev);
	if (ret)
		goto out_free;
	ret = auxiliary_device_add(adev);
	if (ret)
		goto out_free;	/* wrong label: needs uninit */
	return 0;
out_free:
	kfree(adev); // expected-warning {{[UA2]}}
	return ret;
}

struct foo_adev *ladder_falls_through(struct device *parent)
{
	struct foo_adev *fadev = foo_alloc(parent);
	int err;

	if (!fadev)
		return ERR_PTR(-ENOMEM);
	err = auxiliary_device_init(&fadev->adev);
	if (err)
		goto err_free;
	err = auxiliary_device_add(&fadev->adev);
	if (err)
		goto err_uninit;
	return fadev;
err_uninit:
	auxiliary_device_uninit(&fadev->adev);
err_free:
	kfree(fadev); // expected-warning {{[UA2]}}
	return ERR_PTR(err);
}

void kfree_in_teardown(struct foo *foo)
{
	struct foo_adev *fadev = foo->fadev;

	auxiliary_device_delete(&fadev->adev);
	auxiliary_device_uninit(&fadev->adev);
	kfree(fadev); // expected-warning {{[UA2]}}
}

/* ---- negatives ---- */

int kfree_when_init_failed(struct foo *foo, struct device *parent)
{
	struct foo_adev *fadev = foo_alloc(parent);
	int ret;

	if (!fadev)
		return -ENOMEM;
	ret = auxiliary_device_init(&fadev->adev);
	if (ret < 0) {
		kfree(fadev);	/* init failed: nothing refcounted yet */
		return ret;
	}
	ret = auxiliary_device_add(&fadev->adev);
	if (ret) {
		auxiliary_device_uninit(&fadev->adev);
		return ret;
	}
	foo->fadev = fadev;
	return 0;
}

int kfree_before_init(struct device *parent, int fail)
{
	struct foo_adev *fadev = foo_alloc(parent);

	if (!fadev)
		return -ENOMEM;
	if (fail) {
		kfree(fadev);
		return -EINVAL;
	}
	if (auxiliary_device_init(&fadev->adev)) {
		kfree(fadev);
		return -EIO;
	}
	auxiliary_device_uninit(&fadev->adev);
	return 0;
}

int kfree_other_buffer(struct foo *foo, struct device *parent)
{
	struct foo_adev *fadev = foo_alloc(parent);
	char *name = kzalloc(16, GFP_KERNEL);
	int ret;

	if (!fadev || !name) {
		kfree(name);
		kfree(fadev);
		return -ENOMEM;
	}
	ret = auxiliary_device_init(&fadev->adev);
	if (ret) {
		kfree(name);
		kfree(fadev);
		return ret;
	}
	kfree(name);	/* a different allocation */
	ret = auxiliary_device_add(&fadev->adev);
	if (ret) {
		auxiliary_device_uninit(&fadev->adev);
		return ret;
	}
	foo->fadev = fadev;
	return 0;
}
