// RL4 in the generic device and platform families: a refcounted device
// lost on an error path without its put; each bug next to its correct twin.
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/err.h>

struct gd {
	struct device dev;
	int mode;
};

struct gd_parent {
	struct gd *child;
	struct platform_device *pdev;
};

static void gd_release(struct device *dev)
{
	kfree(container_of(dev, struct gd, dev));
}

int gd_setup(struct gd *g);

/* Bug: device_register() failed, the path returns without put_device(). */
int bad_register_fail(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.parent = parent;
	g->dev.release = gd_release;
	dev_set_name(&g->dev, "gd");
	ret = device_register(&g->dev);
	if (ret) {
		dev_err(parent, "register failed\n");
		return ret;
// CHECK: rl4_family.c:[[@LINE-1]]:{{.*}}[RL4] device_register(&g->dev) failed and this path returns without put_device(&g->dev): a failed register still holds the device's reference; call put_device() on the error path, never kfree()
	}
	return 0;
}

/* Correct twin. */
int ok_register_fail(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.parent = parent;
	g->dev.release = gd_release;
	dev_set_name(&g->dev, "gd");
	ret = device_register(&g->dev);
	if (ret) {
		put_device(&g->dev);
		return ret;
	}
	return 0;
}

/* Bug: the register tested in the if, a goto to a label without the put. */
int bad_register_goto(struct gd_parent *p)
{
	int ret = -ENODEV;

	p->child = kzalloc(sizeof(*p->child), GFP_KERNEL);
	if (!p->child)
		return -ENOMEM;
	p->child->dev.release = gd_release;
	if (device_register(&p->child->dev))
		goto out;
	return 0;
out:
	p->child = NULL;
	return ret;
// CHECK: rl4_family.c:[[@LINE-1]]:{{.*}}[RL4] device_register(&p->child->dev) failed and this path returns without put_device(&p->child->dev)
}

/* Correct: the device was passed in; the caller owes the put. */
int ok_register_param(struct gd *g)
{
	int ret;

	ret = device_register(&g->dev);
	if (ret) {
		dev_err(&g->dev, "register failed\n");
		return ret;
	}
	return 0;
}

/* Bug: device_initialize(), then device_add() fails. */
int bad_init_add(struct device *parent)
{
	struct gd *g;
	int ret;

	g = kzalloc(sizeof(*g), GFP_KERNEL);
	if (!g)
		return -ENOMEM;
	g->dev.release = gd_release;
	device_initialize(&g->dev);
	ret = dev_set_name(&g->dev, "gd");
	if (ret)
		goto err_put;
	ret = device_add(&g->dev);
	if (ret)
		return ret;
// CHECK: rl4_family.c:[[@LINE-1]]:{{.*}}[RL4] device_initialize(&g->dev) ran but this path returns without put_device(&g->dev): call it on the error path, its release callback frees the device
	return 0;

err_put:
	put_device(&g->dev);
	return ret;
}

/* Correct twin: a goto ladder ending in put_device(). */
int ok_init_add(struct device *parent)
{
	struct gd *g;
	int ret;

	g = kzalloc(sizeof(*g), GFP_KERNEL);
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

/* Correct: ownership handed on (stored, or given to a helper). */
int ok_handed_on(struct gd_parent *p)
{
	struct gd *g;
	int ret;

	g = kzalloc(sizeof(*g), GFP_KERNEL);
	if (!g)
		return -ENOMEM;
	g->dev.release = gd_release;
	device_initialize(&g->dev);
	p->child = g;
	ret = device_add(&g->dev);
	if (ret)
		return ret;
	ret = gd_setup(g);
	if (ret)
		return ret;
	return 0;
}

/* Not judged: registered, a later failure leaves it registered (a loop of
 * children that the parent's teardown unregisters looks the same). */
int quiet_after_register(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.release = gd_release;
	ret = device_register(&g->dev);
	if (ret) {
		put_device(&g->dev);
		return ret;
	}
	if (g->mode < 0)
		return -EINVAL;
	return 0;
}

/* Correct twin: device_unregister() for the whole teardown. */
int ok_after_register(struct device *parent)
{
	struct gd *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int ret;

	if (!g)
		return -ENOMEM;
	g->dev.release = gd_release;
	ret = device_register(&g->dev);
	if (ret) {
		put_device(&g->dev);
		return ret;
	}
	if (g->mode < 0) {
		device_unregister(&g->dev);
		return -EINVAL;
	}
	return 0;
}

/* Correct: a static device; its failed register leaks nothing of ours. */
static struct device gd_static_dev;

int ok_static(void)
{
	int ret;

	ret = device_register(&gd_static_dev);
	if (ret)
		return ret;
	return 0;
}

/* Bug: platform_device_add() fails, no platform_device_put(). */
int bad_platform_add(struct gd_parent *p, struct device *parent)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_alloc("gd-child", 0);
	if (!pdev)
		return -ENOMEM;
	pdev->dev.parent = parent;
	ret = platform_device_add_data(pdev, p, sizeof(*p));
	if (ret)
		goto err_put;
	ret = platform_device_add(pdev);
	if (ret)
		return ret;
// CHECK: rl4_family.c:[[@LINE-1]]:{{.*}}[RL4] platform_device_alloc() at line {{[0-9]+}} returned pdev but this path returns without platform_device_put(pdev): call it on the error path, its release frees the device and its platform data
	p->pdev = pdev;
	return 0;

err_put:
	platform_device_put(pdev);
	return ret;
}

