/* An auxiliary driver of "parent.ctrl" (see ../../cross-file-tags.test). */
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/mod_devicetable.h>
// nofacts-no-diagnostics

struct ctrl_cfg {
	int mtu;
};

DEFINE_AUXILIARY_REGDATA_TYPE(ctrl_cfg_type, struct ctrl_cfg);

static int aux_probe(struct auxiliary_device *adev,
		     const struct auxiliary_device_id *id)
{
	struct ctrl_cfg *p = auxiliary_registration_data(adev, &ctrl_cfg_type); // facts-warning {{[TM2] registration data fetched with tag 'ctrl_cfg_type' (struct ctrl_cfg) by the driver of 'parent.ctrl', which}}

	return PTR_ERR_OR_ZERO(p);
}

static const struct auxiliary_device_id aux_ids[] = {
	{ .name = "parent.ctrl" },
	{ }
};

static struct auxiliary_driver aux_drv = {
	.name = "aux_bad",
	.probe = aux_probe,
	.id_table = aux_ids,
};

int aux_init(void)
{
	return auxiliary_driver_register(&aux_drv);
}
