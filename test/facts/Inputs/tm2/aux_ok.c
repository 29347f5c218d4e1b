/* An auxiliary driver of "parent.ctrl" (see ../../cross-file-tags.test). */
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/mod_devicetable.h>
// nofacts-no-diagnostics
// facts-no-diagnostics

struct ctrl_info {
	int queues;
};

/* The parent's own tag object (external linkage): the same tag. */
extern const struct auxiliary_regdata_type ctrl_info_type;

static int aux_probe(struct auxiliary_device *adev,
		     const struct auxiliary_device_id *id)
{
	struct ctrl_info *p = auxiliary_registration_data(adev, &ctrl_info_type);

	return PTR_ERR_OR_ZERO(p);
}

static const struct auxiliary_device_id aux_ids[] = {
	{ .name = "parent.ctrl" },
	{ }
};

static struct auxiliary_driver aux_drv = {
	.name = "aux_ok",
	.probe = aux_probe,
	.id_table = aux_ids,
};

int aux_init(void)
{
	return auxiliary_driver_register(&aux_drv);
}
