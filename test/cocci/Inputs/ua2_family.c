// UA2 in the generic device and platform families: kfree() of a device
// (or the struct that embeds it) once device_initialize() or
// device_register() ran, or of a platform device from
// platform_device_alloc(); each bug next to its correct twin.
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/err.h>

struct gd {
	struct device dev;
	int *regs;
};

static void gd_release(struct device *dev)
{
	struct gd *g = container_of(dev, struct gd, dev);

	kfree(g->regs);
	kfree(g);
}

/* Bug: the classic, kfree() when device_register() fails. */
int bad_register_fail(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.parent = parent;
	g->dev.release = gd_release;
	ret = device_register(&g->dev);
	if (ret) {
		kfree(g);
// CHECK: ua2_family.c:[[@LINE-1]]:{{.*}}[UA2] kfree(g) after device_register(&g->dev): even when it fails, the device is refcounted and its release callback frees it; call put_device(&g->dev) instead
		return ret;
	}
	return 0;
}

/* Correct twin: put_device() on the failure path. */
int ok_register_fail(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.parent = parent;
	g->dev.release = gd_release;
	ret = device_register(&g->dev);
	if (ret) {
		put_device(&g->dev);
		return ret;
	}
	return 0;
}

/* Bug: the register tested in the if. */
int bad_register_if(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);

	if (!g)
		return -ENOMEM;
	g->dev.release = gd_release;
	if (device_register(&g->dev)) {
		kfree(g);
// CHECK: ua2_family.c:[[@LINE-1]]:{{.*}}[UA2] kfree(g) after device_register(&g->dev)
		return -ENODEV;
	}
	return 0;
}

/* Correct: kfree() only before the register (dev_set_name() failed). */
int ok_free_before_register(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.release = gd_release;
	ret = dev_set_name(&g->dev, "gd%d", 0);
	if (ret)
		goto err_free;
	ret = device_register(&g->dev);
	if (ret)
		goto err_put;
	return 0;

err_put:
	put_device(&g->dev);
	return ret;
err_free:
	kfree(g);
	return ret;
}

/* Bug: device_initialize(), then device_add() fails, through an alias. */
int bad_init_add(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	struct device *dev;
	int ret;

	if (!g)
		return -ENOMEM;
	dev = &g->dev;
	dev->release = gd_release;
	device_initialize(dev);
	ret = device_add(dev);
	if (ret)
		goto err_free;
	return 0;

err_free:
	kfree(g);
// CHECK: ua2_family.c:[[@LINE-1]]:{{.*}}[UA2] kfree(g) after device_initialize(dev): the device is refcounted and its release callback frees it; call put_device(dev) instead
	return ret;
}

/* Correct twin: a goto ladder ending in put_device(). */
int ok_init_add(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.release = gd_release;
	device_initialize(&g->dev);
	ret = dev_set_name(&g->dev, "gd");
	if (ret)
		goto err_put;
	ret = device_add(&g->dev);
	if (ret)
		goto err_put;
	return 0;

err_put:
	put_device(&g->dev);
	return ret;
}

/* Bug: the device itself is the allocation. */
int bad_bare_device(struct device *parent)
{
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	int ret;

	if (!dev)
		return -ENOMEM;
	dev->parent = parent;
	ret = device_register(dev);
	if (ret)
		kfree(dev);
// CHECK: ua2_family.c:[[@LINE-1]]:{{.*}}[UA2] kfree(dev) after device_register(dev)
	return ret;
}

/* Bug: put_device() and then kfree(): the release already freed it. */
int bad_put_then_free(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.release = gd_release;
	ret = device_register(&g->dev);
	if (ret)
		goto err_put;
	return 0;

err_put:
	put_device(&g->dev);
err_free:
	kfree(g);
// CHECK: ua2_family.c:[[@LINE-1]]:{{.*}}[UA2] kfree(g) after put_device(&g->dev) at line [[@LINE-3]]: the release callback already frees it (double free); drop the kfree()
	return ret;
}

/* Correct: device_unregister() is the whole teardown. */
void ok_unregister(struct gd *g)
{
	device_unregister(&g->dev);
}

/* Correct: a static device is never freed. */
static struct device gd_static_dev;

int ok_static(void)
{
	return device_register(&gd_static_dev);
}

/* Correct: the device is handed to a helper that puts it. */
static void gd_drop(struct gd *g)
{
	put_device(&g->dev);
}

int ok_helper_put(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.release = gd_release;
	ret = device_register(&g->dev);
	if (ret) {
		gd_drop(g);
		return ret;
	}
	return 0;
}

/* Bug: kfree() of a platform device from platform_device_alloc(). */
int bad_platform_alloc(struct device *parent)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_alloc("gd-child", 0);
	if (!pdev)
		return -ENOMEM;
	pdev->dev.parent = parent;
	ret = platform_device_add(pdev);
	if (ret) {
		kfree(pdev);
// CHECK: ua2_family.c:[[@LINE-1]]:{{.*}}[UA2] kfree(pdev) of a platform device from platform_device_alloc(): its release frees it; call platform_device_put(pdev) instead
		return ret;
	}
	return 0;
}

/* Correct twin: platform_device_put(); NULL from the alloc: nothing to put. */
int ok_platform_alloc(struct device *parent)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_alloc("gd-child", 0);
	if (!pdev)
		return -ENOMEM;
	pdev->dev.parent = parent;
	ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		return ret;
	}
	return 0;
}

/* Bug: platform_device_register() of a kzalloc()ed device, kfree() on failure. */
int bad_platform_register(struct device *parent)
{
	struct platform_device *pdev = kzalloc(sizeof(*pdev), GFP_KERNEL);
	int ret;

	if (!pdev)
		return -ENOMEM;
	pdev->name = "gd-child";
	ret = platform_device_register(pdev);
	if (ret)
		kfree(pdev);
// CHECK: ua2_family.c:[[@LINE-1]]:{{.*}}[UA2] kfree(pdev) after platform_device_register(pdev): even when it fails, the device is refcounted and its release callback frees it; call platform_device_put(pdev) instead
	return ret;
}

/* Correct: a static platform device. */
static struct platform_device gd_static_pdev = { .name = "gd-static", .id = -1 };

int ok_platform_static(void)
{
	return platform_device_register(&gd_static_pdev);
}
