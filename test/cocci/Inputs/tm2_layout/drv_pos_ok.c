#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include "lay.h"

/* Correct twin: positional entries, one of them the parent's device. */
static int posok_probe(struct auxiliary_device *adev,
		       const struct auxiliary_device_id *id)
{
	struct lay_a *a;

	a = auxiliary_registration_data(adev, &lay_a_type);
	if (IS_ERR(a))
		return PTR_ERR(a);
	return a->x;
}

static const struct auxiliary_device_id posok_ids[] = {
	{ "lay.nosuch" },
	{ "lay.posok", 1 },
	{ }
};

static struct auxiliary_driver posok_driver = {
	.id_table = posok_ids,
	.probe = posok_probe,
	.name = "posok",
};
module_auxiliary_driver(posok_driver);
