/* The parent: creates "parent.ctrl" with the tag ctrl_info_type. */
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/err.h>

struct ctrl_info {
	int queues;
};

DEFINE_AUXILIARY_REGDATA_TYPE(ctrl_info_type, struct ctrl_info);

static struct ctrl_info info = { .queues = 4 };

int parent_add(struct device *dev)
{
	struct auxiliary_registration *reg;

	reg = devm_auxiliary_registration_new(dev, "ctrl", 0, "parent",
					      &ctrl_info_type, &info);
	return PTR_ERR_OR_ZERO(reg);
}
