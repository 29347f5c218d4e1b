// RL4 after the device went through a setup step of another file: a
// function without a body here, whose result the code tests, hands nothing
// over; the frame that initialized the device still owes the put on an
// error path. A cleanup-like call (result ignored, or void), a callback
// argument, or this file's own function may keep it: quiet.
// RUN: %kbound_cc1 -verify %s
#include <linux/device.h>
#include <linux/err.h>
#include <linux/slab.h>

struct isdn_dev {
	struct device dev;
	int id;
};

int create_stack(struct isdn_dev *d);		/* another file */
void delete_stack(struct isdn_dev *d);		/* another file */
int stack_cleanup(struct isdn_dev *d);		/* another file */
int devm_add_action_or_reset(struct device *dev, void (*action)(void *),
			     void *data);

static void put_action(void *data)
{
	put_device(data);
}

/* The mISDN_register_device() shape (upstream e7d1d4d9ac0d). */
int register_bad(struct isdn_dev *d, struct device *parent)
{
	int err;

	device_initialize(&d->dev);
	dev_set_name(&d->dev, "isdn%d", d->id);
	err = create_stack(d);
	if (err)
		return err; // expected-warning {{[RL4]}}
	d->dev.parent = parent;
	err = device_add(&d->dev);
	if (err) {
		delete_stack(d);
		put_device(&d->dev);
		return err;
	}
	return 0;
}

/* Correct: the put on every error path. */
int register_ok(struct isdn_dev *d, struct device *parent)
{
	int err;

	device_initialize(&d->dev);
	err = create_stack(d);
	if (err)
		goto error1;
	d->dev.parent = parent;
	err = device_add(&d->dev);
	if (err)
		goto error3;
	return 0;
error3:
	delete_stack(d);
error1:
	put_device(&d->dev);
	return err;
}

/* Quiet: a cleanup helper of another file, its result ignored, may put. */
int register_cleanup_helper(struct isdn_dev *d)
{
	int err;

	device_initialize(&d->dev);
	err = device_add(&d->dev);
	if (err) {
		stack_cleanup(d);
		return err;
	}
	return 0;
}

/* Quiet: the teardown handed to devres as a callback. */
int register_devm_action(struct isdn_dev *d, struct device *parent)
{
	int err;

	device_initialize(&d->dev);
	err = devm_add_action_or_reset(parent, put_action, &d->dev);
	if (err)
		return err;
	err = create_stack(d);
	if (err)
		return err;
	return device_add(&d->dev);
}

void stack_set_fwnode(struct isdn_dev *d);	/* another file: a setup step */

/* The sysfb_create_simplefb() shape (upstream 202c08914ba5): a void setup
 * helper of another file received the device; it hands nothing over. */
int register_void_setup(struct isdn_dev *d)
{
	int err;

	device_initialize(&d->dev);
	stack_set_fwnode(d);
	err = device_add(&d->dev);
	if (err)
		return err; // expected-warning {{[RL4]}}
	return 0;
}
