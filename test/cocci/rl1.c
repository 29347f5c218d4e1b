// RL1: result of auxiliary_registration_new() discarded.
//
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %s
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl1_registration_discarded.cocci %s \
// RUN:   | sort -t: -k2,2n | FileCheck %s --implicit-check-not=[RL1]
// RUN: %spatch -D org --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl1_registration_discarded.cocci %s | count 3
// RUN: %spatch -D context --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl1_registration_discarded.cocci %s | FileCheck %s --check-prefix=CTX

#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct foo {
	int x;
};
DEFINE_AUXILIARY_REGDATA_TYPE(foo_type, struct foo);

struct priv {
	struct auxiliary_registration *reg;
};

int probe(struct device *d, struct foo *f, struct priv *p)
{
// CHECK: rl1.c:[[@LINE+2]]:{{[0-9]+-[0-9]+}}: [RL1] result of auxiliary_registration_new() discarded
// CTX: -{{[[:space:]]+}}auxiliary_registration_new(d, "a", 0, KBUILD_MODNAME, &foo_type, f);
	auxiliary_registration_new(d, "a", 0, KBUILD_MODNAME, &foo_type, f);
// CHECK: rl1.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL1] result of auxiliary_registration_new() discarded
	(void)auxiliary_registration_new(d, "b", 0, KBUILD_MODNAME, &foo_type, f);
// CHECK: rl1.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL1] result of auxiliary_registration_new() only error-checked, then discarded
	if (IS_ERR(auxiliary_registration_new(d, "c", 0, KBUILD_MODNAME, &foo_type, f)))
		return -EINVAL;
	/* Correct: devres drops it. */
	devm_auxiliary_registration_new(d, "d", 0, KBUILD_MODNAME, &foo_type, f);
	/* Correct: kept. */
	p->reg = auxiliary_registration_new(d, "e", 0, KBUILD_MODNAME, &foo_type, f);
	return PTR_ERR_OR_ZERO(p->reg);
}
