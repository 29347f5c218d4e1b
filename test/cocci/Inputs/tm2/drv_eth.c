#include <linux/auxiliary_bus.h>
#include "pcore.h"

struct eth_adev {
	struct auxiliary_device adev;
	long features;
};
#define to_eth_adev(a) container_of(a, struct eth_adev, adev)

static int eth_probe(struct auxiliary_device *adev,
		     const struct auxiliary_device_id *id)
{
	struct eth_adev *e = to_eth_adev(adev);

	return e->features != 0;
}

static const struct auxiliary_device_id eth_id_table[] = {
	{ .name = PCORE_DRV_NAME "." PCORE_ETH_NAME },
	{ }
};

static struct auxiliary_driver eth_driver = {
	.name = "eth",
	.probe = eth_probe,
	.id_table = eth_id_table,
};
module_auxiliary_driver(eth_driver);
