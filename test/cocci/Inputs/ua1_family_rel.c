// UA1 family rule with the release read: the container of a type no
// release frees may be used after the put (thermal_core's zones wait for
// their release, then their owner frees them); one report per put.
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/err.h>

struct zone {
	struct device dev;
	int done;
};

struct cooler {
	struct device dev;
	int state;
};

void zone_wait(int *done);
void cooler_log(int state);

static void both_release(struct device *dev)
{
	if (dev->platform_data)
		kfree(container_of(dev, struct cooler, dev));
}

/* Correct: the release frees no struct zone. */
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
		zone_wait(&z->done);
		kfree(z);
	}
	return ret;
}

/* Bug: two uses after the unregister, one report (the first). */
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
		return ret;
	}
	if (c->state < 0)
		device_unregister(&c->dev);
	cooler_log(c->state);
// CHECK: ua1_family_rel.c:[[@LINE-1]]:{{.*}}[UA1] c used after device_unregister(&c->dev) at line [[@LINE-2]]
	c->state = 1;
	return 0;
}
