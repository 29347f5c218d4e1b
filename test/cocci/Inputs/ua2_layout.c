// UA2 through the driver's own wrappers: each bug next to its correct twin.
// The CHECK lines are read by ../ua2_layout.test.
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include <linux/err.h>

struct foo {
	struct auxiliary_device adev;
	int x;
};

#define ua2l_init(x) auxiliary_device_init(&(x)->adev)
#define ua2l_uninit(x) auxiliary_device_uninit(&(x)->adev)

/* Bug: init through the macro, the add failure kfree()s the container. */
int bad_macro(struct foo *f)
{
	int ret;

	ret = ua2l_init(f);
	if (ret) {
		kfree(f);
		return ret;
	}
	ret = auxiliary_device_add(&f->adev);
	if (ret)
		goto err_free;
	return 0;
err_free:
// CHECK: ua2_layout.c:[[@LINE+1]]:{{.*}}: [UA2] kfree(f) after auxiliary_device_init(&f->adev) (in ua2l_init()) succeeded
	kfree(f);
	return ret;
}

/* Correct twin: uninit through the macro. */
int ok_macro(struct foo *f)
{
	int ret;

	ret = ua2l_init(f);
	if (ret) {
		kfree(f);
		return ret;
	}
	ret = auxiliary_device_add(&f->adev);
	if (ret)
		goto err_uninit;
	return 0;
err_uninit:
	ua2l_uninit(f);
	return ret;
}

/* Bug on one line: the init failure kfree() is right, the add failure one
 * is not. */
// CHECK: ua2_layout.c:[[@LINE+1]]:{{.*}}: [UA2] kfree(f) after auxiliary_device_init(&f->adev) (in ua2l_init()) succeeded
int bad_oneline(struct foo *f) { int ret = ua2l_init(f); if (ret) { kfree(f); return ret; } ret = auxiliary_device_add(&f->adev); if (ret) { kfree(f); return ret; } return 0; }

/* Correct twin on one line. */
int ok_oneline(struct foo *f) { int ret = ua2l_init(f); if (ret) { kfree(f); return ret; } ret = auxiliary_device_add(&f->adev); if (ret) { ua2l_uninit(f); return ret; } return 0; }

/* A static helper that inits the device of its parameter. */
static int ua2l_setup(struct foo *f, int id)
{
	f->adev.name = "lay";
	f->adev.id = id;
	return auxiliary_device_init(&f->adev);
}

/* A helper that only sometimes inits. */
static int ua2l_maybe_setup(struct foo *f)
{
	if (!f->x)
		return 0;
	return auxiliary_device_init(&f->adev);
}

/* Teardown helpers: delete only; delete and uninit; uninit only sometimes. */
static void ua2l_unplug(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
}

static void ua2l_destroy(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	auxiliary_device_uninit(&f->adev);
}

static void ua2l_maybe_put(struct foo *f)
{
	if (f->x)
		auxiliary_device_uninit(&f->adev);
}

/* Bug: init in the helper, the add failure kfree()s the container. */
int bad_helper(struct foo *f)
{
	int ret;

	ret = ua2l_setup(f, 1);
	if (ret) {
		kfree(f);
		return ret;
	}
	ret = auxiliary_device_add(&f->adev);
	if (ret) {
// CHECK: ua2_layout.c:[[@LINE+1]]:{{.*}}: [UA2] kfree(f) after auxiliary_device_init(&f->adev) (in ua2l_setup()) succeeded
		kfree(f);
		return ret;
	}
	return 0;
}

/* Correct twin: the add failure uninits. */
int ok_helper(struct foo *f)
{
	int ret;

	ret = ua2l_setup(f, 2);
	if (ret) {
		kfree(f);
		return ret;
	}
	ret = auxiliary_device_add(&f->adev);
	if (ret) {
		auxiliary_device_uninit(&f->adev);
		return ret;
	}
	return 0;
}

/* Quiet: the helper only sometimes inits. */
int quiet_maybe_helper(struct foo *f)
{
	int ret;

	ret = ua2l_maybe_setup(f);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&f->adev);
	if (ret) {
		kfree(f);
		return ret;
	}
	return 0;
}

/* Bug: teardown deletes through a helper and kfree()s. */
void bad_unplug(struct foo *f)
{
	ua2l_unplug(f);
// CHECK: ua2_layout.c:[[@LINE+1]]:{{.*}}: [UA2] kfree(f) after auxiliary_device_delete(&f->adev) (in ua2l_unplug()) without auxiliary_device_uninit()
	kfree(f);
}

/* Correct twin: the helper deletes and uninits. */
void ok_destroy(struct foo *f)
{
	ua2l_destroy(f);
}

/* Quiet: the uninit may have run (a helper that uninits sometimes). */
void quiet_maybe_put(struct foo *f)
{
	ua2l_unplug(f);
	ua2l_maybe_put(f);
	kfree(f);
}
