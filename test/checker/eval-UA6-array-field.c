// UA6 through an array field: registrations from
// devm_auxiliary_registration_new() kept in `dmx->clients[i]` and dropped by
// hand in .remove. The same shape with auxiliary_registration_new() is the
// correct manual drop. One local reused for both kinds makes both fields
// ambiguous (the file is read flow-insensitively): quiet.
// RUN: %kbound_cc1 -verify %s
// RUN: %kbound_cc1 -verify -DREUSE %s
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/err.h>
#include <linux/slab.h>
#ifdef REUSE
// expected-no-diagnostics
#define PLAINVAR reg
#else
#define PLAINVAR plain
#endif

struct dmx_data {
	int chan;
};
DEFINE_AUXILIARY_REGDATA_TYPE(dmx_tag, struct dmx_data);

struct dmx {
	struct pci_dev *pdev;
	struct auxiliary_registration *clients[4];
	struct auxiliary_registration *plain[4];
};

static int dmx_add(struct dmx *dmx, int i)
{
	struct dmx_data d = { .chan = i };
	struct auxiliary_registration *reg, *plain;

	reg = devm_auxiliary_registration_new(&dmx->pdev->dev, "client", i,
					      KBUILD_MODNAME, &dmx_tag, &d);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	dmx->clients[i] = reg;

	PLAINVAR = auxiliary_registration_new(&dmx->pdev->dev, "plain", i,
					      KBUILD_MODNAME, &dmx_tag, &d);
	if (IS_ERR(PLAINVAR))
		return PTR_ERR(PLAINVAR);
	dmx->plain[i] = PLAINVAR;
	return 0;
}

static int dmx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct dmx *dmx = devm_kzalloc(&pdev->dev, sizeof(*dmx), GFP_KERNEL);
	int i, ret;

	if (!dmx)
		return -ENOMEM;
	dmx->pdev = pdev;
	for (i = 0; i < 4; i++) {
		ret = dmx_add(dmx, i);
		if (ret)
			return ret;
	}
	pci_set_drvdata(pdev, dmx);
	return 0;
}

static void dmx_remove(struct pci_dev *pdev)
{
	struct dmx *dmx = pci_get_drvdata(pdev);
	int i;

	for (i = 0; i < 4; i++) {
		auxiliary_registration_drop(dmx->plain[i]);
#ifndef REUSE
		auxiliary_registration_drop(dmx->clients[i]); // expected-warning {{[UA6]}}
#else
		auxiliary_registration_drop(dmx->clients[i]);
#endif
	}
}

static struct pci_driver dmx_driver = {
	.name = "dmx",
	.probe = dmx_probe,
	.remove = dmx_remove,
};
