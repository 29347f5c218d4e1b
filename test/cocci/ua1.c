// UA1: container used after auxiliary_device_uninit(), double uninit,
// registration used after auxiliary_registration_drop().
//
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %s
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua1_use_after_uninit.cocci %s \
// RUN:   | sort -t: -k2,2n | FileCheck %s --implicit-check-not=[UA1]
// RUN: %spatch -D org --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua1_use_after_uninit.cocci %s | count 4
// RUN: %spatch -D context --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua1_use_after_uninit.cocci %s | FileCheck %s --check-prefix=CTX
// Without a release callback that frees the container, container uses are
// not judged.
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua1_use_after_uninit.cocci %S/Inputs/ua1_no_release.c | count 0

#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include <linux/err.h>

struct foo {
	struct auxiliary_device adev;
	int client_id;
};

struct priv {
	struct foo *foo;
	struct auxiliary_registration *reg[2];
	struct auxiliary_registration *one;
};

static void foo_release(struct device *dev)
{
	struct foo *f = container_of(dev, struct foo, adev.dev);

	kfree(f);
}

void foo_setup(struct foo *f)
{
	f->adev.dev.release = foo_release;
}

/* Bug: the pds_core write-after-free of client_id. */
void bad_write_after_uninit(struct priv *priv)
{
	struct foo *f = priv->foo;

	auxiliary_device_delete(&f->adev);
	auxiliary_device_uninit(&f->adev);
// CHECK: ua1.c:[[@LINE+2]]:{{[0-9]+-[0-9]+}}: [UA1] f used after auxiliary_device_uninit(&f->adev) at line [[@LINE-1]]
// CTX: -{{[[:space:]]+}}f->client_id = 0;
	f->client_id = 0;
	priv->foo = NULL;
}

/* Bug: uninit twice. */
void bad_double_uninit(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	auxiliary_device_uninit(&f->adev);
// CHECK: ua1.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [UA1] auxiliary_device_uninit(&f->adev) twice (first at line [[@LINE-1]])
	auxiliary_device_uninit(&f->adev);
}

/* Bug: registration used, then dropped again, after the drop. */
void bad_after_drop(struct priv *priv)
{
	auxiliary_registration_drop(priv->one);
// CHECK: ua1.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [UA1] registration priv->one used after auxiliary_registration_drop() at line [[@LINE-1]]
	dev_info(&auxiliary_registration_device(priv->one)->dev, "dropped\n");
}

/* Bug: dropped twice. */
void bad_double_drop(struct priv *priv)
{
	auxiliary_registration_drop(priv->reg[0]);
// CHECK: ua1.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [UA1] registration priv->reg[0] used after auxiliary_registration_drop() at line [[@LINE-1]]
	auxiliary_registration_drop(priv->reg[0]);
}

/* Correct: last access before the uninit, pointer cleared after. */
void good_order(struct priv *priv)
{
	struct foo *f = priv->foo;

	f->client_id = 0;
	auxiliary_device_delete(&f->adev);
	auxiliary_device_uninit(&f->adev);
	priv->foo = NULL;
}

/* Correct: a loop dropping each registration once. */
void good_loop(struct priv *priv)
{
	int i;

	for (i = 0; i < 2; i++)
		auxiliary_registration_drop(priv->reg[i]);
}

/* Correct: the pointer is reloaded before it is used again. */
void good_reload(struct priv *priv, struct foo *next)
{
	struct foo *f = priv->foo;

	auxiliary_device_uninit(&f->adev);
	f = next;
	f->client_id = 1;
}

/* Correct: devices added in a loop; the failing element is uninit alone,
 * then while (--i >= 0) tears down the earlier ones (another arr[i] each
 * time i changes). */
int good_loop_unwind(struct foo **arr, int n)
{
	int i, ret;

	for (i = 0; i < n; i++) {
		ret = auxiliary_device_init(&arr[i]->adev);
		if (ret)
			goto unwind;
		ret = auxiliary_device_add(&arr[i]->adev);
		if (ret) {
			auxiliary_device_uninit(&arr[i]->adev);
			goto unwind;
		}
		arr[i]->client_id = i;
	}
	return 0;
unwind:
	while (--i >= 0) {
		arr[i]->client_id = -1;
		auxiliary_device_delete(&arr[i]->adev);
		auxiliary_device_uninit(&arr[i]->adev);
	}
	return ret;
}

/* Correct: registrations created in a loop; the one whose setup failed is
 * dropped, then the earlier ones are unwound. */
int good_reg_loop_unwind(struct priv *priv, struct device *parent,
			 const struct auxiliary_regdata_type *t, int (*setup)(int))
{
	int i, ret;

	for (i = 0; i < 2; i++) {
		priv->reg[i] = auxiliary_registration_new(parent, "r", i, "m", t, priv);
		if (IS_ERR(priv->reg[i])) {
			ret = PTR_ERR(priv->reg[i]);
			goto unwind;
		}
		ret = setup(i);
		if (ret) {
			auxiliary_registration_drop(priv->reg[i]);
			goto unwind;
		}
	}
	return 0;
unwind:
	while (--i >= 0)
		auxiliary_registration_drop(priv->reg[i]);
	return ret;
}
