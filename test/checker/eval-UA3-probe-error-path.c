// UA3 on the path that creates the registration: memory its data points to
// is freed while the registration is still live (a probe error path that
// frees before it drops).
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct eb {
	int n;
};
struct eb_info {
	struct eb *e;
	int id;
};
DEFINE_AUXILIARY_REGDATA_TYPE(eb_tag, struct eb_info);

int eb_hw(struct pci_dev *pdev);

/* ---- positive ---- */
static int eb_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct auxiliary_registration *r;
	struct eb_info info;
	struct eb *e;
	int ret;

	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	info.e = e;
	info.id = 0;
	r = auxiliary_registration_new(&pdev->dev, "eb", 0, KBUILD_MODNAME, &eb_tag, &info);
	if (IS_ERR(r)) {
		kfree(e);
		return PTR_ERR(r);
	}
	ret = eb_hw(pdev);
	if (ret) {
		kfree(e); // expected-warning {{[UA3]}}
		auxiliary_registration_drop(r);
		return ret;
	}
	pci_set_drvdata(pdev, r);
	return 0;
}

/* ---- negatives: free after the drop, free when creation failed, free of
 * memory the data does not point to ---- */
static int eb_probe_ok(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct auxiliary_registration *r;
	struct eb_info info;
	struct eb *e;
	void *scratch;
	int ret;

	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	scratch = kzalloc(16, GFP_KERNEL);
	if (!scratch) {
		kfree(e);
		return -ENOMEM;
	}
	info.e = e;
	info.id = 1;
	r = auxiliary_registration_new(&pdev->dev, "eb", 1, KBUILD_MODNAME, &eb_tag, &info);
	if (IS_ERR(r)) {
		kfree(scratch);
		kfree(e);
		return PTR_ERR(r);
	}
	kfree(scratch);
	ret = eb_hw(pdev);
	if (ret) {
		auxiliary_registration_drop(r);
		kfree(e);
		return ret;
	}
	pci_set_drvdata(pdev, r);
	return 0;
}

static void eb_remove(struct pci_dev *pdev)
{
	auxiliary_registration_drop(pci_get_drvdata(pdev));
}

static struct pci_driver eb_driver = {
	.name = "eb",
	.probe = eb_probe_ok,
	.remove = eb_remove,
};
