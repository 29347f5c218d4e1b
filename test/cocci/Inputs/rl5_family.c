// RL5 in the generic device and platform families: added, then an error
// path puts the device without the del; each bug next to its correct twin.
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/err.h>

struct gd {
	struct device dev;
	int mode;
};

int gd_setup(struct gd *g);

/* Bug: the error ladder skips device_del(). */
int bad_generic(struct gd *g)
{
	int ret;

	device_initialize(&g->dev);
	ret = device_add(&g->dev);
	if (ret)
		goto err_put;
	ret = gd_setup(g);
	if (ret)
		goto err_put;
	return 0;

err_put:
	put_device(&g->dev);
// CHECK: rl5_family.c:[[@LINE-1]]:{{.*}}[RL5] device_add(&g->dev) succeeded at line {{[0-9]+}} but this path drops it with put_device() without device_del(): the device stays registered while the put may free it; call device_del() first (or device_unregister())
	return ret;
}

/* Correct twin: del, then put. */
int ok_generic(struct gd *g)
{
	int ret;

	device_initialize(&g->dev);
	ret = device_add(&g->dev);
	if (ret)
		goto err_put;
	ret = gd_setup(g);
	if (ret)
		goto err_del;
	return 0;

err_del:
	device_del(&g->dev);
err_put:
	put_device(&g->dev);
	return ret;
}

/* Bug: platform_device_put() after a successful add. */
int bad_platform(struct platform_device *pdev, int mode)
{
	int ret;

	ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		return ret;
	}
	if (mode < 0) {
		platform_device_put(pdev);
// CHECK: rl5_family.c:[[@LINE-1]]:{{.*}}[RL5] platform_device_add(pdev) succeeded at line {{[0-9]+}} but this path drops it with platform_device_put() without platform_device_del()
		return -EINVAL;
	}
	return 0;
}

/* Correct twin: the unregister does both. */
int ok_platform(struct platform_device *pdev, int mode)
{
	int ret;

	ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		return ret;
	}
	if (mode < 0) {
		platform_device_unregister(pdev);
		return -EINVAL;
	}
	return 0;
}
