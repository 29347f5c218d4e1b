#include <linux/auxiliary_bus.h>
#include "lay.h"

/* Correct twin: the static helper names the parent's struct. */
static struct lay_adev *helperok_adev(struct auxiliary_device *a)
{
	return container_of(a, struct lay_adev, adev);
}

static int helperok_probe(struct auxiliary_device *adev,
			  const struct auxiliary_device_id *id)
{
	return helperok_adev(adev)->port;
}

static const struct auxiliary_device_id helperok_ids[] = {
	{ .name = "lay.helperok" },
	{ }
};

static struct auxiliary_driver helperok_driver = {
	.name = "helperok",
	.probe = helperok_probe,
	.id_table = helperok_ids,
};
module_auxiliary_driver(helperok_driver);
