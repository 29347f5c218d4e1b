// UA2 family rule, kfree() after the put: a double free only for the types
// the releases of the file free (thermal_core: the release frees cooling
// devices, the zone is kfree()d by its owner after the put).
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/err.h>

struct zone {
	struct device dev;
	int id;
};

struct cooler {
	struct device dev;
	int state;
};

static void both_release(struct device *dev)
{
	if (dev->platform_data)
		kfree(container_of(dev, struct cooler, dev));
}

/* Bug: the release frees a struct cooler. */
int bad_cooler(struct device *parent)
{
	struct cooler *c = kzalloc(sizeof(*c), GFP_KERNEL);
	int ret;

	if (!c)
		return -ENOMEM;
	c->dev.release = both_release;
	ret = device_register(&c->dev);
	if (ret) {
		put_device(&c->dev);
		kfree(c);
// CHECK: ua2_family_types.c:[[@LINE-1]]:{{.*}}[UA2] kfree(c) after put_device(&c->dev) at line [[@LINE-2]]: the release callback already frees it (double free); drop the kfree()
	}
	return ret;
}

/* Correct: no release of the file frees a struct zone. */
int ok_zone(struct device *parent)
{
	struct zone *z = kzalloc(sizeof(*z), GFP_KERNEL);
	int ret;

	if (!z)
		return -ENOMEM;
	z->dev.release = both_release;
	ret = device_register(&z->dev);
	if (ret) {
		put_device(&z->dev);
		kfree(z);
	}
	return ret;
}
