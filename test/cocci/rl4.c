// RL4: auxiliary_device_init() succeeded, a later error path returns
// without auxiliary_device_uninit().
//
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %s
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl4_init_without_uninit.cocci %s \
// RUN:   | sort -t: -k2,2n | FileCheck %s --implicit-check-not=[RL4]
// RUN: %spatch -D org --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl4_init_without_uninit.cocci %s \
// RUN:   | FileCheck %s --check-prefix=ORG
// RUN: %spatch -D context --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl4_init_without_uninit.cocci %s \
// RUN:   | FileCheck %s --check-prefix=CTX
// RUN: %spatch -D patch --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl4_init_without_uninit.cocci %s > %t.diff
// RUN: FileCheck %s --check-prefix=PATCH < %t.diff
// RUN: cp %s %t.c && patch -s %t.c < %t.diff
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %t.c
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl4_init_without_uninit.cocci %t.c | count 3

#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include <linux/err.h>

struct foo {
	struct auxiliary_device adev;
	int x;
};

int helper_takes(struct foo *f);

/* Bug: the add failure branch returns without uninit. */
int bad_add_fail(struct device *parent)
{
	struct foo *f;
	int ret;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->adev.name = "foo";
	f->adev.dev.parent = parent;
	ret = auxiliary_device_init(&f->adev);
	if (ret) {
		kfree(f);
		return ret;
	}
	ret = auxiliary_device_add(&f->adev);
	if (ret) {
		pr_err("add failed\n");
// CHECK: rl4.c:[[@LINE+3]]:{{[0-9]+-[0-9]+}}: [RL4] auxiliary_device_init(&f->adev) succeeded but this path returns without auxiliary_device_uninit(&f->adev)
// ORG: * TODO {{\[\[}}view:{{.*}}rl4.c::face=ovl-face1::linb=[[@LINE+2]]::{{.*}}[RL4] auxiliary_device_init(&f->adev)
// PATCH: +{{[[:space:]]+}}auxiliary_device_uninit(&f->adev);
		return ret;
	}
	return 0;
}

/* Bug: goto ladder whose add-failure label forgets uninit (alias). */
int bad_ladder(struct device *parent)
{
	struct auxiliary_device *adev;
	struct foo *f;
	int ret;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	adev = &f->adev;
	adev->name = "foo";
	ret = auxiliary_device_init(adev);
	if (ret)
		goto err_free;
	ret = auxiliary_device_add(adev);
	if (ret)
		goto err_out;
	return 0;
err_free:
	kfree(f);
err_out:
// CHECK: rl4.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL4] auxiliary_device_init(adev) succeeded
	return ret;
}

/* Bug: a later step fails after init, the "if (init(...))" form. */
struct foo *bad_later_step(struct device *parent, int fail)
{
	struct foo *f;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return ERR_PTR(-ENOMEM);
	if (auxiliary_device_init(&f->adev)) {
		kfree(f);
		return ERR_PTR(-EINVAL);
	}
	if (fail)
// CHECK: rl4.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL4] auxiliary_device_init(&f->adev) succeeded
		return ERR_PTR(-EIO);
	if (auxiliary_device_add(&f->adev)) {
		auxiliary_device_uninit(&f->adev);
		return ERR_PTR(-EIO);
	}
	return f;
}

/* Bug, reported but not patched: the branch frees platform data that the
 * release callback would free again once uninit runs. */
int bad_frees_pdata(struct foo *f, int *pdata)
{
	int ret;

	f->adev.dev.platform_data = pdata;
	ret = auxiliary_device_init(&f->adev);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&f->adev);
	if (ret) {
		kfree(pdata);
// CHECK: rl4.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL4] auxiliary_device_init(&f->adev) succeeded
		return ret;
	}
	return 0;
}

/* Correct: uninit on the add failure path, kfree only when init failed. */
int good_simple(struct device *parent)
{
	struct foo *f;
	int ret;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	ret = auxiliary_device_init(&f->adev);
	if (ret < 0) {
		kfree(f);
		return ret;
	}
	ret = auxiliary_device_add(&f->adev);
	if (ret)
		auxiliary_device_uninit(&f->adev);
	return ret;
}

/* Correct: goto ladder, uninit spelled through another expression. */
int good_ladder(struct device *parent)
{
	struct auxiliary_device *adev;
	struct foo *f;
	int err;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	adev = &f->adev;
	err = auxiliary_device_init(adev);
	if (err)
		goto err_free;
	err = auxiliary_device_add(&f->adev);
	if (err)
		goto err_uninit;
	return 0;
err_uninit:
	auxiliary_device_uninit(&f->adev);
	return err;
err_free:
	kfree(f);
	return err;
}

/* Correct: ownership handed to a helper that tears it down. */
int good_handed_on(struct device *parent)
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
	if (ret) {
		helper_takes(f);
		return ret;
	}
	return 0;
}

/* Correct: returns the device to the caller on success. */
struct auxiliary_device *good_returns(struct foo *f)
{
	if (auxiliary_device_init(&f->adev))
		return NULL;
	if (auxiliary_device_add(&f->adev)) {
		auxiliary_device_uninit(&f->adev);
		return NULL;
	}
	return &f->adev;
}

static void foo_uninit_action(void *data)
{
	auxiliary_device_uninit(data);
}

/* Correct: teardown handed to devres right after init. */
int good_devm(struct device *dev, struct foo *f)
{
	int ret;

	ret = auxiliary_device_init(&f->adev);
	if (ret)
		return ret;
	ret = devm_add_action_or_reset(dev, foo_uninit_action, &f->adev);
	if (ret)
		return ret;
	return auxiliary_device_add(&f->adev);
}

/* Correct: init and add in a loop, unwound with while (--i >= 0); the
 * paths that come back around the loop are about the previous element. */
int good_loop_unwind(struct device *parent, struct foo **arr, int n)
{
	struct auxiliary_device *adev;
	int i, ret;

	for (i = 0; i < n; i++) {
		arr[i] = kzalloc(sizeof(*arr[i]), GFP_KERNEL);
		if (!arr[i]) {
			ret = -ENOMEM;
			goto unwind;
		}
		adev = &arr[i]->adev;
		adev->dev.parent = parent;
		ret = auxiliary_device_init(adev);
		if (ret) {
			kfree(arr[i]);
			goto unwind;
		}
		ret = auxiliary_device_add(adev);
		if (ret) {
			auxiliary_device_uninit(adev);
			goto unwind;
		}
	}
	return 0;
unwind:
	while (--i >= 0) {
		auxiliary_device_delete(&arr[i]->adev);
		auxiliary_device_uninit(&arr[i]->adev);
	}
	return ret;
}

/* Bug: the same loop, but this element's add failure only unwinds the
 * earlier ones. */
int bad_loop_add_fail(struct device *parent, struct foo **arr, int n)
{
	int i, ret;

	for (i = 0; i < n; i++) {
		ret = auxiliary_device_init(&arr[i]->adev);
		if (ret)
			goto unwind;
		ret = auxiliary_device_add(&arr[i]->adev);
		if (ret)
			goto unwind;
	}
	return 0;
unwind:
	while (--i >= 0) {
		auxiliary_device_delete(&arr[i]->adev);
		auxiliary_device_uninit(&arr[i]->adev);
	}
// CHECK: rl4.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL4] auxiliary_device_init(&arr[i]->adev) succeeded
	return ret;
}

// CTX: -{{[[:space:]]+}}return ret;
