// UA4: a pointer bound to the auxiliary device (registration data, or the
// container_of of the device) is stored where it outlives the binding and
// the auxiliary driver's .remove does not clear it.
// RUN: %clang_cc1 -analyze -load %kbound_plugin \
// RUN:   -analyzer-checker=kbound.RL3,kbound.UA3,kbound.UA4 -I %fixtures_include \
// RUN:   -DKBUILD_MODNAME='"ua4"' -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cc1 -analyze -load %kbound_plugin \
// RUN:   -analyzer-checker=kbound.RL3,kbound.UA3,kbound.UA4 -I %fixtures_include \
// RUN:   -DKBUILD_MODNAME='"ua4"' -analyzer-output=text \
// RUN:   -verify -verify-ignore-unexpected=note %s
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct info {
	u32 port;
};
DEFINE_AUXILIARY_REGDATA_TYPE(info_type, struct info);

/* The real API's way: the device embedded in a bigger struct. */
struct foo_adev {
	struct auxiliary_device adev;
	u32 caps;
};

static inline struct foo_adev *to_foo_adev(struct auxiliary_device *adev)
{
	return container_of(adev, struct foo_adev, adev);
}

/* ---- positive 1: registration data cached in a global ---- */
static struct info *p1_info;

static int p1_probe(struct auxiliary_device *adev,
		    const struct auxiliary_device_id *id)
{
	struct info *info = auxiliary_registration_data(adev, &info_type);

	if (IS_ERR(info))
		return PTR_ERR(info);
	p1_info = info; // expected-warning {{[UA4] pointer bound to the auxiliary device is stored in global 'p1_info' by .probe 'p1_probe' and outlives the binding; clear it in .remove 'p1_remove' (p1_info = NULL) or keep it in the device's driver data}}
	return 0;
}

static void p1_remove(struct auxiliary_device *adev) // expected-note {{.remove 'p1_remove' does not clear it}}
{
	dev_info(&adev->dev, "bye\n");
}

static struct auxiliary_driver p1_driver = {
	.probe = p1_probe,
	.remove = p1_remove,
};

/* ---- positive 2: container_of result in a field of a global struct ---- */
static struct {
	struct foo_adev *fdev;
	u32 count;
} p2_state;

static int p2_probe(struct auxiliary_device *adev,
		    const struct auxiliary_device_id *id)
{
	struct foo_adev *fdev = container_of(adev, struct foo_adev, adev);

	p2_state.fdev = fdev; // expected-warning {{[UA4] pointer bound to the auxiliary device is stored in a field of global 'p2_state' by .probe 'p2_probe'}}
	p2_state.count++;
	return 0;
}

static void p2_remove(struct auxiliary_device *adev)
{
	p2_state.count--;
}

static struct auxiliary_driver p2_driver = {
	.probe = p2_probe,
	.remove = p2_remove,
};

/* ---- positive 3: stored in the parent's driver data, reached through
 * adev->dev.parent ---- */
struct p3_parent {
	struct info *child;
};

static int p3_probe(struct auxiliary_device *adev,
		    const struct auxiliary_device_id *id)
{
	struct p3_parent *pp = dev_get_drvdata(adev->dev.parent);
	struct info *info;

	info = auxiliary_registration_data(adev, &info_type);
	if (IS_ERR(info))
		return PTR_ERR(info);
	pp->child = info; // expected-warning {{[UA4] pointer bound to the auxiliary device is stored in the parent's data ('child') by .probe 'p3_probe'}}
	return 0;
}

static struct auxiliary_driver p3_driver = { // expected-note {{driver 'p3_driver' has no .remove}}
	.probe = p3_probe,
};

/* ---- positive 4: a helper of .probe caches it in a function-local static */
static void p4_cache(struct foo_adev *fdev)
{
	static struct foo_adev *last;

	last = fdev; // expected-warning {{[UA4] pointer bound to the auxiliary device is stored in static 'last' by .probe 'p4_probe'}}
}

