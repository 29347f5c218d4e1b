#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/err.h>

struct foo {
	int x;
};
DEFINE_AUXILIARY_REGDATA_TYPE(foo_type, struct foo);

int probe(struct pci_dev *pdev, struct foo *f)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &foo_type, f);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	pci_set_drvdata(pdev, reg);
	return 0;
}

void remove(struct pci_dev *pdev)
{
	auxiliary_registration_drop(pci_get_drvdata(pdev));
}
