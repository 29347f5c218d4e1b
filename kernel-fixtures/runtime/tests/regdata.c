// SPDX-License-Identifier: GPL-2.0
/* Registration data: tag check (-EINVAL), no data (-ENOENT), exact copy,
 * drop unbinding the driver, devm drop at parent unbind, double drops. */
#define KBUILD_MODNAME "regmod"
#include <string.h>
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include "ktest.h"

struct payload {
	int a;
	long b;
};

struct other {
	char c;
};

static DEFINE_AUXILIARY_REGDATA_TYPE(payload_tag, struct payload);
static DEFINE_AUXILIARY_REGDATA_TYPE(other_tag, struct other);
/* Same type, different tag: identity is the tag's address. */
static DEFINE_AUXILIARY_REGDATA_TYPE(payload_tag2, struct payload);

static int probed, removed;
static long seen_b;

static int t_probe(struct auxiliary_device *adev,
		   const struct auxiliary_device_id *id)
{
	struct payload *p = auxiliary_registration_data(adev, &payload_tag);

	if (IS_ERR(p))
		return PTR_ERR(p);
	probed++;
	seen_b = p->b;
	return 0;
}

static void t_remove(struct auxiliary_device *adev)
{
	removed++;
}

static const struct auxiliary_device_id t_ids[] = {
	{ .name = "regmod.data" },
	{ }
};

static struct auxiliary_driver t_drv = {
	.probe = t_probe,
	.remove = t_remove,
	.id_table = t_ids,
};

static void nop_release(struct device *dev)
{
}

static struct device parent;

static void test_tags(void)
{
	struct payload in = { .a = 1, .b = 99 };
	struct auxiliary_registration *reg;
	struct auxiliary_device *adev;
	struct payload *out;

	reg = auxiliary_registration_new(&parent, "data", 0, KBUILD_MODNAME,
					 &payload_tag, &in);
	KT_CHECK(!IS_ERR(reg));
	adev = auxiliary_registration_device(reg);
	KT_CHECK(!strcmp(dev_name(&adev->dev), "regmod.data.0"));
	KT_CHECK(adev->dev.parent == &parent);
	KT_EQ(parent.nr_children, 1);
	out = auxiliary_registration_data(adev, &payload_tag);
	KT_CHECK(!IS_ERR(out));
	/* A copy: later changes to the source do not show. */
	in.b = 5;
	KT_EQ(out->a, 1);
	KT_EQ(out->b, 99);
	KT_EQ(PTR_ERR(auxiliary_registration_data(adev, &other_tag)), -EINVAL);
	KT_EQ(PTR_ERR(auxiliary_registration_data(adev, &payload_tag2)), -EINVAL);
	KT_EQ(kbound_live_registrations(), 1);
	auxiliary_registration_drop(reg);
	KT_EQ(kbound_live_registrations(), 0);
	KT_EQ(parent.nr_children, 0);
	KT_EQ(kbound_bus_device_count(&auxiliary_bus_type), 0);
}

static void test_noent(void)
{
	struct auxiliary_device *adev =
		auxiliary_device_create(&parent, KBUILD_MODNAME, "plain", NULL, 0);

	KT_CHECK(adev != NULL);
	KT_EQ(PTR_ERR(auxiliary_registration_data(adev, &payload_tag)), -ENOENT);
	auxiliary_device_destroy(adev);
}

static void test_probe_and_drop(void)
{
	struct payload in = { .a = 2, .b = 7 };
	struct auxiliary_registration *reg;

	probed = removed = 0;
	KT_EQ(auxiliary_driver_register(&t_drv), 0);
	reg = auxiliary_registration_new(&parent, "data", 3, KBUILD_MODNAME,
					 &payload_tag, &in);
	KT_CHECK(!IS_ERR(reg));
	KT_EQ(probed, 1);
	KT_EQ(seen_b, 7);
	/* Drop unbinds the driver before the device goes. */
	auxiliary_registration_drop(reg);
	KT_EQ(removed, 1);

	/* Wrong tag at registration: the driver's probe fails with EINVAL. */
	reg = auxiliary_registration_new(&parent, "data", 4, KBUILD_MODNAME,
					 &other_tag, &(struct other){ 'x' });
	KT_CHECK(!IS_ERR(reg));
	KT_EQ(probed, 1);
	KT_EQ(kbound_probe_failure_count(), 1);
	auxiliary_registration_drop(reg);
	KT_EQ(removed, 1);
	auxiliary_driver_unregister(&t_drv);
}

