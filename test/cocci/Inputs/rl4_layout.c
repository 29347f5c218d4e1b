// RL4 through the driver's own wrappers: each bug next to its correct twin.
// The CHECK lines are read by ../rl4_layout.test.
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include <linux/err.h>

struct foo {
	struct auxiliary_device adev;
	int x;
};

int rl4l_prep(struct foo *f);

/* Wrapper macros whose whole body is the API call. */
#define rl4l_init(x) auxiliary_device_init(&(x)->adev)
#define rl4l_add(x) auxiliary_device_add(&x->adev)
#define rl4l_uninit(x) auxiliary_device_uninit(&(x)->adev)
/* A wrapper that does more than the API call is not taken for it. */
#define rl4l_init_more(x) (rl4l_prep(x) ?: auxiliary_device_init(&(x)->adev))

/* Bug: init through the macro, the add failure returns. */
int bad_macro(struct foo *f)
{
	int ret;

	ret = rl4l_init(f);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&f->adev);
	if (ret)
// CHECK: rl4_layout.c:[[@LINE+1]]:{{.*}}: [RL4] auxiliary_device_init(&f->adev) (in rl4l_init()) succeeded but this path returns without auxiliary_device_uninit(&f->adev)
		return ret;
	return 0;
}

/* Correct twin: the add failure uninits through the macro. */
int ok_macro(struct foo *f)
{
	int ret;

	ret = rl4l_init(f);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&f->adev);
	if (ret) {
		rl4l_uninit(f);
		return ret;
	}
	return 0;
}

/* Bug: the same on one line, the init tested in the if. */
// CHECK: rl4_layout.c:[[@LINE+1]]:{{.*}}: [RL4] auxiliary_device_init(&f->adev) (in rl4l_init()) succeeded
int bad_oneline(struct foo *f) { int ret; if (rl4l_init(f)) return -EIO; ret = rl4l_add(f); if (ret) return ret; return 0; }

/* Correct twin on one line. */
int ok_oneline(struct foo *f) { int ret; if (rl4l_init(f)) return -EIO; ret = rl4l_add(f); if (ret) { rl4l_uninit(f); return ret; } return 0; }

/* Bug: the add through its wrapper macro fails (the add wrapper does not
 * tear the device down). */
int bad_add_macro(struct foo *f)
{
	int ret;

	ret = auxiliary_device_init(&f->adev);
	if (ret)
		return ret;
	ret = rl4l_add(f);
	if (ret)
// CHECK: rl4_layout.c:[[@LINE+1]]:{{.*}}: [RL4] auxiliary_device_init(&f->adev) succeeded
		return ret;
	return 0;
}

/* Quiet: a wrapper that does more than the init. */
int quiet_macro_more(struct foo *f)
{
	int ret;

	ret = rl4l_init_more(f);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&f->adev);
	if (ret)
		return ret;
	return 0;
}

/* A static helper that does the init on every path that succeeds. */
static int rl4l_setup(struct device *parent, struct foo *f, int id)
{
	struct auxiliary_device *adev = &f->adev;

	if (!parent)
		return -EINVAL;
	adev->name = "lay";
	adev->id = id;
	adev->dev.parent = parent;
	return auxiliary_device_init(adev);
}

/* A helper that only sometimes inits. */
static int rl4l_maybe_setup(struct foo *f)
{
	int ret = 0;

	if (f->x)
		ret = auxiliary_device_init(&f->adev);
	return ret;
}

/* A teardown helper. */
static void rl4l_put(struct foo *f)
{
	auxiliary_device_uninit(&f->adev);
}

/* Bug: init in the helper, the add failure returns. */
int bad_helper(struct device *parent, struct foo *f)
{
	int ret;

	ret = rl4l_setup(parent, f, 1);
	if (ret) {
		kfree(f);
		return ret;
	}
	ret = auxiliary_device_add(&f->adev);
	if (ret) {
		dev_err(parent, "add failed\n");
// CHECK: rl4_layout.c:[[@LINE+1]]:{{.*}}: [RL4] auxiliary_device_init(&f->adev) (in rl4l_setup()) succeeded
		return ret;
	}
	return 0;
}

/* Correct twin: the teardown helper on the add failure. */
int ok_helper(struct device *parent, struct foo *f)
{
	int ret;

	ret = rl4l_setup(parent, f, 2);
	if (ret) {
		kfree(f);
		return ret;
	}
	ret = auxiliary_device_add(&f->adev);
	if (ret) {
		rl4l_put(f);
		return ret;
	}
	return 0;
}

/* Quiet: the helper that only sometimes inits. */
int quiet_maybe_helper(struct foo *f)
{
	int ret;

	ret = rl4l_maybe_setup(f);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&f->adev);
	if (ret)
		return ret;
	return 0;
}

/* A helper that inits and adds the device passed to it (the pmic_glink
 * shape), and its teardown helper. */
static int rl4l_add_dev(struct foo *f, struct auxiliary_device *aux)
{
	int ret;

	aux->name = "dev";
	ret = auxiliary_device_init(aux);
	if (ret)
		return ret;
	ret = auxiliary_device_add(aux);
	if (ret)
		auxiliary_device_uninit(aux);
	return ret;
}

static void rl4l_del_dev(struct foo *f, struct auxiliary_device *aux)
{
	auxiliary_device_delete(aux);
	auxiliary_device_uninit(aux);
}

/* Quiet: the init and its teardown are guarded by the same condition; the
 * rule is not path-sensitive and a path that tears the device down exists. */
int quiet_guarded(struct foo *f)
{
	int ret;

	if (f->x) {
		ret = rl4l_add_dev(f, &f->adev);
		if (ret)
			goto out;
	}
	ret = rl4l_prep(f);
	if (ret)
		goto out_del;
	return 0;
out_del:
	if (f->x)
		rl4l_del_dev(f, &f->adev);
out:
	return ret;
}

/* Bug: the same helper, the error path forgets the teardown. */
int bad_guarded(struct foo *f)
{
	int ret;

	ret = rl4l_add_dev(f, &f->adev);
	if (ret)
		return ret;
	ret = rl4l_prep(f);
	if (ret)
// CHECK: rl4_layout.c:[[@LINE+1]]:{{.*}}: [RL4] auxiliary_device_init(&f->adev) (in rl4l_add_dev()) succeeded
		return ret;
	return 0;
}
