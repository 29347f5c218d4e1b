// UA2 for kfree() of the container after auxiliary_device_uninit() when this
// file's device release callback does not free it (the usb-ljca shape): the
// memory must go in the release, when the last reference is put. Quiet when
// the file sets no device release at all (it may be set elsewhere) and for a
// file_operations .release, which is not a device's.
// RUN: %kbound_cc1 -verify %s
// RUN: %kbound_cc1 -verify -DNO_DEVICE_RELEASE %s
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#ifdef NO_DEVICE_RELEASE
// expected-no-diagnostics
#endif

struct lj_client {
	struct auxiliary_device auxdev;
	int id;
};

struct inode;
struct file;
struct lj_fops {
	int (*release)(struct inode *, struct file *);
};
static int lj_file_release(struct inode *i, struct file *f) { return 0; }
static const struct lj_fops lj_fops = { .release = lj_file_release };

#ifndef NO_DEVICE_RELEASE
static void lj_auxdev_release(struct device *dev)
{
	/* frees only what it was given, not the client */
	kfree(dev->platform_data);
}
#endif

int lj_new_client(struct device *parent, void *data)
{
	struct lj_client *client;
	int ret;

	client = kzalloc(sizeof(*client), GFP_KERNEL);
	if (!client)
		return -ENOMEM;
	client->auxdev.name = "gpio";
	client->auxdev.dev.parent = parent;
	client->auxdev.dev.platform_data = data;
#ifndef NO_DEVICE_RELEASE
	client->auxdev.dev.release = lj_auxdev_release;
#endif
	ret = auxiliary_device_init(&client->auxdev);
	if (ret)
		goto err_free; /* init failed: kfree is the right cleanup */
	ret = auxiliary_device_add(&client->auxdev);
	if (ret)
		goto err_uninit;
	return 0;

err_uninit:
	auxiliary_device_uninit(&client->auxdev);
err_free:
#ifndef NO_DEVICE_RELEASE
	kfree(client); // expected-warning {{[UA2] kfree() of the structure that contains an auxiliary device after auxiliary_device_uninit(): its memory must be freed by the release callback}}
#else
	kfree(client); /* no warning: the release may be set elsewhere */
#endif
	return ret;
}
