// UA2 family rule, quiet: the release frees nothing, the owner kfree()s
// after the put or the unregister (the f_mass_storage LUN shape).  The
// memory outliving the release is UA8's business, not UA2's.
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/err.h>

struct lun {
	struct device dev;
	int ro;
};

static void lun_release(struct device *dev)
{
	/* Nothing needs to be done */
}

int lun_create(struct device *parent, int ro)
{
	struct lun *l = kzalloc(sizeof(*l), GFP_KERNEL);
	int ret;

	if (!l)
		return -ENOMEM;
	l->dev.parent = parent;
	l->dev.release = lun_release;
	ret = device_register(&l->dev);
	if (ret) {
		put_device(&l->dev);
		goto err_free;
	}
	if (ro) {
		ret = -EINVAL;
		goto err_unreg;
	}
	return 0;

err_unreg:
	if (l->ro >= 0)
		device_unregister(&l->dev);
err_free:
	kfree(l);
	return ret;
}
