// SPDX-License-Identifier: GPL-2.0
/*
 * bug_tm2_container_mismatch (TM2), auxiliary side: a separate module whose
 * id table matches "cm_parent.eth" but which container_of()s the device to
 * its own, larger struct cm_eth_adev (a stale copy of the parent's layout)
 * instead of the parent's struct cm_parent_adev. Scenario `bind`:
 * AddressSanitizer reports a heap-buffer-overflow read in cm_eth_probe.
 */
#include <linux/auxiliary_bus.h>
#include <linux/module.h>

struct cm_eth_adev {
	struct auxiliary_device adev;
	u32 nr_queues;
	u32 mtu;
	u64 features;
};

static int cm_eth_probe(struct auxiliary_device *adev,
			const struct auxiliary_device_id *id)
{
	/* BUG: TM2, the parent embedded adev in struct cm_parent_adev. */
	struct cm_eth_adev *eadev = container_of(adev, struct cm_eth_adev, adev);

	dev_info(&adev->dev, "%u queues, mtu %u, features %llx\n",
		 eadev->nr_queues, eadev->mtu,
		 (unsigned long long)eadev->features);
	return 0;
}

static const struct auxiliary_device_id cm_eth_id_table[] = {
	{ .name = "cm_parent.eth" },
	{ }
};

static struct auxiliary_driver cm_eth_driver = {
	.name = "cm_eth",
	.probe = cm_eth_probe,
	.id_table = cm_eth_id_table,
};
module_auxiliary_driver(cm_eth_driver);

MODULE_LICENSE("GPL");
