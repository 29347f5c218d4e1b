#include <linux/auxiliary_bus.h>
#include "lay.h"

/* container_of() inside a conditional expression, to the wrong struct. */
static int cond_probe(struct auxiliary_device *adev,
		      const struct auxiliary_device_id *id)
{
	return adev ? container_of(adev, struct other_adev, adev)->port : -ENODEV;
}

static const struct auxiliary_device_id cond_ids[] = {
	{ .name = "lay.cond" },
	{ }
};

static struct auxiliary_driver cond_driver = {
	.name = "cond",
	.probe = cond_probe,
	.id_table = cond_ids,
};
module_auxiliary_driver(cond_driver);
