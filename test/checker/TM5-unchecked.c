// TM5: the result of auxiliary_registration_data() is dereferenced without
// an IS_ERR() check (it is ERR_PTR(-EINVAL) / ERR_PTR(-ENOENT), never NULL).
// RUN: %kbound_cc1 -verify %s

#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct foo { int a; int b; };

DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo);

int consume(struct foo *f);

/* Positive 1: no check at all. */
int tm5_none(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag);

	return f->a; // expected-warning {{[TM5] registration data from auxiliary_registration_data() is dereferenced without an IS_ERR() check; it is ERR_PTR(-EINVAL) on a tag mismatch and ERR_PTR(-ENOENT) when the device has no data (a NULL check catches neither): check IS_ERR() and return PTR_ERR() first}}
}

/* Positive 2: a NULL check is not an IS_ERR check. */
int tm5_null_check(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag);

	if (!f)
		return -ENOENT;
	return f->a; // expected-warning {{[TM5] registration data from auxiliary_registration_data() is dereferenced without an IS_ERR() check}}
}

/* Positive 3: a store, on the path that skips the check. */
int tm5_store_one_path(struct auxiliary_device *adev, int trusted)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag);

	if (!trusted && IS_ERR(f))
		return PTR_ERR(f);
	f->b = 1; // expected-warning {{[TM5] registration data from auxiliary_registration_data() is dereferenced without an IS_ERR() check}}
	return 0;
}

/* Positive 4: IS_ERR() of another pointer. */
int tm5_wrong_ptr(struct auxiliary_device *adev, struct auxiliary_device *other)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag);
	struct foo *g = auxiliary_registration_data(other, &foo_tag);

	if (IS_ERR(g))
		return PTR_ERR(g);
	return g->a + f->b; // expected-warning {{[TM5] registration data from auxiliary_registration_data() is dereferenced without an IS_ERR() check}}
}

/* Positive 5: stored in the driver's private struct first; storing is not
 * checking. */
struct drv_priv {
	struct foo *info;
};

int validate_priv(struct drv_priv *priv);

int tm5_via_field(struct auxiliary_device *adev, struct drv_priv *priv)
{
	priv->info = auxiliary_registration_data(adev, &foo_tag);
	return priv->info->a; // expected-warning {{[TM5] registration data from auxiliary_registration_data() is dereferenced without an IS_ERR() check}}
}

/* Positive 6: logging the pointer does not check it. */
int tm5_logged(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag);

	dev_info(&adev->dev, "data at %p\n", f);
	return f->a; // expected-warning {{[TM5] registration data from auxiliary_registration_data() is dereferenced without an IS_ERR() check}}
}

/* Negative 1: the idiom. */
int ok_is_err(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag);

	if (IS_ERR(f))
		return PTR_ERR(f);
	return f->a;
}

/* Negative 2: IS_ERR_OR_NULL guard, and PTR_ERR_OR_ZERO. */
int ok_or_null(struct auxiliary_device *adev, struct auxiliary_device *other)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag);
	struct foo *g = auxiliary_registration_data(other, &foo_tag);
	int ret;

	if (IS_ERR_OR_NULL(f))
		return -ENODEV;
	ret = PTR_ERR_OR_ZERO(g);
	if (ret)
		return ret;
	return f->a + g->a;
}

/* Negative 3: handed to a helper (which may check it), or returned to the
 * caller (which checks it there). */
int ok_helper(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag);

	if (consume(f))
		return -EINVAL;
	return f->a;
}

struct foo *get_foo(struct auxiliary_device *adev)
{
	return auxiliary_registration_data(adev, &foo_tag);
}

/* Negative 4: the check lives in a helper the analyzer inlines. */
static bool bad_data(const void *p)
{
	return IS_ERR(p);
}

int ok_inlined_check(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag);

	if (bad_data(f))
		return -EINVAL;
	return f->b;
}

/* Negative 5: an open-coded IS_ERR_VALUE(). */
int ok_err_value(struct auxiliary_device *adev)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag);

	if (IS_ERR_VALUE(f))
		return (int)PTR_ERR(f);
	return f->a;
}

/* Negative 6: the struct holding it is handed to a validator. */
int ok_validated(struct auxiliary_device *adev, struct drv_priv *priv)
{
	priv->info = auxiliary_registration_data(adev, &foo_tag);
	if (validate_priv(priv))
		return -EINVAL;
	return priv->info->a;
}

/* Negative 7: the caller of a helper checks what the helper fetched. */
int ok_caller_checks(struct auxiliary_device *adev)
{
	struct foo *f = get_foo(adev);

	if (IS_ERR(f))
		return PTR_ERR(f);
	return f->a;
}
