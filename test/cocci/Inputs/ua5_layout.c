// UA5 through the driver's own wrappers: each bug next to its correct twin.
// The CHECK lines are read by ../ua5_layout.test.
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>

struct foo {
	struct auxiliary_device adev;
	int x;
};

#define ua5l_uninit(x) auxiliary_device_uninit(&(x)->adev)
#define ua5l_delete(x) auxiliary_device_delete(&(x)->adev)

static void ua5l_put(struct foo *f)
{
	auxiliary_device_uninit(&f->adev);
}

static void ua5l_unplug(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
}

static void ua5l_maybe_put(struct foo *f)
{
	if (f->x)
		auxiliary_device_uninit(&f->adev);
}

/* Bug: uninit through the macro, then the delete. */
void bad_macro(struct foo *f)
{
// CHECK: ua5_layout.c:[[@LINE+1]]:{{.*}}: [UA5] auxiliary_device_uninit(&f->adev) (in ua5l_uninit()) before auxiliary_device_delete() at line [[@LINE+3]]
	ua5l_uninit(f);
	f->x = 0;
	auxiliary_device_delete(&f->adev);
}

/* Correct twin. */
void ok_macro(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	f->x = 0;
	ua5l_uninit(f);
}

/* Bug: uninit through the helper, delete through the macro. */
void bad_helper(struct foo *f)
{
// CHECK: ua5_layout.c:[[@LINE+1]]:{{.*}}: [UA5] auxiliary_device_uninit(&f->adev) (in ua5l_put()) before auxiliary_device_delete() (in ua5l_delete()) at line [[@LINE+2]]
	ua5l_put(f);
	ua5l_delete(f);
}

/* Correct twin. */
void ok_helper(struct foo *f)
{
	ua5l_delete(f);
	ua5l_put(f);
}

/* Bug on one line: the API uninit, the delete helper. */
// CHECK: ua5_layout.c:[[@LINE+1]]:{{.*}}: [UA5] auxiliary_device_uninit(&f->adev) before auxiliary_device_delete() (in ua5l_unplug()) at line [[@LINE+1]]
void bad_oneline(struct foo *f) { auxiliary_device_uninit(&f->adev); ua5l_unplug(f); }

/* Correct twin on one line. */
void ok_oneline(struct foo *f) { ua5l_unplug(f); auxiliary_device_uninit(&f->adev); }

/* Quiet: the helper only sometimes uninits. */
void quiet_maybe_put(struct foo *f)
{
	ua5l_maybe_put(f);
	auxiliary_device_delete(&f->adev);
}

/* Quiet: another device. */
void quiet_other(struct foo *f, struct foo *g)
{
	ua5l_put(g);
	ua5l_delete(f);
}
