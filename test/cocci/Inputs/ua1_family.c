// UA1 in the generic device and platform families: the device (or the
// struct that embeds it) used after the put that may be its last; each bug
// next to its correct twin.
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/err.h>

struct gd {
	struct device dev;
	int id;
};

static void gd_release(struct device *dev)
{
	kfree(container_of(dev, struct gd, dev));
}

void gd_ida_free(int id);

/* Bug: the failure path puts, then reads the container. */
int bad_use_after_put(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.release = gd_release;
	ret = device_register(&g->dev);
	if (ret) {
		put_device(&g->dev);
		gd_ida_free(g->id);
// CHECK: ua1_family.c:[[@LINE-1]]:{{.*}}[UA1] g used after put_device(&g->dev) at line [[@LINE-2]]: that put may be the last and its release callback frees the memory; do the last access before the put
		return ret;
	}
	return 0;
}

/* Correct twin: the last access before the put. */
int ok_use_before_put(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.release = gd_release;
	ret = device_register(&g->dev);
	if (ret) {
		gd_ida_free(g->id);
		put_device(&g->dev);
		return ret;
	}
	return 0;
}

/* Bug: dev_err() on the device after its put. */
int bad_log_after_put(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.release = gd_release;
	device_initialize(&g->dev);
	ret = device_add(&g->dev);
	if (ret) {
		put_device(&g->dev);
		dev_err(&g->dev, "add failed: %d\n", ret);
// CHECK: ua1_family.c:[[@LINE-1]]:{{.*}}[UA1] g used after put_device(&g->dev) at line [[@LINE-2]]
		return ret;
	}
	return 0;
}

/* Correct: a reference of our own keeps it alive. */
int ok_extra_ref(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.release = gd_release;
	device_initialize(&g->dev);
	get_device(&g->dev);
	ret = device_add(&g->dev);
	if (ret) {
		put_device(&g->dev);
		dev_err(&g->dev, "add failed: %d\n", ret);
		put_device(&g->dev);
		return ret;
	}
	put_device(&g->dev);
	return 0;
}

/* Bug: a double put after device_unregister(). */
void bad_double_put(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);

	if (!g)
		return;
	g->dev.release = gd_release;
	if (device_register(&g->dev)) {
		put_device(&g->dev);
		return;
	}
	device_unregister(&g->dev);
	put_device(&g->dev);
// CHECK: ua1_family.c:[[@LINE-1]]:{{.*}}[UA1] g used after device_unregister(&g->dev) at line [[@LINE-2]]
}

/* Correct: the pointer is only tested after the put. */
struct gd *ok_return_err(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return ERR_PTR(-ENOMEM);
	g->dev.release = gd_release;
	ret = device_register(&g->dev);
	if (ret) {
		put_device(&g->dev);
		g = NULL;
		return ERR_PTR(ret);
	}
	return g;
}

/* Bug: a platform device used after platform_device_put(). */
int bad_platform(struct device *parent)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_alloc("gd-child", 0);
	if (!pdev)
		return -ENOMEM;
	ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		dev_err(&pdev->dev, "add failed\n");
// CHECK: ua1_family.c:[[@LINE-1]]:{{.*}}[UA1] pdev used after platform_device_put(pdev) at line [[@LINE-2]]: that put may be the last and its release frees the platform device; do the last access before the put
		return ret;
	}
	return 0;
}

/* Correct twin. */
int ok_platform(struct device *parent)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_alloc("gd-child", 0);
	if (!pdev)
		return -ENOMEM;
	ret = platform_device_add(pdev);
	if (ret) {
		dev_err(&pdev->dev, "add failed\n");
		platform_device_put(pdev);
		return ret;
	}
	return 0;
}