static void test_invalid(void)
{
	struct payload in = { 0 };

	KT_EQ(PTR_ERR(auxiliary_registration_new(NULL, "data", 0, KBUILD_MODNAME,
						 &payload_tag, &in)), -EINVAL);
	KT_EQ(PTR_ERR(auxiliary_registration_new(&parent, "data", 0, KBUILD_MODNAME,
						 &payload_tag, NULL)), -EINVAL);
	KT_EQ(PTR_ERR(auxiliary_registration_new(&parent, "data", 0, KBUILD_MODNAME,
						 NULL, &in)), -EINVAL);
	KT_EQ(kbound_live_registrations(), 0);
}

static void test_warn_double_drop(void)
{
	struct payload in = { 0 };
	struct auxiliary_registration *reg;
	unsigned int w = kbound_warning_count();

	reg = auxiliary_registration_new(&parent, "data", 5, KBUILD_MODNAME,
					 &payload_tag, &in);
	auxiliary_registration_drop(reg);
	KT_EQ(kbound_warning_count(), w);
	auxiliary_registration_drop(reg);
	KT_EQ(kbound_warning_count(), w + 1);
	auxiliary_registration_drop(ERR_PTR(-ENOMEM));
	KT_EQ(kbound_warning_count(), w + 2);
}

/* devm: dropped when the parent's driver unbinds; by hand it is a bug. */
static int p_probe(struct auxiliary_device *adev,
		   const struct auxiliary_device_id *id)
{
	struct payload in = { .a = 3 };
	struct auxiliary_registration *reg;

	reg = devm_auxiliary_registration_new(&adev->dev, "data", 9,
					      KBUILD_MODNAME, &payload_tag, &in);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	if (id->driver_data)
		auxiliary_registration_drop(reg);
	return 0;
}

static const struct auxiliary_device_id p_ids[] = {
	{ .name = "regmod.parent" },
	{ .name = "regmod.badparent", .driver_data = 1 },
	{ }
};

static struct auxiliary_driver p_drv = {
	.name = "p",
	.probe = p_probe,
	.id_table = p_ids,
};

static void test_devm(void)
{
	struct auxiliary_device *padev;
	unsigned int w = kbound_warning_count();

	KT_EQ(auxiliary_driver_register(&p_drv), 0);
	padev = auxiliary_device_create(&parent, KBUILD_MODNAME, "parent", NULL, 0);
	KT_CHECK(padev && padev->dev.driver);
	KT_EQ(kbound_live_registrations(), 1);
	KT_EQ(padev->dev.nr_children, 1);
	auxiliary_device_destroy(padev);
	KT_EQ(kbound_live_registrations(), 0);
	KT_EQ(kbound_warning_count(), w);

	padev = auxiliary_device_create(&parent, KBUILD_MODNAME, "badparent", NULL, 0);
	KT_EQ(kbound_warning_count(), w + 1);	/* dropped by hand */
	auxiliary_device_destroy(padev);
	KT_EQ(kbound_warning_count(), w + 2);	/* and then by devres */
	auxiliary_driver_unregister(&p_drv);
}

static void test_forgotten_warns(void)
{
	struct payload in = { 0 };
	struct auxiliary_registration *reg;
	unsigned int w = kbound_warning_count();

	KT_EQ(auxiliary_driver_register(&p_drv), 0);
	reg = auxiliary_registration_new(&parent, "data", 6, KBUILD_MODNAME,
					 &payload_tag, &in);
	/* Unbinding a parent with a live child is the kernel's WARN. */
	parent.driver = &p_drv.driver;
	device_release_driver(&parent);
	KT_EQ(kbound_warning_count(), w + 1);
	auxiliary_registration_drop(reg);
	auxiliary_driver_unregister(&p_drv);
}

int main(void)
{
	parent.init_name = "parent";
	parent.release = nop_release;
	device_initialize(&parent);
	KT_RUN(test_tags);
	KT_RUN(test_noent);
	KT_RUN(test_probe_and_drop);
	KT_RUN(test_invalid);
	KT_RUN(test_warn_double_drop);
	KT_RUN(test_devm);
	KT_RUN(test_forgotten_warns);
	put_device(&parent);
	return kt_done("regdata");
}
