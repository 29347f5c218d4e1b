#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include "lay.h"

/* The id table on one line, designated; fetches with the wrong tag. */
DEFINE_AUXILIARY_REGDATA_TYPE(lay_b_type, struct lay_b);

static int ol_probe(struct auxiliary_device *adev, const struct auxiliary_device_id *id)
{
	struct lay_b *b = auxiliary_registration_data(adev, &lay_b_type);

	return IS_ERR(b) ? PTR_ERR(b) : b->y;
}

static const struct auxiliary_device_id ol_ids[] = { { .name = "lay.oneline" }, { } };
static struct auxiliary_driver ol_driver = { .name = "ol", .probe = ol_probe, .id_table = ol_ids, };
module_auxiliary_driver(ol_driver);
