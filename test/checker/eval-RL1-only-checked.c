// RL1 when the registration is only inspected (IS_ERR() & co.) and never
// kept: nothing can drop it afterwards.
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct ev_info {
	int n;
};
DEFINE_AUXILIARY_REGDATA_TYPE(ev_tag, struct ev_info);

/* ---- positives ---- */
static int ev_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ev_info ei = { 1 };

	if (IS_ERR(auxiliary_registration_new(&pdev->dev, "ev", 0, KBUILD_MODNAME, &ev_tag, &ei))) // expected-warning {{[RL1]}}
		return -ENODEV;
	return 0;
}

static int ev_probe2(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ev_info ei = { 1 };

	return PTR_ERR_OR_ZERO(auxiliary_registration_new(&pdev->dev, "ev", 1, KBUILD_MODNAME, &ev_tag, &ei)); // expected-warning {{[RL1]}}
}

/* ---- negatives ---- */
struct ev_priv {
	struct auxiliary_registration *reg;
};

static int ev_probe_ok(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ev_priv *p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	struct ev_info ei = { 1 };

	if (!p)
		return -ENOMEM;
	if (IS_ERR(p->reg = auxiliary_registration_new(&pdev->dev, "ev", 2, KBUILD_MODNAME, &ev_tag, &ei)))
		return PTR_ERR(p->reg);
	pci_set_drvdata(pdev, p);
	return 0;
}

/* devm: devres drops it, so only checking it is fine. */
static int ev_probe_devm(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ev_info ei = { 1 };

	return PTR_ERR_OR_ZERO(devm_auxiliary_registration_new(&pdev->dev, "ev", 3, KBUILD_MODNAME, &ev_tag, &ei));
}

static void ev_remove(struct pci_dev *pdev)
{
	struct ev_priv *p = pci_get_drvdata(pdev);

	auxiliary_registration_drop(p->reg);
}

static struct pci_driver ev_driver = {
	.name = "ev",
	.probe = ev_probe_ok,
	.remove = ev_remove,
};
