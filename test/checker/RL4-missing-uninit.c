// RL4: auxiliary_device_init() succeeded and a path returns without
// auxiliary_device_uninit().
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/slab.h>

struct foo_adev {
	struct auxiliary_device adev;
	int port;
};

struct foo {
	struct device *dev;
	struct foo_adev *fadev;
	struct auxiliary_device adevs[2];
	struct auxiliary_device one;
};

int foo_hw_init(struct foo *foo);
int foo_hw_check(struct device *dev);
void foo_adev_release(struct device *dev);
/* Defined in another file: deletes and uninits foo->fadev if set. */
void foo_aux_cleanup(struct foo *foo);
void foo_uninit_action(void *adev);

/* ---- positives ---- */

int add_fails_container_leaks(struct foo *foo)
{
	struct foo_adev *fadev;
	int ret;

	fadev = kzalloc(sizeof(*fadev), GFP_KERNEL);
	if (!fadev)
		return -ENOMEM;
	fadev->adev.name = "eth";
	fadev->adev.dev.release = foo_adev_release;
	ret = auxiliary_device_init(&fadev->adev);
	if (ret) {
		kfree(fadev);
		return ret;
	}
	ret = auxiliary_device_add(&fadev->adev);
	if (ret)
		return ret; // expected-warning {{[RL4] auxiliary_device_init() succeeded but the device becomes unreachable without auxiliary_device_uninit()}}
	foo->fadev = fadev;
	return 0;
}

int add_fails_embedded(struct foo *foo)
{
	int ret;

	ret = auxiliary_device_init(&foo->one);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&foo->one);
	if (ret)
		return ret; // expected-warning {{[RL4] auxiliary_device_init() succeeded but this error path returns without auxiliary_device_uninit()}}
	return 0;
}

int later_step_fails(struct foo *foo)
{
	int ret;

	ret = auxiliary_device_init(&foo->one);
	if (ret)
		return ret;
	if (foo_hw_check(foo->dev))
		return -EIO; // expected-warning {{[RL4]}}
	ret = auxiliary_device_add(&foo->one);
	if (ret) {
		auxiliary_device_uninit(&foo->one);
		return ret;
	}
	return 0;
}

static int foo_init_one(struct auxiliary_device *adev)
{
	adev->name = "one";
	return auxiliary_device_init(adev);
}

int helper_inits_caller_forgets(struct foo *foo)
{
	int ret;

	ret = foo_init_one(&foo->one);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&foo->one);
	if (ret)
		return ret; // expected-warning {{[RL4]}}
	return 0;
}

int kfree_instead_of_uninit(struct foo *foo)
{
	struct foo_adev *fadev;
	int ret;

	fadev = kzalloc(sizeof(*fadev), GFP_KERNEL);
	if (!fadev)
		return -ENOMEM;
	ret = auxiliary_device_init(&fadev->adev);
	if (ret)
		goto err_free;
	ret = auxiliary_device_add(&fadev->adev);
	if (ret)
		goto err_free;
	foo->fadev = fadev;
	return 0;
err_free:
	kfree(fadev); // expected-warning {{[RL4] auxiliary_device_init() succeeded but this path frees the device with kfree()}} expected-warning {{[UA2]}}
	return ret;
}

/* ---- negatives ---- */

int helper_may_uninit(struct foo *foo)
{
	int ret;

	ret = auxiliary_device_init(&foo->one);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&foo->one);
	if (ret) {
		foo_aux_cleanup(foo);	/* takes the container: may uninit */
		return ret;
	}
	return 0;
}

int goto_ladder(struct foo *foo)
{
	struct foo_adev *fadev;
	int ret;

	fadev = kzalloc(sizeof(*fadev), GFP_KERNEL);
	if (!fadev)
		return -ENOMEM;
	fadev->adev.dev.release = foo_adev_release;
	ret = auxiliary_device_init(&fadev->adev);
	if (ret < 0)
		goto err_free;	/* init failed: kfree is right */
	ret = auxiliary_device_add(&fadev->adev);
	if (ret)
		goto err_uninit;
	foo->fadev = fadev;
	return 0;

err_uninit:
	auxiliary_device_uninit(&fadev->adev);
	return ret;
err_free:
	kfree(fadev);
	return ret;
}

