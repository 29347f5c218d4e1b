// The kernel's scope-based cleanup: `T *p __free(kfree)` kfree()s p when
// its scope ends unless no_free_ptr()/return_ptr() took it. The analyzer
// does not run cleanup functions; the lifetime model does at the return.
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/slab.h>

int devm_add_action_or_reset(struct device *dev, void (*action)(void *),
			     void *data);

static void unregister_adev(void *_adev)
{
	struct auxiliary_device *adev = _adev;

	auxiliary_device_delete(adev);
	auxiliary_device_uninit(adev);
}

static void adev_release(struct device *dev)
{
	kfree(to_auxiliary_dev(dev));
}

/* The clk-imx8mp-audiomix shape (still in 6.12): the failed add uninits,
 * the release frees adev, then the cleanup frees it again. */
int register_bad(struct device *dev)
{
	struct auxiliary_device *adev __free(kfree) = NULL;
	int ret;

	adev = kzalloc(sizeof(*adev), GFP_KERNEL);
	if (!adev)
		return -ENOMEM;
	adev->name = "reset";
	adev->dev.parent = dev;
	adev->dev.release = adev_release;
	ret = auxiliary_device_init(adev);
	if (ret)
		return ret;
	ret = auxiliary_device_add(adev);
	if (ret) {
		auxiliary_device_uninit(adev);
		return ret; // expected-warning {{[UA2]}}
	}
	return devm_add_action_or_reset(dev, unregister_adev, no_free_ptr(adev));
}

/* Correct: the uninit's release frees it; no_free_ptr() before it. */
int register_ok(struct device *dev)
{
	struct auxiliary_device *adev __free(kfree) = NULL;
	struct auxiliary_device *a;
	int ret;

	adev = kzalloc(sizeof(*adev), GFP_KERNEL);
	if (!adev)
		return -ENOMEM;
	adev->name = "reset";
	adev->dev.parent = dev;
	adev->dev.release = adev_release;
	ret = auxiliary_device_init(adev);
	if (ret)
		return ret;	/* not initialized: the cleanup's kfree is right */
	a = no_free_ptr(adev);
	ret = auxiliary_device_add(a);
	if (ret) {
		auxiliary_device_uninit(a);
		return ret;
	}
	return devm_add_action_or_reset(dev, unregister_adev, a);
}

/* Correct: plain memory under __free(kfree) is not a device. */
int buffer_ok(void)
{
	int *buf __free(kfree) = kzalloc(16, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	buf[0] = 1;
	return buf[0];
}
