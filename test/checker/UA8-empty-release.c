// UA8: an empty release callback over heap memory. Nothing frees the memory
// when the last reference goes, so it leaks, or its owner kfree()s it while
// references may remain.
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/slab.h>

struct ctl {
	struct device dev;
	int mode;
};

struct sub {
	struct auxiliary_device adev;
	int id;
};

static void ctl_release(struct device *dev)
{
}

static void ctl_free_release(struct device *dev)
{
	kfree(container_of(dev, struct ctl, dev));
}

static void sub_release(struct device *dev)
{
}

int ctl_create(struct device *parent, struct ctl **out)
{
	struct ctl *c = kzalloc(sizeof(*c), GFP_KERNEL);
	int ret;

	if (!c)
		return -ENOMEM;
	c->dev.parent = parent;
	c->dev.release = ctl_release;
	ret = device_register(&c->dev); // expected-warning {{[UA8] device_register() on a device in heap memory whose release callback ctl_release() is empty}}
	if (ret) {
		put_device(&c->dev);
		return ret;
	}
	*out = c;
	return 0;
}

int sub_create(struct device *parent, struct sub **out)
{
	struct sub *s = kzalloc(sizeof(*s), GFP_KERNEL);
	int ret;

	if (!s)
		return -ENOMEM;
	s->adev.name = "sub";
	s->adev.dev.parent = parent;
	s->adev.dev.release = sub_release;
	ret = auxiliary_device_init(&s->adev); // expected-warning {{[UA8] auxiliary_device_init() on a device in heap memory whose release callback sub_release() is empty}}
	if (ret) {
		kfree(s);
		return ret;
	}
	*out = s;
	return 0;
}

/* Correct: the release frees the container. */
int ctl_create_ok(struct device *parent, struct ctl **out)
{
	struct ctl *c = kzalloc(sizeof(*c), GFP_KERNEL);
	int ret;

	if (!c)
		return -ENOMEM;
	c->dev.parent = parent;
	c->dev.release = ctl_free_release;
	ret = device_register(&c->dev);
	if (ret) {
		put_device(&c->dev);
		return ret;
	}
	*out = c;
	return 0;
}

/* Correct: a static device's memory is never freed; an empty release is
 * what it needs. */
static struct ctl static_ctl;

int ctl_static(struct device *parent)
{
	static_ctl.dev.parent = parent;
	static_ctl.dev.release = ctl_release;
	return device_register(&static_ctl.dev);
}
