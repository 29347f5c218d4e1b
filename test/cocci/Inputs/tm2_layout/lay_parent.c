#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include "lay.h"

/* Registrations of "lay.*" devices with tag lay_a_type, one call on one
 * line and one over several lines. */
DEFINE_AUXILIARY_REGDATA_TYPE(lay_a_type, struct lay_a);

int lay_register(struct device *parent, struct lay_a *a)
{
	struct auxiliary_registration *r1, *r2, *r3, *r4;

	r1 = devm_auxiliary_registration_new(parent, "oneline", 0, KBUILD_MODNAME, &lay_a_type, a);
	r2 = devm_auxiliary_registration_new(parent, "oneok", 0, KBUILD_MODNAME, &lay_a_type, a);
	r3 = devm_auxiliary_registration_new(parent,
					     "pos",
					     0,
					     KBUILD_MODNAME,
					     &lay_a_type,
					     a);
	r4 = devm_auxiliary_registration_new(parent, "posok", 0,
					     KBUILD_MODNAME, &lay_a_type, a);
	return PTR_ERR_OR_ZERO(r1) ?: PTR_ERR_OR_ZERO(r2) ?:
	       PTR_ERR_OR_ZERO(r3) ?: PTR_ERR_OR_ZERO(r4);
}
