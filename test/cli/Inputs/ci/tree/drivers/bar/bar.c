// SPDX-License-Identifier: GPL-2.0
#include <linux/auxiliary_bus.h>

struct bar_adev {
	struct auxiliary_device adev;
};

static int bar_probe(struct auxiliary_device *adev,
		     const struct auxiliary_device_id *id)
{
	struct bar_adev *bar = container_of(adev, struct bar_adev, adev);

	return bar ? 0 : -ENODEV;
}
