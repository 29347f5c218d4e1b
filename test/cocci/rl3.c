// RL3: probe stores a registration in driver data, nothing drops it.
//
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %s
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl3_remove_without_drop.cocci %s \
// RUN:   | sort -t: -k2,2n | FileCheck %s --implicit-check-not=[RL3]
// RUN: %spatch -D org --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl3_remove_without_drop.cocci %s | count 3
// RUN: %spatch -D context --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl3_remove_without_drop.cocci %s | FileCheck %s --check-prefix=CTX
// A registration stored as drvdata, with a drop in .remove: quiet.
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl3_remove_without_drop.cocci %S/Inputs/rl3_drvdata_ok.c | count 0
// Layout: a multi-line platform driver, a store in a conditional
// expression, a store and a drop in static helpers.
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %S/Inputs/rl3_layout.c
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl3_remove_without_drop.cocci %S/Inputs/rl3_layout.c \
// RUN:   | sort -t: -k2,2n | FileCheck %S/Inputs/rl3_layout.c --implicit-check-not=[RL3]
// RL3's precondition: the same file without its driver struct (no .probe)
// is not judged.
// RUN: sed '/^static struct pci_driver/,$d' %S/Inputs/rl3_layout.c > %t.nodrv.c
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %t.nodrv.c
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl3_remove_without_drop.cocci %t.nodrv.c | count 0

#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/err.h>

struct foo {
	int x;
};
DEFINE_AUXILIARY_REGDATA_TYPE(foo_type, struct foo);

struct priv {
	struct auxiliary_registration *reg, *reg2, *reg3, *reg4;
	struct auxiliary_registration *ports[2], *lanes[2];
};

void priv_teardown(struct auxiliary_registration *reg);

int probe(struct pci_dev *pdev, struct priv *p, struct foo *f)
{
	struct auxiliary_registration *r;

	p->reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &foo_type, f);
	p->reg2 = auxiliary_registration_new(&pdev->dev, "b", 0, KBUILD_MODNAME, &foo_type, f);
// CHECK: rl3.c:[[@LINE+2]]:{{[0-9]+-[0-9]+}}: [RL3] registration stored in ->reg3 is never dropped
// CTX: -{{[[:space:]]+}}p->reg3 = auxiliary_registration_new
	p->reg3 = auxiliary_registration_new(&pdev->dev, "c", 0, KBUILD_MODNAME, &foo_type, f);
	r = auxiliary_registration_new(&pdev->dev, "d", 0, KBUILD_MODNAME, &foo_type, f);
	if (IS_ERR(r))
		return PTR_ERR(r);
// CHECK: rl3.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL3] registration stored in ->reg4 is never dropped
	p->reg4 = r;
	return 0;
}

void remove(struct pci_dev *pdev, struct priv *p)
{
	struct auxiliary_registration *r = p->reg2;

	/* Correct: dropped directly, through a local, or by a helper. */
	auxiliary_registration_drop(p->reg);
	auxiliary_registration_drop(r);
}

/* Elements of an array field: ->lanes[] is dropped in a loop, ->ports[] never. */
int probe_arrays(struct pci_dev *pdev, struct priv *p, struct foo *f)
{
	int i;

	for (i = 0; i < 2; i++) {
// CHECK: rl3.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL3] registration stored in ->ports is never dropped
		p->ports[i] = auxiliary_registration_new(&pdev->dev, "p", i, KBUILD_MODNAME, &foo_type, f);
		p->lanes[i] = auxiliary_registration_new(&pdev->dev, "l", i, KBUILD_MODNAME, &foo_type, f);
	}
	return 0;
}

void remove_arrays(struct priv *p)
{
	int i;

	for (i = 0; i < 2; i++)
		auxiliary_registration_drop(p->lanes[i]);
}

/* RL3 judges files with a driver whose .probe is set (any driver struct;
 * here on one line). */
struct rl3_drv {
	int (*probe)(struct pci_dev *pdev, struct priv *p, struct foo *f);
	void (*remove)(struct pci_dev *pdev, struct priv *p);
};
static struct rl3_drv rl3_drv = { .remove = remove, .probe = probe };
