// RL2: a registration held only by a local when a path returns.
//
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %s
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl2_registration_leak.cocci %s \
// RUN:   | sort -t: -k2,2n | FileCheck %s --implicit-check-not=[RL2]
// RUN: %spatch -D org --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl2_registration_leak.cocci %s | count 3
// RUN: %spatch -D context --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl2_registration_leak.cocci %s | FileCheck %s --check-prefix=CTX

#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/err.h>

struct foo {
	int x;
};
DEFINE_AUXILIARY_REGDATA_TYPE(foo_type, struct foo);

struct priv {
	struct auxiliary_registration *reg;
};

int other_step(struct pci_dev *pdev);

/* Bug: the allocation after the registration fails. */
int bad_alloc(struct pci_dev *pdev, struct foo *f)
{
	struct auxiliary_registration *reg;
	struct priv *priv;

	reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &foo_type, f);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
// CHECK: rl2.c:[[@LINE+2]]:{{[0-9]+-[0-9]+}}: [RL2] registration reg (auxiliary_registration_new() at line [[@LINE-5]]) is held only by a local
// CTX: -{{[[:space:]]+}}return -ENOMEM;
		return -ENOMEM;
	priv->reg = reg;
	pci_set_drvdata(pdev, priv);
	return 0;
}

/* Bug: success path forgets it too (declaration form, goto). */
int bad_forgotten(struct pci_dev *pdev, struct foo *f)
{
	struct auxiliary_registration *reg = auxiliary_registration_new(&pdev->dev, "b", 0, KBUILD_MODNAME, &foo_type, f);
	int ret = 0;

	if (IS_ERR(reg))
		return PTR_ERR(reg);
	if (other_step(pdev)) {
		ret = -EIO;
		goto out;
	}
	dev_info(&pdev->dev, "registered\n");
out:
// CHECK: rl2.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL2] registration reg
	return ret;
}

/* Bug: only the device pointer is kept. */
struct auxiliary_device *bad_device_only(struct pci_dev *pdev, struct foo *f)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(&pdev->dev, "c", 0, KBUILD_MODNAME, &foo_type, f);
	if (IS_ERR(reg))
		return NULL;
// CHECK: rl2.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL2] registration reg
	return auxiliary_registration_device(reg);
}

/* Correct: dropped on the error path, stored on success. */
int good_drop(struct pci_dev *pdev, struct foo *f)
{
	struct auxiliary_registration *reg;
	struct priv *priv;

	reg = auxiliary_registration_new(&pdev->dev, "d", 0, KBUILD_MODNAME, &foo_type, f);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv) {
		auxiliary_registration_drop(reg);
		return -ENOMEM;
	}
	priv->reg = reg;
	pci_set_drvdata(pdev, priv);
	return 0;
}

/* Correct: handed to the caller, or to drvdata. */
struct auxiliary_registration *good_return(struct pci_dev *pdev, struct foo *f)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(&pdev->dev, "e", 0, KBUILD_MODNAME, &foo_type, f);
	if (IS_ERR(reg))
		return reg;
	return reg;
}

int good_drvdata(struct pci_dev *pdev, struct foo *f)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(&pdev->dev, "f", 0, KBUILD_MODNAME, &foo_type, f);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	pci_set_drvdata(pdev, reg);
	return 0;
}

/* Correct: devm registrations are dropped by devres. */
int good_devm(struct pci_dev *pdev, struct foo *f)
{
	struct auxiliary_registration *reg;

	reg = devm_auxiliary_registration_new(&pdev->dev, "g", 0, KBUILD_MODNAME, &foo_type, f);
	return PTR_ERR_OR_ZERO(reg);
}

/* Correct: handed to devres by the call it returns. */
static void drop_action(void *reg)
{
	auxiliary_registration_drop(reg);
}

int good_return_devm_action(struct pci_dev *pdev, struct foo *f)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(&pdev->dev, "h", 0, KBUILD_MODNAME, &foo_type, f);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	return devm_add_action_or_reset(&pdev->dev, drop_action, reg);
}

/* Correct: an optional second registration, dropped under `if (reg)` (its
 * false branch means it was never created). */
void foo_keep(struct foo *f, struct auxiliary_registration *reg);
int good_conditional_drop(struct pci_dev *pdev, struct foo *f, int want)
{
	struct auxiliary_registration *a, *b = NULL;

	a = auxiliary_registration_new(&pdev->dev, "i", 0, KBUILD_MODNAME, &foo_type, f);
	if (IS_ERR(a))
		return PTR_ERR(a);
	if (want) {
		b = auxiliary_registration_new(&pdev->dev, "j", 0, KBUILD_MODNAME, &foo_type, f);
		if (IS_ERR(b)) {
			auxiliary_registration_drop(a);
			return PTR_ERR(b);
		}
	}
	if (f->x) {
		if (b)
			auxiliary_registration_drop(b);
		auxiliary_registration_drop(a);
		return -EINVAL;
	}
	pci_set_drvdata(pdev, a);
	foo_keep(f, b);
	return 0;
}
