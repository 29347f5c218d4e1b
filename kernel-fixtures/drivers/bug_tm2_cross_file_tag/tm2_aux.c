// SPDX-License-Identifier: GPL-2.0
/*
 * bug_tm2_cross_file_tag (TM2), auxiliary side: a separate module whose id
 * table matches "tm2_parent.ctrl", written against its own idea of the
 * parent's data (struct tm2_ctrl_cfg with its own tag) instead of the
 * parent's struct tm2_ctrl_info tag. Every fetch returns ERR_PTR(-EINVAL).
 * Scenario `bind`: "probe of tm2_parent.ctrl.0 by ... failed: -22 (EINVAL)".
 */
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct tm2_ctrl_cfg {
	u32 nr_queues;
	u32 fw_version;
};

DEFINE_AUXILIARY_REGDATA_TYPE(tm2_ctrl_cfg_type, struct tm2_ctrl_cfg);

static int tm2_aux_probe(struct auxiliary_device *adev,
			 const struct auxiliary_device_id *id)
{
	struct tm2_ctrl_cfg *cfg;

	/* BUG: TM2, the parent registered this device with another tag. */
	cfg = auxiliary_registration_data(adev, &tm2_ctrl_cfg_type);
	if (IS_ERR(cfg))
		return PTR_ERR(cfg);

	dev_info(&adev->dev, "%u queues, firmware %x\n", cfg->nr_queues,
		 cfg->fw_version);
	return 0;
}

static const struct auxiliary_device_id tm2_aux_id_table[] = {
	{ .name = "tm2_parent.ctrl" },
	{ }
};

static struct auxiliary_driver tm2_aux_driver = {
	.name = "tm2_aux",
	.probe = tm2_aux_probe,
	.id_table = tm2_aux_id_table,
};
module_auxiliary_driver(tm2_aux_driver);

MODULE_LICENSE("GPL");
