// RL3 layout variants (checked by ../rl3.c).
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/err.h>

struct foo {
	int x;
};
DEFINE_AUXILIARY_REGDATA_TYPE(foo_type, struct foo);

struct lpriv {
	struct auxiliary_registration *cond_reg, *cond_ok;
	struct auxiliary_registration *help_reg, *help_ok;
};

/* Static helpers: one stores, one drops. */
static int lstore(struct device *d, struct lpriv *p, struct foo *f)
{
// CHECK: rl3_layout.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL3] registration stored in ->help_reg is never dropped
	p->help_reg = auxiliary_registration_new(d, "h", 0, KBUILD_MODNAME, &foo_type, f);
	p->help_ok = auxiliary_registration_new(d, "k", 0, KBUILD_MODNAME, &foo_type, f);
	return 0;
}

static void ldrop(struct lpriv *p)
{
	auxiliary_registration_drop(p->help_ok);
	auxiliary_registration_drop(p->cond_ok);
}

static int lprobe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct lpriv *p = pci_get_drvdata(pdev);
	struct foo *f = &((struct foo *)p)[1];

	/* Stores inside a conditional expression, on one line. */
// CHECK: rl3_layout.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL3] registration stored in ->cond_reg is never dropped
	p->cond_reg = f->x ? auxiliary_registration_new(&pdev->dev, "c", 0, KBUILD_MODNAME, &foo_type, f) : NULL;
	p->cond_ok = f->x ?
		auxiliary_registration_new(&pdev->dev, "d", 0, KBUILD_MODNAME, &foo_type, f) :
		NULL;
	return lstore(&pdev->dev, p, f);
}

static void lremove(struct pci_dev *pdev)
{
	ldrop(pci_get_drvdata(pdev));
}

static struct pci_driver lay_driver = {
	.driver = {
		.name = "rl3-layout",
	},
	.remove = lremove,
	.probe =
		lprobe,
};
