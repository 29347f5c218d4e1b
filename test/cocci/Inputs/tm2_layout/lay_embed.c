#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include "lay.h"

/* Devices embedded in struct lay_adev. */

/* Everything on one line, the init inside a conditional expression; and
 * the same over several lines. */
int lay_add_cond(struct device *parent, struct lay_adev *p, struct lay_adev *q)
{
	int ret;

	p->adev.name = "cond"; p->adev.dev.parent = parent; ret = parent ? auxiliary_device_init(&p->adev) : -ENODEV;
	if (ret)
		return ret;
	q->adev.name = "condok";
	q->adev.dev.parent = parent;
	ret = parent ?
		auxiliary_device_init(&q->adev) :
		-ENODEV;
	return ret;
}

/* A wrapper macro of the file around auxiliary_device_init(). */
#define lay_init(x) auxiliary_device_init(&(x)->adev)

int lay_add_mac(struct lay_adev *p, struct lay_adev *q)
{
	p->adev.name = "mac";
	q->adev.name = "macok";
	return lay_init(p) ?: lay_init(q);
}

/* A static helper does the init; its callers name the device. */
static int lay_init_one(struct lay_adev *lp)
{
	int ret = auxiliary_device_init(&lp->adev);

	if (ret)
		return ret;
	return auxiliary_device_add(&lp->adev);
}

int lay_add_helper(struct lay_adev *p)
{
	p->adev.name = "helper";
	return lay_init_one(p);
}

int lay_add_helper_ok(struct lay_adev *q)
{
	q->adev.name = "helperok";
	return lay_init_one(q);
}
