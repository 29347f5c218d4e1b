// UA2: kfree() of an auxiliary device or its container after
// auxiliary_device_init() succeeded (or after auxiliary_device_delete()).
//
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %s
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua2_kfree_after_init.cocci %s \
// RUN:   | sort -t: -k2,2n | FileCheck %s --implicit-check-not=[UA2]
// RUN: %spatch -D org --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua2_kfree_after_init.cocci %s | count 6
// RUN: %spatch -D context --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua2_kfree_after_init.cocci %s \
// RUN:   | FileCheck %s --check-prefix=CTX
// RUN: %spatch -D patch --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua2_kfree_after_init.cocci %s > %t.diff
// RUN: FileCheck %s --check-prefix=PATCH < %t.diff
// RUN: cp %s %t.c && patch -s %t.c < %t.diff
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %t.c
// A release callback that does not free: kfree() after uninit frees the
// container outside its release (Documentation/core-api/kobject.rst: never
// an "empty" release). Reported with its own message.
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua2_kfree_after_init.cocci %S/Inputs/ua2_empty_release.c \
// RUN:   | FileCheck %s --check-prefix=EMPTYREL
// EMPTYREL: ua2_empty_release.c:30:{{.*}}[UA2] kfree(f) after auxiliary_device_uninit() at line 28: freed outside its release callback
// The shared-label kfree is reported but left alone by the patch.
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua2_kfree_after_init.cocci %t.c | sort -t: -k2,2n | FileCheck %s --check-prefix=AFTER

#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include <linux/err.h>

struct foo {
	struct auxiliary_device adev;
	int x;
};

/* Bug: add failure frees the container; the label is only reached here. */
int bad_add_fail(struct device *parent)
{
	struct foo *f;
	int ret;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	ret = auxiliary_device_init(&f->adev);
	if (ret) {
		kfree(f);
		return ret;
	}
	ret = auxiliary_device_add(&f->adev);
	if (ret)
		goto err_free;
	return 0;
err_free:
// CHECK: ua2.c:[[@LINE+3]]:{{[0-9]+-[0-9]+}}: [UA2] kfree(f) after auxiliary_device_init(&f->adev) succeeded
// PATCH: -{{[[:space:]]+}}kfree(f);
// PATCH-NEXT: +{{[[:space:]]+}}auxiliary_device_uninit(&f->adev);
	kfree(f);
	return ret;
}

/* Bug: one label for both failures: wrong for the add failure. */
int bad_shared_label(struct device *parent)
{
	struct auxiliary_device *adev;
	struct foo *f;
	int ret;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	adev = &f->adev;
	ret = auxiliary_device_init(adev);
	if (ret)
		goto err_free;
	ret = auxiliary_device_add(adev);
	if (ret)
		goto err_free;
	return 0;
err_free:
// CHECK: ua2.c:[[@LINE+2]]:{{[0-9]+-[0-9]+}}: [UA2] kfree(f) after auxiliary_device_init(adev) succeeded
// AFTER: .c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [UA2] kfree(f)
	kfree(f);
	return ret;
}

/* Bug: teardown frees after delete instead of uninit. */
void bad_teardown(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
// CHECK: ua2.c:[[@LINE+2]]:{{[0-9]+-[0-9]+}}: [UA2] kfree(f) after auxiliary_device_delete(&f->adev) without auxiliary_device_uninit()
// CTX: -{{[[:space:]]+}}kfree(f);
	kfree(f);
}

static void foo_release(struct device *dev)
{
	kfree(container_of(dev, struct foo, adev.dev));
}

/* Bug: the uninit label falls through into the kfree label (pds_core). */
struct foo *bad_fallthrough(struct device *parent)
{
	struct auxiliary_device *adev;
	struct foo *f;
	int err;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return ERR_PTR(-ENOMEM);
	adev = &f->adev;
	adev->dev.release = foo_release;
	err = auxiliary_device_init(adev);
	if (err)
		goto err_out;
	err = auxiliary_device_add(adev);
	if (err)
		goto err_out_uninit;
	return f;
err_out_uninit:
	auxiliary_device_uninit(adev);
err_out:
// CHECK: ua2.c:[[@LINE+2]]:{{[0-9]+-[0-9]+}}: [UA2] kfree(f) after auxiliary_device_uninit() at line [[@LINE-2]]: the release callback already frees it (double free)
// AFTER: .c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [UA2] kfree(f) after auxiliary_device_uninit()
	kfree(f);
	return ERR_PTR(err);
}

/* Bug, reported but not patched: pdata may be freed by the release
 * callback too, so replacing kfree(f) by uninit could free it twice. */
int bad_two_frees(struct foo *f, int *pdata)
{
	int ret;

	ret = auxiliary_device_init(&f->adev);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&f->adev);
	if (ret) {
		kfree(pdata);
// CHECK: ua2.c:[[@LINE+2]]:{{[0-9]+-[0-9]+}}: [UA2] kfree(f) after auxiliary_device_init(&f->adev) succeeded
// AFTER: .c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [UA2] kfree(f) after auxiliary_device_init(&f->adev) succeeded
		kfree(f);
		return ret;
	}
	return 0;
}

/* Correct: kfree only on the init failure path, goto ladder. */
int good_ladder(struct device *parent)
{
	struct foo *f;
	int ret;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	if (auxiliary_device_init(&f->adev))
		goto err_free;
	ret = auxiliary_device_add(&f->adev);
	if (ret)
		goto err_uninit;
	return 0;
err_uninit:
	auxiliary_device_uninit(&f->adev);
	return ret;
err_free:
	kfree(f);
	return -EINVAL;
}

/* Correct: teardown in the right order. */
void good_teardown(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	auxiliary_device_uninit(&f->adev);
}

/* Correct: the container was reallocated after uninit. */
void good_unrelated(struct foo *f)
{
	struct foo *g = kzalloc(sizeof(*g), GFP_KERNEL);

	kfree(g);
}

/* Bug: an auxiliary driver's teardown frees the container it reaches with
 * container_of() after deleting the device (reported, not patched). */
void bad_remove_container_of(struct auxiliary_device *adev)
{
	auxiliary_device_delete(adev);
// CHECK: ua2.c:[[@LINE+2]]:{{[0-9]+-[0-9]+}}: [UA2] kfree(adev) after auxiliary_device_delete(adev) without auxiliary_device_uninit()
// AFTER: .c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [UA2] kfree(adev) after auxiliary_device_delete(adev)
	kfree(container_of(adev, struct foo, adev));
}
