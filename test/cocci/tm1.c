// TM1: a registration fetched with a tag other than its creation tag.
//
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %s
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/tm1_regdata_wrong_tag.cocci %s \
// RUN:   | sort -t: -k2,2n | FileCheck %s --implicit-check-not=[TM1]
// RUN: %spatch -D org --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/tm1_regdata_wrong_tag.cocci %s | count 4
// RUN: %spatch -D context --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/tm1_regdata_wrong_tag.cocci %s | FileCheck %s --check-prefix=CTX

#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct v1 {
	int a;
};
struct v2 {
	int a, b;
};
DEFINE_AUXILIARY_REGDATA_TYPE(v1_type, struct v1);
DEFINE_AUXILIARY_REGDATA_TYPE(v2_type, struct v2);

struct priv {
	struct auxiliary_registration *reg;
};

int probe(struct device *d, struct priv *p, struct v2 *data)
{
	struct auxiliary_device *adev;
	struct v1 *bad;
	struct v2 *good;

	p->reg = auxiliary_registration_new(d, "x", 0, KBUILD_MODNAME, &v2_type, data);
	if (IS_ERR(p->reg))
		return PTR_ERR(p->reg);
// CHECK: tm1.c:[[@LINE+2]]:{{[0-9]+-[0-9]+}}: [TM1] registration created with tag v2_type (line [[@LINE-3]]) is fetched with tag v1_type
// CTX: -{{[[:space:]]+}}bad = auxiliary_registration_data(auxiliary_registration_device(p->reg), &v1_type);
	bad = auxiliary_registration_data(auxiliary_registration_device(p->reg), &v1_type);
	good = auxiliary_registration_data(auxiliary_registration_device(p->reg), &v2_type);
	adev = auxiliary_registration_device(p->reg);
// CHECK: tm1.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [TM1] registration created with tag v2_type
	bad = auxiliary_registration_data(adev, &v1_type);
	good = auxiliary_registration_data(adev, &v2_type);
	return IS_ERR(bad) || IS_ERR(good);
}

/* A handle declared with its initializer, and a device local declared
 * with auxiliary_registration_device() as initializer. */
int probe_decl(struct device *d, struct v1 *data)
{
	struct auxiliary_registration *r = auxiliary_registration_new(d, "y", 0, KBUILD_MODNAME, &v1_type, data);
	struct v2 *bad;

	if (IS_ERR(r))
		return PTR_ERR(r);
// CHECK: tm1.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [TM1] registration created with tag v1_type (line [[@LINE-5]]) is fetched with tag v2_type
	bad = auxiliary_registration_data(auxiliary_registration_device(r), &v2_type);
	auxiliary_registration_drop(r);
	return IS_ERR(bad);
}

int query(struct priv *p)
{
	struct auxiliary_device *adev = auxiliary_registration_device(p->reg);
// CHECK: tm1.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [TM1] registration created with tag v2_type (line 34) is fetched with tag v1_type
	struct v1 *bad = auxiliary_registration_data(adev, &v1_type);

	return IS_ERR(bad);
}

struct cpriv {
	struct auxiliary_registration *either;
};

/* Correct: created with one of two tags, fetched with one of them. */
int probe_either(struct device *d, struct cpriv *c, int new_fw, struct v1 *a, struct v2 *b)
{
	struct v2 *got;

	if (new_fw)
		c->either = auxiliary_registration_new(d, "z", 0, KBUILD_MODNAME, &v2_type, b);
	else
		c->either = auxiliary_registration_new(d, "z", 0, KBUILD_MODNAME, &v1_type, a);
	if (IS_ERR(c->either))
		return PTR_ERR(c->either);
	if (!new_fw)
		return 0;
	got = auxiliary_registration_data(auxiliary_registration_device(c->either), &v2_type);
	return IS_ERR(got);
}
