// ntb_transport's shape (Linux 6.12): each registered device is linked into
// a list that the error path's cleanup walks to unregister them by name. A
// device linked into a list is handed over; one not linked is still owed.
// RUN: %kbound_cc1 -verify %s
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/slab.h>

void list_add_tail(struct list_head *new, struct list_head *head);
void unregister_all_named(const char *name);

struct client {
	struct device dev;
	struct list_head entry;
};

static struct list_head clients;

static void client_release(struct device *dev)
{
	kfree(container_of(dev, struct client, dev));
}

int register_linked(const char *name, struct device *parent)
{
	struct client *c;
	int rc;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->dev.parent = parent;
	c->dev.release = client_release;
	rc = device_register(&c->dev);
	if (rc) {
		put_device(&c->dev);
		return rc;
	}
	list_add_tail(&c->entry, &clients);
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c) {
		unregister_all_named(name);
		return -ENOMEM;
	}
	kfree(c);
	return 0;
}

int register_unlinked(const char *name, struct device *parent)
{
	struct client *c, *d;
	int rc;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->dev.parent = parent;
	c->dev.release = client_release;
	rc = device_register(&c->dev);
	if (rc) {
		put_device(&c->dev);
		return rc;
	}
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM; // expected-warning {{[RL4] The device was initialized and added but this error path returns without tearing it down}}
	kfree(d);
	device_unregister(&c->dev);
	return 0;
}
