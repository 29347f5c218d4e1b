// UA5 in the generic device and platform families: the put before the
// del; each bug next to its correct twin.
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/err.h>

struct gd {
	struct device dev;
	struct platform_device *child;
};

/* Bug: put_device() before device_del(). */
void bad_generic(struct gd *g)
{
	put_device(&g->dev);
	device_del(&g->dev);
// CHECK: ua5_family.c:[[@LINE-1]]:{{.*}}[UA5] device_del(&g->dev) after put_device() at line [[@LINE-2]]: the put may have been the last and the release freed the device, which is still registered; call device_del() first, then put_device() (or device_unregister(), which does both in order)
}

/* Correct twin. */
void ok_generic(struct gd *g)
{
	device_del(&g->dev);
	put_device(&g->dev);
}

/* Bug: platform_device_put() before platform_device_del(). */
void bad_platform(struct gd *g)
{
	platform_device_put(g->child);
	platform_device_del(g->child);
// CHECK: ua5_family.c:[[@LINE-1]]:{{.*}}[UA5] platform_device_del(g->child) after platform_device_put() at line [[@LINE-2]]
}

/* Bug: put_device(&pdev->dev) before platform_device_del(pdev). */
void bad_platform_dev(struct platform_device *pdev)
{
	put_device(&pdev->dev);
	platform_device_del(pdev);
// CHECK: ua5_family.c:[[@LINE-1]]:{{.*}}[UA5] platform_device_del(pdev) after put_device() at line [[@LINE-2]]
}

/* Correct twin. */
void ok_platform(struct gd *g)
{
	platform_device_del(g->child);
	platform_device_put(g->child);
}

/* Correct: a reference taken before keeps the device alive. */
void ok_extra_ref(struct gd *g)
{
	get_device(&g->dev);
	put_device(&g->dev);
	device_del(&g->dev);
	put_device(&g->dev);
}

/* Correct: the loop puts the previous element, deletes the next one. */
void ok_loop(struct gd **gs, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		device_del(&gs[i]->dev);
		put_device(&gs[i]->dev);
	}
}
