#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include "pcore.h"

struct ctrl_cfg {
	int nr_queues;
	int fw;
};
DEFINE_AUXILIARY_REGDATA_TYPE(ctrl_cfg_type, struct ctrl_cfg);

static int ctrl_probe(struct auxiliary_device *adev,
		      const struct auxiliary_device_id *id)
{
	struct ctrl_cfg *cfg;

	cfg = auxiliary_registration_data(adev, &ctrl_cfg_type);
	if (IS_ERR(cfg))
		return PTR_ERR(cfg);
	return cfg->fw;
}

static const struct auxiliary_device_id ctrl_id_table[] = {
	{ .name = "pcore.ctrl" },
	{ }
};

static struct auxiliary_driver ctrl_driver = {
	.name = "ctrl",
	.probe = ctrl_probe,
	.id_table = ctrl_id_table,
};
module_auxiliary_driver(ctrl_driver);
