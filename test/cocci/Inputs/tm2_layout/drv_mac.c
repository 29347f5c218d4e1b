#include <linux/auxiliary_bus.h>
#include "lay.h"

/* A to_foo() wrapper macro, written over two lines, to the wrong struct. */
#define to_other(a) \
	container_of((a), struct other_adev, adev)

static int mac_probe(struct auxiliary_device *adev,
		     const struct auxiliary_device_id *id)
{
	return to_other(adev)->port;
}

static const struct auxiliary_device_id mac_ids[] = {
	{ .name = "lay.mac" },
	{ }
};

static struct auxiliary_driver mac_driver = {
	.name = "mac",
	.probe = mac_probe,
	.id_table = mac_ids,
};
module_auxiliary_driver(mac_driver);
