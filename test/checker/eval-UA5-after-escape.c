// UA5 after the device was handed to an unknown function: the wrong order
// (uninit, then delete) on this path is a bug whatever the callee did.
// (The device also lives in devm memory with an empty release: UA8.)
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct fz_priv {
	struct auxiliary_device adev;
};

int fz_start(struct fz_priv *p);
static void fz_rel(struct device *d) { }

/* ---- positive: error ladder in probe, after fz_start(p) saw the device ---- */
static int fz_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct fz_priv *p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	int ret;

	if (!p)
		return -ENOMEM;
	p->adev.name = "fz";
	p->adev.dev.parent = &pdev->dev;
	p->adev.dev.release = fz_rel;
	ret = auxiliary_device_init(&p->adev); // expected-warning {{[UA8]}}
	if (ret)
		return ret;
	ret = auxiliary_device_add(&p->adev);
	if (ret)
		goto err_uninit;
	ret = fz_start(p);
	if (ret)
		goto err_out;
	pci_set_drvdata(pdev, p);
	return 0;
err_out:
	auxiliary_device_uninit(&p->adev);
	auxiliary_device_delete(&p->adev); // expected-warning {{[UA5]}}
	return ret;
err_uninit:
	auxiliary_device_uninit(&p->adev);
	return ret;
}

/* ---- negative: the same ladder in the right order ---- */
static int fz_probe_ok(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct fz_priv *p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	int ret;

	if (!p)
		return -ENOMEM;
	p->adev.name = "fz";
	p->adev.dev.parent = &pdev->dev;
	p->adev.dev.release = fz_rel;
	ret = auxiliary_device_init(&p->adev); // expected-warning {{[UA8]}}
	if (ret)
		return ret;
	ret = auxiliary_device_add(&p->adev);
	if (ret)
		goto err_uninit;
	ret = fz_start(p);
	if (ret)
		goto err_del;
	pci_set_drvdata(pdev, p);
	return 0;
err_del:
	auxiliary_device_delete(&p->adev);
err_uninit:
	auxiliary_device_uninit(&p->adev);
	return ret;
}

static void fz_remove(struct pci_dev *pdev)
{
	struct fz_priv *p = pci_get_drvdata(pdev);

	auxiliary_device_delete(&p->adev);
	auxiliary_device_uninit(&p->adev);
}

static struct pci_driver fz_driver = {
	.name = "fz",
	.probe = fz_probe,
	.remove = fz_remove,
};

static struct pci_driver fz_driver_ok = {
	.name = "fz_ok",
	.probe = fz_probe_ok,
	.remove = fz_remove,
};
