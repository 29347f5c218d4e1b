// UA2 (generic device, platform) and device release callbacks.  Read by
// ../ua2_release.test.  Each release frees its container after tearing a
// child down, installed in each way a release can be (assignment, a
// device_type's .release, .dev = { .release }, .dev.release, a *_release
// name); the family rule starts its paths at device_initialize(),
// device_register(), platform_device_register() or platform_device_alloc(),
// which no release calls, so it stays quiet on all of them.  bad_register()
// is the UA2 outside a release.
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct device_type {
	const char *name;
	void (*release)(struct device *dev);
};

extern void fr_set_type(struct device *dev, const struct device_type *type);

struct fr {
	struct device dev;
	struct device child;
};

static void fr_free(struct device *dev)
{
	struct fr *f = container_of(dev, struct fr, dev);

	put_device(&f->child);
	kfree(f);
}

static void fr_type_free(struct device *dev)
{
	struct fr *f = container_of(dev, struct fr, dev);

	device_unregister(&f->child);
	kfree(f);
}

static const struct device_type fr_type = {
	.name = "fr",
	.release = fr_type_free,
};

static void fr_pd_free(struct device *dev)
{
	kfree(dev->platform_data);
}

static void fr_pd2_free(struct device *dev)
{
	kfree(dev->platform_data);
}

static struct platform_device fr_pd = {
	.name = "fr_pd",
	.dev = {
		.release = fr_pd_free,
	},
};

static struct platform_device fr_pd2 = {
	.name = "fr_pd2",
	.dev.release = fr_pd2_free,
};

static void fr_spare_release(struct device *dev)
{
	struct fr *f = container_of(dev, struct fr, dev);

	put_device(&f->child);
	kfree(f);
}

int fr_setup(struct fr *f, struct fr *g)
{
	int ret;

	f->dev.release = fr_free;
	fr_set_type(&g->dev, &fr_type);
	ret = platform_device_register(&fr_pd);
	if (ret)
		return ret;
	ret = platform_device_register(&fr_pd2);
	if (ret) {
		platform_device_unregister(&fr_pd);
		return ret;
	}
	device_initialize(&f->dev);
	ret = device_add(&f->dev);
	if (ret) {
		put_device(&f->dev);
		return ret;
	}
	return 0;
}

void fr_spare(struct device *dev)
{
	fr_spare_release(dev);
}

/* Bug: kfree() after a device_register() that failed. */
int bad_register(struct fr *f)
{
	int ret;

	f->dev.release = fr_free;
	ret = device_register(&f->dev);
	if (ret) {
// CHECK: ua2_family_release.c:[[@LINE+1]]:{{.*}}: [UA2] kfree(f) after device_register(&f->dev): even when it fails
		kfree(f);
		return ret;
	}
	return 0;
}
