// TM5: auxiliary_registration_data() result dereferenced without IS_ERR().
//
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %s
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/tm5_regdata_unchecked.cocci %s \
// RUN:   | sort -t: -k2,2n | FileCheck %s --implicit-check-not=[TM5]
// RUN: %spatch -D org --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/tm5_regdata_unchecked.cocci %s | count 6
// RUN: %spatch -D context --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/tm5_regdata_unchecked.cocci %s | FileCheck %s --check-prefix=CTX

#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct foo {
	int x;
};
DEFINE_AUXILIARY_REGDATA_TYPE(foo_type, struct foo);

/* Bug: a NULL check does not catch ERR_PTR(). */
int bad_null_check(struct auxiliary_device *adev)
{
	struct foo *f;

	f = auxiliary_registration_data(adev, &foo_type);
	if (!f)
		return -ENOENT;
// CHECK: tm5.c:[[@LINE+2]]:{{[0-9]+-[0-9]+}}: [TM5] f from auxiliary_registration_data() (line [[@LINE-3]]) dereferenced without IS_ERR() check
// CTX: -{{[[:space:]]+}}return f->x;
	return f->x;
}

int bad_decl(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_type);

// CHECK: tm5.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [TM5] f from auxiliary_registration_data()
	return f->x;
}

int bad_direct(struct auxiliary_device *adev)
{
// CHECK: tm5.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [TM5] result of auxiliary_registration_data() dereferenced
	return ((struct foo *)auxiliary_registration_data(adev, &foo_type))->x;
}

int good_is_err(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_type);

	if (IS_ERR(f))
		return PTR_ERR(f);
	return f->x;
}

int good_is_err_or_null(struct auxiliary_device *adev)
{
	struct foo *f;

	f = auxiliary_registration_data(adev, &foo_type);
	if (IS_ERR_OR_NULL(f))
		return -EINVAL;
	return f->x;
}

int good_ptr_err_or_zero(struct auxiliary_device *adev, int *out)
{
	struct foo *f;
	int ret;

	f = auxiliary_registration_data(adev, &foo_type);
	ret = PTR_ERR_OR_ZERO(f);
	if (ret)
		return ret;
	*out = f->x;
	return 0;
}

/* Layout: the check inside a conditional expression or a short-circuit
 * operator guards the dereference (quiet); a conditional that tests
 * something else does not (reported); all on one line. */
int good_cond(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_type);

	return IS_ERR(f) ? PTR_ERR(f) : f->x;
}

int good_not_cond(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_type);

	return !IS_ERR_OR_NULL(f) ? f->x : -ENOENT;
}

int good_and(struct auxiliary_device *adev)
{
	struct foo *f;

	f = auxiliary_registration_data(adev, &foo_type);
	return !IS_ERR(f) && f->x;
}

int bad_cond(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_type);

// CHECK: tm5.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [TM5] f from auxiliary_registration_data()
	return adev ? f->x : 0;
}

// CHECK: tm5.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [TM5] f from auxiliary_registration_data()
int bad_one_line(struct auxiliary_device *adev) { struct foo *f = auxiliary_registration_data(adev, &foo_type); return f->x; }

/* The check of another pointer does not guard this one. */
int bad_other_checked(struct auxiliary_device *adev, struct foo *g)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_type);

// CHECK: tm5.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [TM5] f from auxiliary_registration_data()
	return IS_ERR(g) ? 0 : f->x;
}

/* Correct: the driver's own check helper (held-out round 9). */
static bool foo_bad(const void *p)
{
	return IS_ERR_OR_NULL(p);
}

int good_helper_check(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_type);

	if (foo_bad(f))
		return -ENODEV;
	return f->x;
}
