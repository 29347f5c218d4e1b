#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include <linux/err.h>
#include "pcore.h"

DEFINE_AUXILIARY_REGDATA_TYPE(pcore_ctrl_info_type, struct pcore_ctrl_info);

int pcore_add_ctrl(struct device *parent, struct pcore_ctrl_info *info)
{
	struct auxiliary_registration *reg;

	reg = devm_auxiliary_registration_new(parent, "ctrl", 0, KBUILD_MODNAME,
					      &pcore_ctrl_info_type, info);
	return PTR_ERR_OR_ZERO(reg);
}
