#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include "lay.h"

/* Positional id table entries, over several lines; wrong tag. */
static int pos_probe(struct auxiliary_device *adev,
		     const struct auxiliary_device_id *id)
{
	struct lay_b *b;

	b = auxiliary_registration_data(adev,
					&lay_b_type);
	if (IS_ERR(b))
		return PTR_ERR(b);
	return b->y;
}

static const struct auxiliary_device_id pos_ids[] = {
	{ "lay.pos", 0 },
	{ }
};

static struct auxiliary_driver pos_driver = {
	.id_table = pos_ids,
	.probe = pos_probe,
	.name = "pos",
};
module_auxiliary_driver(pos_driver);
