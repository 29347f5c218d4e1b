// UA1 through the driver's own wrappers: each bug next to its correct twin.
// The release callback kfree()s the container.  The CHECK lines are read
// by ../ua1_layout.test.
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>

struct foo {
	struct auxiliary_device adev;
	int id;
	int x;
};

#define ua1l_uninit(x) auxiliary_device_uninit(&(x)->adev)

static void ua1l_release(struct device *dev)
{
	struct foo *f = container_of(dev, struct foo, adev.dev);

	kfree(f);
}

static void ua1l_put(struct foo *f)
{
	auxiliary_device_uninit(&f->adev);
}

static void ua1l_maybe_put(struct foo *f)
{
	if (f->x)
		auxiliary_device_uninit(&f->adev);
}

void ua1l_setup(struct foo *f)
{
	f->adev.dev.release = ua1l_release;
}

/* Bug: the container written after the uninit macro. */
void bad_macro(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	ua1l_uninit(f);
// CHECK: ua1_layout.c:[[@LINE+1]]:{{.*}}: [UA1] f used after auxiliary_device_uninit(&f->adev) (in ua1l_uninit()) at line [[@LINE-1]]
	f->id = -1;
}

/* Correct twin. */
void ok_macro(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	f->id = -1;
	ua1l_uninit(f);
}

/* Bug: the container written after the uninit helper. */
void bad_helper(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	ua1l_put(f);
// CHECK: ua1_layout.c:[[@LINE+1]]:{{.*}}: [UA1] f used after auxiliary_device_uninit(&f->adev) (in ua1l_put()) at line [[@LINE-1]]
	f->id = -1;
}

/* Correct twin. */
void ok_helper(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	f->id = -1;
	ua1l_put(f);
}

/* Bug on one line: uninit twice, through the helper and the macro. */
// CHECK: ua1_layout.c:[[@LINE+1]]:{{.*}}: [UA1] auxiliary_device_uninit(&f->adev) (in ua1l_uninit()) twice (first at line [[@LINE+1]], in ua1l_put())
void bad_oneline(struct foo *f) { auxiliary_device_delete(&f->adev); ua1l_put(f); ua1l_uninit(f); }

/* Correct twin on one line. */
void ok_oneline(struct foo *f) { auxiliary_device_delete(&f->adev); ua1l_put(f); }

/* Quiet: the helper only sometimes uninits. */
void quiet_maybe_put(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	ua1l_maybe_put(f);
	f->id = -1;
}
