// TM5 on the branch where IS_ERR() was true but the code did not leave:
// the check only logged and fell through to the dereference.
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>

struct gy_info {
	int g;
};
DEFINE_AUXILIARY_REGDATA_TYPE(gy_tag, struct gy_info);

/* ---- positives ---- */
static int gy_probe(struct auxiliary_device *adev,
		    const struct auxiliary_device_id *id)
{
	struct gy_info *gi = auxiliary_registration_data(adev, &gy_tag);

	if (IS_ERR(gi))
		dev_warn(&adev->dev, "no data\n");
	auxiliary_set_drvdata(adev, gi);
	return gi->g ? 0 : -EINVAL; // expected-warning {{[TM5]}}
}

/* ---- negatives ---- */
static int gy_probe_ok(struct auxiliary_device *adev,
		       const struct auxiliary_device_id *id)
{
	struct gy_info *gi = auxiliary_registration_data(adev, &gy_tag);

	if (IS_ERR(gi)) {
		dev_warn(&adev->dev, "no data\n");
		return PTR_ERR(gi);
	}
	return gi->g;
}

static int gy_probe_or_zero(struct auxiliary_device *adev,
			    const struct auxiliary_device_id *id)
{
	struct gy_info *gi = auxiliary_registration_data(adev, &gy_tag);
	int ret = PTR_ERR_OR_ZERO(gi);

	if (ret)
		return ret;
	return gi->g;
}

static int gy_probe_optional(struct auxiliary_device *adev,
			     const struct auxiliary_device_id *id)
{
	struct gy_info *gi = auxiliary_registration_data(adev, &gy_tag);

	if (IS_ERR(gi))
		gi = NULL;
	if (gi)
		return gi->g;
	return 0;
}

static struct auxiliary_driver gy_driver = {
	.name = "gy",
	.probe = gy_probe,
};
