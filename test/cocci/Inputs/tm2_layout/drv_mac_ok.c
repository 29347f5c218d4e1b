#include <linux/auxiliary_bus.h>
#include "lay.h"

/* Correct twin: the wrapper macro names the parent's struct. */
#define to_lay(a) \
	container_of((a), struct lay_adev, adev)

static int macok_probe(struct auxiliary_device *adev,
		       const struct auxiliary_device_id *id)
{
	return to_lay(adev)->port;
}

static const struct auxiliary_device_id macok_ids[] = {
	{ .name = "lay.macok" },
	{ }
};

static struct auxiliary_driver macok_driver = {
	.name = "macok",
	.probe = macok_probe,
	.id_table = macok_ids,
};
module_auxiliary_driver(macok_driver);
