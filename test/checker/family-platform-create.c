// platform_device_register_full() and its inline wrappers
// (platform_device_register_simple/_data) create a registered platform
// device in one call: ERR_PTR on failure, platform_device_unregister() owed.
// RUN: %kbound_cc1 -verify %s
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

int setup_more(struct device *dev);
int expose(struct device *dev);

static struct platform_device *saved;

/* RL4: the vgem_init() shape (upstream 57fb54082d5d): the second failure
 * returns before the unregister. */
int create_leak(void)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_register_simple("vgem", -1, NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	ret = setup_more(&pdev->dev);
	if (ret)
		goto out_unregister;
	ret = expose(&pdev->dev);
	if (ret)
		return ret; // expected-warning {{[RL4]}}
	saved = pdev;
	return 0;
out_unregister:
	platform_device_unregister(pdev);
	return ret;
}

/* Correct: every failure unregisters; success stores it in a global. */
int create_ok(void)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_register_data(NULL, "foo", -1, NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	ret = setup_more(&pdev->dev);
	if (ret) {
		platform_device_unregister(pdev);
		return ret;
	}
	saved = pdev;
	return 0;
}

/* Correct: handed to the caller. */
struct platform_device *create_returned(struct device *parent)
{
	struct platform_device_info info = { .parent = parent, .name = "bar",
					     .id = PLATFORM_DEVID_AUTO };

	return platform_device_register_full(&info);
}

/* UA1: a field of the device read after the unregister. */
int create_use_after_unregister(void)
{
	struct platform_device *pdev;

	pdev = platform_device_register_simple("baz", -1, NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	platform_device_unregister(pdev);
	return pdev->id; // expected-warning {{[UA1]}}
}

int foo_attach(struct platform_device *pdev);
int devm_add_action_or_reset(struct device *dev, void (*action)(void *),
			     void *data);
static void foo_unregister(void *data)
{
	platform_device_unregister(data);
}

/* Quiet: the platform device itself handed to an unknown function, which
 * may keep it (and tear it down). */
int create_handed_over(void)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_register_simple("qux", -1, NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	ret = foo_attach(pdev);
	if (ret)
		return ret;
	return expose(&pdev->dev);
}

/* Quiet: a callback registered on its device may do the teardown. */
int create_devm_action(void)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_register_simple("quux", -1, NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	ret = devm_add_action_or_reset(&pdev->dev, foo_unregister, NULL);
	if (ret)
		return ret;
	return expose(&pdev->dev);
}

struct drm_like {
	struct platform_device *platform;
};
static struct drm_like *drm_global;
void *devres_open_group(struct device *dev, void *id, unsigned int gfp);
void devres_release_group(struct device *dev, void *id);
void *devm_drm_like_alloc(struct device *parent, unsigned long size);

/* RL4: 6.12's vgem_init() with the fix reverted. The error is PTR_ERR() of
 * a global, truncated to int: the return is still an error. */
int create_ptr_err_global(void)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_register_simple("vgem", -1, NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	if (!devres_open_group(&pdev->dev, NULL, 0)) {
		ret = -ENOMEM;
		goto out_unregister;
	}
	drm_global = devm_drm_like_alloc(&pdev->dev, sizeof(*drm_global));
	if (IS_ERR(drm_global)) {
		ret = PTR_ERR(drm_global);
		goto out_devres;
	}
	drm_global->platform = pdev;
	return 0;
out_devres:
	devres_release_group(&pdev->dev, NULL);
	return ret; // expected-warning {{[RL4]}}
out_unregister:
	platform_device_unregister(pdev);
	return ret;
}

/* Correct twin: the devres error path falls through to the unregister. */
int create_ptr_err_global_ok(void)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_register_simple("vgem", -1, NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	if (!devres_open_group(&pdev->dev, NULL, 0)) {
		ret = -ENOMEM;
		goto out_unregister;
	}
	drm_global = devm_drm_like_alloc(&pdev->dev, sizeof(*drm_global));
	if (IS_ERR(drm_global)) {
		ret = PTR_ERR(drm_global);
		goto out_devres;
	}
	drm_global->platform = pdev;
	return 0;
out_devres:
	devres_release_group(&pdev->dev, NULL);
out_unregister:
	platform_device_unregister(pdev);
	return ret;
}
