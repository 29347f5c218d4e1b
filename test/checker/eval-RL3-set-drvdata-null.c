// RL3 when .remove only clears the driver data: pci_set_drvdata(pdev, NULL)
// forgets the registration, it does not drop it (held-out round 9).
// RUN: %kbound_cc1 -DKBUILD_MODNAME='"rl3n"' -verify -verify-ignore-unexpected=note %s
#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/pci.h>

struct cfg {
	u32 id;
};
static DEFINE_AUXILIARY_REGDATA_TYPE(cfg_type, struct cfg);

static int a_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct cfg c = { .id = 1 };
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &cfg_type, &c);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	pci_set_drvdata(pdev, reg); // expected-warning {{[RL3] registration stored in driver data by .probe 'a_probe' is never dropped in .remove 'a_remove'}}
	return 0;
}

static void a_remove(struct pci_dev *pdev)
{
	pci_set_drvdata(pdev, NULL);
}

static struct pci_driver a_driver = { .probe = a_probe, .remove = a_remove };

/* The correct twin drops it before clearing the driver data. */
static int b_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct cfg c = { .id = 2 };
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(&pdev->dev, "b", 0, KBUILD_MODNAME, &cfg_type, &c);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	pci_set_drvdata(pdev, reg);
	return 0;
}

static void b_remove(struct pci_dev *pdev)
{
	auxiliary_registration_drop(pci_get_drvdata(pdev));
	pci_set_drvdata(pdev, NULL);
}

static struct pci_driver b_driver = { .probe = b_probe, .remove = b_remove };
