// UA7: a release callback tears down the device it is releasing, in each
// family; each bug next to its correct twin, which must stay quiet.
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include <linux/err.h>

/* A struct device_type of the file's own (the fixture headers have none). */
struct my_dev_type {
	const char *name;
	void (*release)(struct device *dev);
};

struct gd {
	struct device dev;
	struct device *peer;
	int mode;
};

static inline struct gd *to_gd(struct device *dev)
{
	return container_of(dev, struct gd, dev);
}

/* Bug: put_device() of its own argument. */
static void gd_release_self(struct device *dev)
{
	put_device(dev);
// CHECK: ua7_family.c:[[@LINE-1]]:{{.*}}[UA7] put_device(dev) on the device that release callback gd_release_self() (installed at line {{[0-9]+}}) is releasing: the release runs because the last reference was dropped, so this drops it again (a double put, and recursion); remove the call, a release only frees what the device owns
	kfree(to_gd(dev));
}

/* Correct twin: a release puts what the device held, then frees. */
static void gd_release_ok(struct device *dev)
{
	struct gd *g = to_gd(dev);

	put_device(dev->parent);
	put_device(g->peer);
	kfree(g);
}

/* Bug: device_unregister() of the container's device, through to_gd(). */
static void gd_type_release(struct device *dev)
{
	struct gd *g = to_gd(dev);

	device_unregister(&g->dev);
// CHECK: ua7_family.c:[[@LINE-1]]:{{.*}}[UA7] device_unregister(&g->dev) on the device that release callback gd_type_release() (installed at line {{[0-9]+}}) is releasing
	kfree(g);
}

static const struct my_dev_type gd_type = {
	.name = "gd",
	.release = gd_type_release,
};

/* Correct: not installed as a release (a teardown helper). */
static void gd_remove(struct device *dev)
{
	device_unregister(dev);
}

void gd_setup(struct gd *a, struct gd *b)
{
	a->dev.release = gd_release_self;
	b->dev.release = gd_release_ok;
	(void)gd_type;
	gd_remove(&b->dev);
}

/* Bug: the auxiliary release uninits its own device (container_of). */
struct port {
	int lanes;
	struct auxiliary_device adev;
};

static void port_release(struct device *dev)
{
	struct port *port = container_of(dev, struct port, adev.dev);

	auxiliary_device_uninit(&port->adev);
// CHECK: ua7_family.c:[[@LINE-1]]:{{.*}}[UA7] auxiliary_device_uninit(&port->adev) on the device that release callback port_release() (installed at line {{[0-9]+}}) is releasing
	kfree(port);
}

/* Correct twin: the auxiliary release only frees. */
static void port_release_ok(struct device *dev)
{
	struct auxiliary_device *adev = to_auxiliary_dev(dev);

	kfree(container_of(adev, struct port, adev));
}

int port_setup(struct port *p, struct port *q)
{
	p->adev.dev.release = port_release;
	q->adev.dev.release = port_release_ok;
	return auxiliary_device_init(&p->adev);
}

/* Bug: a platform release puts its own platform device. */
struct pwrap {
	struct platform_device pdev;
	struct platform_device *child;
};

static void pwrap_release(struct device *dev)
{
	struct platform_device *pdev = to_platform_device(dev);
	struct pwrap *w = container_of(pdev, struct pwrap, pdev);

	platform_device_put(pdev);
// CHECK: ua7_family.c:[[@LINE-1]]:{{.*}}[UA7] platform_device_put(pdev) on the device that release callback pwrap_release() (installed at line {{[0-9]+}}) is releasing
	kfree(w);
}

/* Correct twin: it unregisters a child platform device it owned. */
static void pwrap_release_ok(struct device *dev)
{
	struct platform_device *pdev = to_platform_device(dev);
	struct pwrap *w = container_of(pdev, struct pwrap, pdev);

	platform_device_unregister(w->child);
	kfree(dev->platform_data);
	kfree(w);
}

void pwrap_setup(struct pwrap *a, struct pwrap *b)
{
	a->pdev.dev.release = pwrap_release;
	b->pdev.dev.release = pwrap_release_ok;
}
