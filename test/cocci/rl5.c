// RL5: an added auxiliary device torn down without auxiliary_device_delete().
//
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %s
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl5_teardown_without_delete.cocci %s \
// RUN:   | sort -t: -k2,2n | FileCheck %s --implicit-check-not=[RL5]
// RUN: %spatch -D org --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl5_teardown_without_delete.cocci %s | count 3
// RUN: %spatch -D context --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl5_teardown_without_delete.cocci %s | FileCheck %s --check-prefix=CTX
// A file whose teardown deletes somewhere is not judged by the teardown part.
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl5_teardown_without_delete.cocci %S/Inputs/rl5_split_teardown.c | count 0
// A probe error path that deletes and uninits is not a split-teardown
// partner: the .remove that only uninits is still reported.
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %S/Inputs/rl5_probe_deletes.c
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl5_teardown_without_delete.cocci %S/Inputs/rl5_probe_deletes.c \
// RUN:   | sort -t: -k2,2n | FileCheck %S/Inputs/rl5_probe_deletes.c --implicit-check-not=[RL5]
// A loop unwound with while (--i >= 0) is not an uninit after a successful add.
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %S/Inputs/rl5_loop_unwind.c
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/rl5_teardown_without_delete.cocci %S/Inputs/rl5_loop_unwind.c | count 0

#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include <linux/device.h>

struct foo {
	struct auxiliary_device adev;
	struct auxiliary_device adev2;
	int x;
};

int setup_step(struct foo *f);

/* Correct: uninit alone on the add failure path. */
int good_probe(struct foo *f)
{
	int ret;

	ret = auxiliary_device_init(&f->adev);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&f->adev);
	if (ret) {
		auxiliary_device_uninit(&f->adev);
		return ret;
	}
	return 0;
}

/* Bug: a later step fails after the add, the error path only uninits. */
int bad_probe(struct foo *f)
{
	int ret;

	ret = auxiliary_device_init(&f->adev);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&f->adev);
	if (ret)
		goto err_uninit;
	ret = setup_step(f);
	if (ret)
		goto err_uninit;
	return 0;
err_uninit:
// CHECK: rl5.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL5] auxiliary_device_uninit(&f->adev) after auxiliary_device_add() succeeded, without auxiliary_device_delete()
	auxiliary_device_uninit(&f->adev);
	return ret;
}

/* Bug: teardown uninits without deleting. */
void bad_remove(struct foo *f)
{
// CHECK: rl5.c:[[@LINE+2]]:{{[0-9]+-[0-9]+}}: [RL5] bad_remove() tears the auxiliary device down with auxiliary_device_uninit(&f->adev2)
// CTX: -{{[[:space:]]+}}auxiliary_device_uninit(&f->adev2);
	auxiliary_device_uninit(&f->adev2);
}

/* Correct: a devm action that only uninits (paired with another action). */
static void uninit_action(void *data)
{
	auxiliary_device_uninit(data);
}

int good_devm(struct device *dev, struct foo *f)
{
	int ret;

	ret = auxiliary_device_init(&f->adev2);
	if (ret)
		return ret;
	return devm_add_action_or_reset(dev, uninit_action, &f->adev2);
}

/* Bug: a full teardown that deletes one device and forgets the other. */
void bad_remove_two(struct foo *f)
{
// CHECK: rl5.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL5] bad_remove_two() tears the auxiliary device down with auxiliary_device_uninit(&f->adev2) but never calls auxiliary_device_delete(&f->adev2)
	auxiliary_device_uninit(&f->adev2);
	auxiliary_device_delete(&f->adev);
	auxiliary_device_uninit(&f->adev);
}

/* Correct: the delete goes through an alias of the same device. */
void good_remove_alias(struct foo *f)
{
	struct auxiliary_device *a2 = &f->adev2;

	auxiliary_device_delete(a2);
	auxiliary_device_uninit(&f->adev2);
	auxiliary_device_delete(&f->adev);
	auxiliary_device_uninit(&f->adev);
}

/* Correct: the add failed in this iteration (uninit is the whole cleanup);
 * an earlier iteration's successful add was of another allocation. */
struct loop_priv {
	struct auxiliary_device aux_dev;
	int idx;
};

void keep_loop_priv(struct loop_priv *lp);

void good_loop_add_fail(struct device *parent, int n)
{
	struct loop_priv *lp;
	int i, rc;

	for (i = 0; i < n; i++) {
		lp = kzalloc(sizeof(*lp), GFP_KERNEL);
		if (!lp)
			continue;
		lp->idx = i;
		lp->aux_dev.name = "slot";
		lp->aux_dev.dev.parent = parent;
		rc = auxiliary_device_init(&lp->aux_dev);
		if (rc) {
			kfree(lp);
			continue;
		}
		rc = auxiliary_device_add(&lp->aux_dev);
		if (rc) {
			auxiliary_device_uninit(&lp->aux_dev);
			continue;
		}
		keep_loop_priv(lp);
	}
}