struct auxiliary_device *ownership_returned(struct device *parent)
{
	struct foo_adev *fadev;
	int ret;

	fadev = kzalloc(sizeof(*fadev), GFP_KERNEL);
	if (!fadev)
		return ERR_PTR(-ENOMEM);
	fadev->adev.dev.parent = parent;
	ret = auxiliary_device_init(&fadev->adev);
	if (ret) {
		kfree(fadev);
		return ERR_PTR(ret);
	}
	ret = auxiliary_device_add(&fadev->adev);
	if (ret) {
		auxiliary_device_uninit(&fadev->adev);
		return ERR_PTR(ret);
	}
	return &fadev->adev;
}

int cleanup_in_other_file(struct foo *foo)
{
	struct foo_adev *fadev;
	int ret;

	fadev = kzalloc(sizeof(*fadev), GFP_KERNEL);
	if (!fadev)
		return -ENOMEM;
	ret = auxiliary_device_init(&fadev->adev);
	if (ret) {
		kfree(fadev);
		return ret;
	}
	foo->fadev = fadev;
	ret = auxiliary_device_add(&fadev->adev);
	if (ret) {
		foo_aux_cleanup(foo);	/* uninit happens in there */
		return ret;
	}
	return 0;
}

int devm_action_uninit(struct foo *foo)
{
	struct auxiliary_device *adev;
	int ret;

	adev = kzalloc(sizeof(*adev), GFP_KERNEL);
	if (!adev)
		return -ENOMEM;
	ret = auxiliary_device_init(adev);
	if (ret) {
		kfree(adev);
		return ret;
	}
	ret = devm_add_action_or_reset(foo->dev, foo_uninit_action, adev);
	if (ret)
		return ret;
	return auxiliary_device_add(adev);
}

int loop_with_unwinding(struct foo *foo)
{
	int i, ret;

	for (i = 0; i < 2; i++) {
		ret = auxiliary_device_init(&foo->adevs[i]);
		if (ret)
			goto unwind;
		ret = auxiliary_device_add(&foo->adevs[i]);
		if (ret) {
			auxiliary_device_uninit(&foo->adevs[i]);
			goto unwind;
		}
	}
	return 0;
unwind:
	while (--i >= 0) {
		auxiliary_device_delete(&foo->adevs[i]);
		auxiliary_device_uninit(&foo->adevs[i]);
	}
	return ret;
}

int init_only_helper(struct foo *foo)
{
	/* Returns success with the device initialized: the caller owns it. */
	foo->one.name = "one";
	return auxiliary_device_init(&foo->one);
}

static struct foo_adev *foo_register_one(struct device *parent)
{
	struct foo_adev *fadev;
	int ret;

	fadev = kzalloc(sizeof(*fadev), GFP_KERNEL);
	if (!fadev)
		return ERR_PTR(-ENOMEM);
	fadev->adev.dev.parent = parent;
	ret = auxiliary_device_init(&fadev->adev);
	if (ret) {
		kfree(fadev);
		return ERR_PTR(ret);
	}
	ret = auxiliary_device_add(&fadev->adev);
	if (ret) {
		auxiliary_device_uninit(&fadev->adev);
		return ERR_PTR(ret);
	}
	return fadev;
}

int helper_registers_caller_fails_later(struct foo *foo, struct device *parent)
{
	struct foo_adev *fadev = foo_register_one(parent);

	/* kzalloc'd memory is never an ERR_PTR: no impossible branch here. */
	if (IS_ERR(fadev))
		return PTR_ERR(fadev);
	foo->fadev = fadev;	/* the caller's teardown finds it here */
	if (foo_hw_check(parent))
		return -EIO;
	return 0;
}
