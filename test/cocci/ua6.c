// UA6: a devm-managed registration dropped by hand.
//
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %s
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua6_devm_registration_drop.cocci %s \
// RUN:   | sort -t: -k2,2n | FileCheck %s --implicit-check-not=[UA6]
// RUN: %spatch -D org --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua6_devm_registration_drop.cocci %s | count 4
// RUN: %spatch -D context --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua6_devm_registration_drop.cocci %s | FileCheck %s --check-prefix=CTX
// RUN: %spatch -D patch --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua6_devm_registration_drop.cocci %s > %t.diff
// RUN: FileCheck %s --check-prefix=PATCH < %t.diff
// RUN: cp %s %t.c && patch -s %t.c < %t.diff
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %t.c
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua6_devm_registration_drop.cocci %t.c | count 0

#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/err.h>

struct foo {
	int x;
};
DEFINE_AUXILIARY_REGDATA_TYPE(foo_type, struct foo);

struct priv {
	struct auxiliary_registration *reg, *reg2, *reg3;
};

int probe(struct pci_dev *pdev, struct priv *p, struct foo *f)
{
	struct auxiliary_registration *r;
	struct auxiliary_registration *r2 = devm_auxiliary_registration_new(&pdev->dev, "q", 0, KBUILD_MODNAME, &foo_type, f);

	p->reg = devm_auxiliary_registration_new(&pdev->dev, "x", 0, KBUILD_MODNAME, &foo_type, f);
	p->reg2 = auxiliary_registration_new(&pdev->dev, "y", 0, KBUILD_MODNAME, &foo_type, f);
	r = devm_auxiliary_registration_new(&pdev->dev, "z", 0, KBUILD_MODNAME, &foo_type, f);
	if (IS_ERR(r))
		return PTR_ERR(r);
	p->reg3 = r;
	if (f->x) {
// CHECK: ua6.c:[[@LINE+3]]:{{[0-9]+-[0-9]+}}: [UA6] devm-managed registration dropped by hand
// CTX: -{{[[:space:]]+}}auxiliary_registration_drop(r);
// PATCH: -{{[[:space:]]+}}auxiliary_registration_drop(r);
		auxiliary_registration_drop(r);
// CHECK: ua6.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [UA6] devm-managed registration dropped by hand
		auxiliary_registration_drop(r2);
		return -EINVAL;
	}
	return 0;
}

void remove(struct pci_dev *pdev, struct priv *p)
{
	struct auxiliary_registration *r3 = p->reg3;

	/* Correct: reg2 came from auxiliary_registration_new(). */
	auxiliary_registration_drop(p->reg2);
// CHECK: ua6.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [UA6] ->reg holds a devm_auxiliary_registration_new() registration
	auxiliary_registration_drop(p->reg);
// CHECK: ua6.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [UA6] ->reg3 holds a devm_auxiliary_registration_new() registration
	auxiliary_registration_drop(r3);
}
