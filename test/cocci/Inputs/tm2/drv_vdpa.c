#include <linux/auxiliary_bus.h>
#include "pcore.h"

struct vdpa_adev {
	struct auxiliary_device adev;
	void *mgmt;
};

static int vdpa_probe(struct auxiliary_device *adev,
		      const struct auxiliary_device_id *id)
{
	struct vdpa_adev *v = container_of(adev, struct vdpa_adev, adev);

	return v->mgmt != NULL;
}

static const struct auxiliary_device_id vdpa_id_table[] = {
	{ .name = "pcore.vdpa" },
	{ }
};

static struct auxiliary_driver vdpa_driver = {
	.name = "vdpa",
	.probe = vdpa_probe,
	.id_table = vdpa_id_table,
};
module_auxiliary_driver(vdpa_driver);