static int p4_probe(struct auxiliary_device *adev,
		    const struct auxiliary_device_id *id)
{
	p4_cache(to_foo_adev(adev));
	return 0;
}

static void p4_remove(struct auxiliary_device *adev)
{
}

static struct auxiliary_driver p4_driver = {
	.probe = p4_probe,
	.remove = p4_remove,
};

/* ---- negative 1: the global is cleared in .remove ---- */
static struct info *n1_info;

static int n1_probe(struct auxiliary_device *adev,
		    const struct auxiliary_device_id *id)
{
	struct info *info = auxiliary_registration_data(adev, &info_type);

	if (IS_ERR(info))
		return PTR_ERR(info);
	n1_info = info;
	return 0;
}

static void n1_remove(struct auxiliary_device *adev)
{
	n1_info = NULL;
}

static struct auxiliary_driver n1_driver = {
	.probe = n1_probe,
	.remove = n1_remove,
};

/* ---- negative 2: kept in the device's own driver data ---- */
static int n2_probe(struct auxiliary_device *adev,
		    const struct auxiliary_device_id *id)
{
	struct info *info = auxiliary_registration_data(adev, &info_type);

	if (IS_ERR(info))
		return PTR_ERR(info);
	auxiliary_set_drvdata(adev, info);
	return 0;
}

static void n2_remove(struct auxiliary_device *adev)
{
}

static struct auxiliary_driver n2_driver = {
	.probe = n2_probe,
	.remove = n2_remove,
};

/* ---- negative 3: kept in a devm_kzalloc'd private struct ---- */
struct n3_priv {
	struct info *info;
	struct foo_adev *fdev;
};

static int n3_probe(struct auxiliary_device *adev,
		    const struct auxiliary_device_id *id)
{
	struct n3_priv *priv = devm_kzalloc(&adev->dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->info = auxiliary_registration_data(adev, &info_type);
	if (IS_ERR(priv->info))
		return PTR_ERR(priv->info);
	priv->fdev = to_foo_adev(adev);
	auxiliary_set_drvdata(adev, priv);
	return 0;
}

static struct auxiliary_driver n3_driver = {
	.probe = n3_probe,
};

/* ---- negative 4: stored in the parent's data, cleared by a helper of
 * .remove ---- */
struct n4_parent {
	struct foo_adev *child;
};

static void n4_detach(struct auxiliary_device *adev)
{
	struct n4_parent *pp = dev_get_drvdata(adev->dev.parent);

	pp->child = NULL;
}

static int n4_probe(struct auxiliary_device *adev,
		    const struct auxiliary_device_id *id)
{
	struct n4_parent *pp = dev_get_drvdata(adev->dev.parent);

	pp->child = to_foo_adev(adev);
	return 0;
}

static void n4_remove(struct auxiliary_device *adev)
{
	n4_detach(adev);
}

static struct auxiliary_driver n4_driver = {
	.probe = n4_probe,
	.remove = n4_remove,
};

/* ---- negative 5: a global set from memory the driver owns ---- */
static u32 *n5_counters;

static int n5_probe(struct auxiliary_device *adev,
		    const struct auxiliary_device_id *id)
{
	n5_counters = kzalloc(64, GFP_KERNEL);
	return n5_counters ? 0 : -ENOMEM;
}

static void n5_remove(struct auxiliary_device *adev)
{
	kfree(n5_counters);
}

static struct auxiliary_driver n5_driver = {
	.probe = n5_probe,
	.remove = n5_remove,
};

/* ---- negative 6: a global table slot, cleared in .remove ---- */
static struct info *n6_slots[4];

static int n6_probe(struct auxiliary_device *adev,
		    const struct auxiliary_device_id *id)
{
	struct info *info = auxiliary_registration_data(adev, &info_type);

	if (IS_ERR(info))
		return PTR_ERR(info);
	n6_slots[adev->id & 3] = info;
	return 0;
}

static void n6_remove(struct auxiliary_device *adev)
{
	n6_slots[adev->id & 3] = NULL;
}

static struct auxiliary_driver n6_driver = {
	.probe = n6_probe,
	.remove = n6_remove,
};