/* Correct twin; the NULL from the alloc has nothing to put. */
int ok_platform_add(struct gd_parent *p, struct device *parent)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_alloc("gd-child", 0);
	if (!pdev)
		return -ENOMEM;
	pdev->dev.parent = parent;
	ret = platform_device_add_data(pdev, p, sizeof(*p));
	if (ret)
		goto err_put;
	ret = platform_device_add(pdev);
	if (ret)
		goto err_put;
	p->pdev = pdev;
	return 0;

err_put:
	platform_device_put(pdev);
	return ret;
}

/* Bug: platform_device_register() of a device of ours fails, no put. */
int bad_platform_register(struct gd_parent *p)
{
	int ret;

	p->pdev = kzalloc(sizeof(*p->pdev), GFP_KERNEL);
	if (!p->pdev)
		return -ENOMEM;
	p->pdev->name = "gd-child";
	ret = platform_device_register(p->pdev);
	if (ret)
		return ret;
// CHECK: rl4_family.c:[[@LINE-1]]:{{.*}}[RL4] platform_device_register(p->pdev) failed and this path returns without platform_device_put(p->pdev)
	return 0;
}

/* Correct: a static platform device. */
static struct platform_device gd_static_pdev = { .name = "gd-static", .id = -1 };

int ok_platform_static(void)
{
	int ret;

	ret = platform_device_register(&gd_static_pdev);
	if (ret)
		return ret;
	return 0;
}

/* Quiet: array elements, put in a loop at the label (a loop that runs no
 * iteration looks like a path without the put). */
struct platform_device *gd_pdevs[4];

int quiet_array(int n)
{
	int i, ret;

	for (i = 0; i < n; i++) {
		gd_pdevs[i] = platform_device_alloc("gd-arr", i);
		if (!gd_pdevs[i]) {
			ret = -ENOMEM;
			goto err;
		}
	}
	for (i = 0; i < n; i++) {
		ret = platform_device_add(gd_pdevs[i]);
		if (ret)
			goto err;
	}
	return 0;
err:
	for (i = 0; i < n; i++)
		platform_device_put(gd_pdevs[i]);
	return ret;
}

/* Quiet: stored in its owner before the init (usb-serial's ports); the
 * owner's teardown puts it. */
int quiet_stored_before(struct gd_parent *p)
{
	struct gd *g;
	int ret;

	g = kzalloc(sizeof(*g), GFP_KERNEL);
	if (!g)
		return -ENOMEM;
	p->child = g;
	device_initialize(&g->dev);
	ret = device_add(&g->dev);
	if (ret)
		return ret;
	return 0;
}

/* Quiet: the init in a loop, the label unwinds the earlier elements in a
 * loop (idxd's wqs): the path through no unwinding iteration is not real. */
int quiet_init_loop(struct gd **gs, int n)
{
	struct gd *g;
	int i, ret;

	for (i = 0; i < n; i++) {
		g = kzalloc(sizeof(*g), GFP_KERNEL);
		if (!g) {
			ret = -ENOMEM;
			goto err_unwind;
		}
		device_initialize(&g->dev);
		gs[i] = g;
	}
	return 0;

err_unwind:
	while (--i >= 0)
		put_device(&gs[i]->dev);
	return ret;
}
