#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include "pcore.h"

int pcore_add_eth(struct device *parent)
{
	struct auxiliary_device *adev;
	struct pcore_adev *padev;
	int ret;

	padev = kzalloc(sizeof(*padev), GFP_KERNEL);
	if (!padev)
		return -ENOMEM;
	adev = &padev->adev;
	adev->name = PCORE_ETH_NAME;
	adev->dev.parent = parent;
	ret = auxiliary_device_init(adev);
	if (ret) {
		kfree(padev);
		return ret;
	}
	ret = auxiliary_device_add(adev);
	if (ret)
		auxiliary_device_uninit(adev);
	return ret;
}

int pcore_add_rdma(struct device *parent, struct pcore_adev *padev)
{
	int ret;

	padev->adev.name = "rdma";
	padev->adev.dev.parent = parent;
	ret = auxiliary_device_init(&padev->adev);
	if (ret)
		return ret;
	ret = __auxiliary_device_add(&padev->adev, PCORE_DRV_NAME);
	if (ret)
		auxiliary_device_uninit(&padev->adev);
	return ret;
}
