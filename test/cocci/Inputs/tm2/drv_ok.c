#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include "pcore.h"

/* Correct pairs: pcore.rdma embeds struct pcore_adev and this driver
 * container_of()s to it; pcore.ctrl2 does not exist; other.x has no parent. */
static int ok_probe(struct auxiliary_device *adev,
		    const struct auxiliary_device_id *id)
{
	struct pcore_adev *padev = container_of(adev, struct pcore_adev, adev);

	return padev->port;
}

static const struct auxiliary_device_id ok_id_table[] = {
	{ .name = "pcore.rdma" },
	{ .name = "other.x" },
	{ }
};

static struct auxiliary_driver ok_driver = {
	.name = "ok",
	.probe = ok_probe,
	.id_table = ok_id_table,
};
module_auxiliary_driver(ok_driver);
