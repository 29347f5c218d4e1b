// TM3: at creation, @data does not point to the tag's type.
//
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %s
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/tm3_regdata_data_type.cocci %s \
// RUN:   | sort -t: -k2,2n | FileCheck %s --implicit-check-not=[TM3]
// RUN: %spatch -D org --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/tm3_regdata_data_type.cocci %s | count 2
// RUN: %spatch -D context --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/tm3_regdata_data_type.cocci %s | FileCheck %s --check-prefix=CTX

#include <linux/auxiliary_bus.h>

struct a {
	int x;
};
struct b {
	int y;
};
typedef struct a a_t;
DEFINE_AUXILIARY_REGDATA_TYPE(a_type, a_t);
DEFINE_AUXILIARY_REGDATA_TYPE(b_type, struct b);

struct priv {
	struct b *bp;
	struct a *ap;
};

void probe(struct device *d, struct priv *pr, void *v)
{
	struct a la;
	struct b lb;

// CHECK: tm3.c:[[@LINE+2]]:{{[0-9]+-[0-9]+}}: [TM3] registration data &lb is a struct b *, but tag a_type is for struct a
// CTX: -{{[[:space:]]+}}auxiliary_registration_new(d, "x", 0, KBUILD_MODNAME, &a_type, &lb);
	auxiliary_registration_new(d, "x", 0, KBUILD_MODNAME, &a_type, &lb);
	auxiliary_registration_new(d, "x", 1, KBUILD_MODNAME, &a_type, &la);
	auxiliary_registration_new(d, "x", 2, KBUILD_MODNAME, &b_type, &lb);
// CHECK: tm3.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [TM3] registration data pr->bp is a struct b *, but tag a_type is for struct a
	devm_auxiliary_registration_new(d, "y", 0, KBUILD_MODNAME, &a_type, pr->bp);
	devm_auxiliary_registration_new(d, "y", 1, KBUILD_MODNAME, &a_type, pr->ap);
	/* Unknown type: not judged. */
	auxiliary_registration_new(d, "z", 0, KBUILD_MODNAME, &a_type, v);
}
