// Precision on real shapes of the generic and platform families (Linux
// 6.12 triage): a device in a global survives logging calls; a release the
// file defines and that frees nothing makes a later access not a use after
// free (that memory is the owner's); two puts of a device this path did not
// set up may drop two references.
// RUN: %kbound_cc1 -verify %s
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/platform_device.h>
#include <linux/printk.h>
#include <linux/slab.h>

/* hwmon's shape: the device lives in a static, errors are logged. */
static struct platform_device *g_pdev;

int add_global(void)
{
	int err;

	g_pdev = platform_device_alloc("g", 0);
	if (!g_pdev) {
		pr_err("alloc failed\n");
		return -ENOMEM;
	}
	err = platform_device_add(g_pdev);
	if (err) {
		pr_err("add failed (%d)\n", err);
		goto exit_put;
	}
	return 0;
exit_put:
	platform_device_put(g_pdev);
	return err;
}

/* The same with the put forgotten is still found. */
int add_global_leak(void)
{
	int err;

	g_pdev = platform_device_alloc("g", 0);
	if (!g_pdev)
		return -ENOMEM;
	err = platform_device_add(g_pdev);
	if (err) {
		pr_err("add failed (%d)\n", err);
		return err; // expected-warning {{[RL4] platform_device_alloc() succeeded but this error path returns without platform_device_put()}}
	}
	return 0;
}

/* solo6x10's shape: an empty release, the owner frees the memory. */
struct solo {
	int reg;
	struct device dev;
};

static void solo_release(struct device *dev)
{
}

int solo_init(struct solo *s, struct device *parent)
{
	struct device *dev = &s->dev;

	dev->release = solo_release;
	dev->parent = parent;
	if (device_register(dev)) {
		put_device(dev);
		dev->parent = NULL;
		return -ENOMEM;
	}
	return 0;
}

void solo_free(struct solo *s)
{
	device_unregister(&s->dev);
	if (s->reg)
		s->reg = 0;
	kfree(s);
}

/* The release frees the container: the same access is a use after free. */
struct freed {
	int reg;
	struct device dev;
};

static void freed_release(struct device *dev)
{
	kfree(container_of(dev, struct freed, dev));
}

void freed_free(struct freed *f)
{
	f->dev.release = freed_release;
	device_unregister(&f->dev);
	f->reg = 0; // expected-warning {{[UA1] The structure that embeds the device is accessed after device_unregister()}}
}

/* Two puts of a device set up elsewhere: the caller may hold two refs. */
void two_refs(struct device *dev)
{
	put_device(dev);
	put_device(dev);
}

/* A reference from a lookup, dropped in .remove: not a half teardown. */
struct looker {
	struct device *peer;
};

void looker_remove(struct looker *l)
{
	put_device(l->peer);
}

struct platform_driver looker_driver = {
	.remove = (void (*)(struct platform_device *))looker_remove,
};
