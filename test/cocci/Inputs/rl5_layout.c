// RL5 through the driver's own wrappers: each bug next to its correct twin.
// The CHECK lines are read by ../rl5_layout.test.
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include <linux/err.h>

struct foo {
	struct auxiliary_device adev;
	int x;
};

#define rl5l_add(x) auxiliary_device_add(&(x)->adev)
#define rl5l_uninit(x) auxiliary_device_uninit(&(x)->adev)
#define rl5l_delete(x) auxiliary_device_delete(&(x)->adev)

/* Helpers: uninit only; uninit only sometimes; delete only sometimes. */
static void rl5l_put(struct foo *f)
{
	auxiliary_device_uninit(&f->adev);
}

static void rl5l_maybe_put(struct foo *f)
{
	if (f->x)
		auxiliary_device_uninit(&f->adev);
}

static void rl5l_maybe_unplug(struct foo *f)
{
	if (f->x)
		auxiliary_device_delete(&f->adev);
}

/* Bug: the teardown uninits through the macro and never deletes. */
void bad_remove_macro(struct foo *f)
{
// CHECK: rl5_layout.c:[[@LINE+1]]:{{.*}}: [RL5] bad_remove_macro() tears the auxiliary device down with auxiliary_device_uninit(&f->adev) (in rl5l_uninit()) but never calls auxiliary_device_delete()
	rl5l_uninit(f);
}

/* Correct twin: delete through the macro first. */
void ok_remove_macro(struct foo *f)
{
	rl5l_delete(f);
	rl5l_uninit(f);
}

/* Bug: the teardown uninits through the helper and never deletes (the
 * helper itself is not judged: its callers are). */
void bad_remove_helper(struct foo *f)
{
	f->x = 0;
// CHECK: rl5_layout.c:[[@LINE+1]]:{{.*}}: [RL5] bad_remove_helper() tears the auxiliary device down with auxiliary_device_uninit(&f->adev) (in rl5l_put()) but never calls auxiliary_device_delete()
	rl5l_put(f);
}

/* Correct twin. */
void ok_remove_helper(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	rl5l_put(f);
}

/* Bug: the add through the macro succeeded, a later error path uninits
 * through the helper without deleting. */
int bad_probe(struct foo *f, int (*step)(struct foo *))
{
	int ret;

	ret = auxiliary_device_init(&f->adev);
	if (ret)
		return ret;
	ret = rl5l_add(f);
	if (ret) {
		rl5l_put(f);
		return ret;
	}
	ret = step(f);
	if (ret) {
// CHECK: rl5_layout.c:[[@LINE+1]]:{{.*}}: [RL5] auxiliary_device_uninit(&f->adev) (in rl5l_put()) after auxiliary_device_add() succeeded, without auxiliary_device_delete()
		rl5l_put(f);
		return ret;
	}
	return 0;
}

/* Correct twin. */
int ok_probe(struct foo *f, int (*step)(struct foo *))
{
	int ret;

	ret = auxiliary_device_init(&f->adev);
	if (ret)
		return ret;
	ret = rl5l_add(f);
	if (ret) {
		rl5l_put(f);
		return ret;
	}
	ret = step(f);
	if (ret) {
		rl5l_delete(f);
		rl5l_put(f);
		return ret;
	}
	return 0;
}

/* Bug on one line: add through the macro, uninit through the macro. */
// CHECK: rl5_layout.c:[[@LINE+1]]:{{.*}}: [RL5] auxiliary_device_uninit(&f->adev) (in rl5l_uninit()) after auxiliary_device_add() succeeded
int bad_oneline(struct foo *f) { int ret = auxiliary_device_init(&f->adev); if (ret) return ret; if (rl5l_add(f)) { rl5l_uninit(f); return -EIO; } if (f->x) { rl5l_uninit(f); return -EIO; } return 0; }

/* Correct twin on one line. */
int ok_oneline(struct foo *f) { int ret = auxiliary_device_init(&f->adev); if (ret) return ret; if (rl5l_add(f)) { rl5l_uninit(f); return -EIO; } if (f->x) { rl5l_delete(f); rl5l_uninit(f); return -EIO; } return 0; }

/* Quiet: the helper only sometimes uninits, or only sometimes deletes. */
void quiet_maybe_put(struct foo *f)
{
	rl5l_maybe_put(f);
}

void quiet_maybe_unplug(struct foo *f)
{
	rl5l_maybe_unplug(f);
	rl5l_uninit(f);
}
