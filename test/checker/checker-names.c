// One checker per check ID: each can be turned off on its own, and a report
// carries its ID's checker name (the SARIF ruleId, the HTML's checker).
//
// A kfree() after a successful init is both UA2 and RL4: with everything on,
// both are reported; turning one ID off removes exactly that report.
// RUN: %kbound_cc1 -verify=all %s
// RUN: %kbound_cc1 -analyzer-disable-checker=kbound.RL4 -verify=nrl4 %s
// RUN: %kbound_cc1 -analyzer-disable-checker=kbound.UA2 -verify=nua2 %s
// Only one ID enabled: the other models' IDs stay silent.
// RUN: %clang_cc1 -analyze -load %kbound_plugin -analyzer-checker=kbound.RL4 \
// RUN:   -I %fixtures_include -verify=nua2 %s
// The report's rule is its ID's checker.
// RUN: rm -f %t.sarif
// RUN: %kbound_cc1 -analyzer-output=sarif -o %t.sarif %s
// RUN: FileCheck %s --check-prefix=SARIF < %t.sarif
// SARIF-DAG: "ruleId": "kbound.UA2"
// SARIF-DAG: "ruleId": "kbound.RL4"
// SARIF-DAG: "id": "kbound.UA2"
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>

static void rel(struct device *dev)
{
	kfree(container_of(dev, struct auxiliary_device, dev));
}

int kfree_after_init(struct device *parent)
{
	struct auxiliary_device *adev = kzalloc(sizeof(*adev), GFP_KERNEL);
	int ret;

	if (!adev)
		return -ENOMEM;
	adev->name = "x";
	adev->dev.parent = parent;
	adev->dev.release = rel;
	ret = auxiliary_device_init(adev);
	if (ret) {
		kfree(adev);
		return ret;
	}
	ret = auxiliary_device_add(adev);
	if (ret) {
		/* all-warning@+4 {{[UA2] kfree() of an auxiliary device}} */
		/* all-warning@+3 {{[RL4] auxiliary_device_init() succeeded but this path frees}} */
		/* nrl4-warning@+2 {{[UA2] kfree() of an auxiliary device}} */
		/* nua2-warning@+1 {{[RL4] auxiliary_device_init() succeeded but this path frees}} */
		kfree(adev);
		return ret;
	}
	return 0;
}
