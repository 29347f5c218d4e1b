#include <linux/auxiliary_bus.h>
#include "lay.h"

/* Correct twin: the conditional container_of() names the parent's struct. */
static int condok_probe(struct auxiliary_device *adev,
			const struct auxiliary_device_id *id)
{
	return adev ? container_of(adev, struct lay_adev, adev)->port : -ENODEV;
}

static const struct auxiliary_device_id condok_ids[] = {
	{ .name = "lay.condok" },
	{ }
};

static struct auxiliary_driver condok_driver = {
	.name = "condok",
	.probe = condok_probe,
	.id_table = condok_ids,
};
module_auxiliary_driver(condok_driver);
