#include <linux/auxiliary_bus.h>
#include "lay.h"

/* container_of() in a static helper of the file, to the wrong struct. */
static struct other_adev *helper_adev(struct auxiliary_device *a)
{
	return container_of(a, struct other_adev, adev);
}

static int helper_probe(struct auxiliary_device *adev,
			const struct auxiliary_device_id *id)
{
	return helper_adev(adev)->port;
}

static const struct auxiliary_device_id helper_ids[] = {
	{ .name = "lay.helper" },
	{ }
};

static struct auxiliary_driver helper_driver = {
	.name = "helper",
	.probe = helper_probe,
	.id_table = helper_ids,
};
module_auxiliary_driver(helper_driver);
