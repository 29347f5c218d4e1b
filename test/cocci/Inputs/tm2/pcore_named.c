#include <linux/auxiliary_bus.h>
#include "pcore.h"

/* The device name is a parameter: resolved from the call sites below. */
static int pcore_add_named(struct device *parent, struct pcore_adev *padev,
			   const char *name)
{
	int ret;

	padev->adev.name = name;
	padev->adev.dev.parent = parent;
	ret = auxiliary_device_init(&padev->adev);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&padev->adev);
	if (ret)
		auxiliary_device_uninit(&padev->adev);
	return ret;
}

int pcore_add_vdpa(struct device *parent, struct pcore_adev *padev)
{
	return pcore_add_named(parent, padev, "vdpa");
}
