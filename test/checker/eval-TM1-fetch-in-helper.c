// TM1 by device name within one file, when the auxiliary driver's probe
// fetches through a static helper it hands the device to (held-out round 9).
// RUN: %kbound_cc1 -DKBUILD_MODNAME='"tmh"' -verify -verify-ignore-unexpected=note %s
#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/pci.h>

struct a_cfg {
	u32 x;
};
struct b_cfg {
	u32 y;
};
static DEFINE_AUXILIARY_REGDATA_TYPE(a_type, struct a_cfg);
static DEFINE_AUXILIARY_REGDATA_TYPE(b_type, struct b_cfg);

static void *cfg_of(struct auxiliary_device *adev)
{
	return auxiliary_registration_data(adev, &a_type); // expected-warning {{[TM1] registration data fetched with tag 'a_type' (struct a_cfg) by the driver of 'tmh.b'}}
}

static int b_probe(struct auxiliary_device *adev, const struct auxiliary_device_id *id)
{
	void *c = cfg_of(adev);

	return IS_ERR(c) ? PTR_ERR(c) : 0;
}

static const struct auxiliary_device_id b_ids[] = { { .name = KBUILD_MODNAME ".b" }, { } };
static struct auxiliary_driver b_drv = { .probe = b_probe, .id_table = b_ids };

/* The correct twin fetches with the tag its device is created with. */
static void *cfg_of_a(struct auxiliary_device *adev)
{
	return auxiliary_registration_data(adev, &a_type);
}

static int a_probe(struct auxiliary_device *adev, const struct auxiliary_device_id *id)
{
	void *c = cfg_of_a(adev);

	return IS_ERR(c) ? PTR_ERR(c) : 0;
}

static const struct auxiliary_device_id a_ids[] = { { .name = KBUILD_MODNAME ".a" }, { } };
static struct auxiliary_driver a_drv = { .probe = a_probe, .id_table = a_ids };

static int p_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct a_cfg a = { .x = 1 };
	struct b_cfg b = { .y = 2 };
	struct auxiliary_registration *r;

	r = devm_auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &a_type, &a);
	if (IS_ERR(r))
		return PTR_ERR(r);
	r = devm_auxiliary_registration_new(&pdev->dev, "b", 0, KBUILD_MODNAME, &b_type, &b);
	return PTR_ERR_OR_ZERO(r);
}

static struct pci_driver p_drv = { .probe = p_probe };
