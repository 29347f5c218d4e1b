#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include "lay.h"

/* Correct twin: one-line table, the parent's tag. */
static int olok_probe(struct auxiliary_device *adev, const struct auxiliary_device_id *id)
{
	struct lay_a *a = auxiliary_registration_data(adev, &lay_a_type);

	return IS_ERR(a) ? PTR_ERR(a) : a->x;
}

static const struct auxiliary_device_id olok_ids[] = { { .name = "lay.oneok" }, { } };
static struct auxiliary_driver olok_driver = { .name = "olok", .probe = olok_probe, .id_table = olok_ids, };
module_auxiliary_driver(olok_driver);
