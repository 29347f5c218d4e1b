// UA2 double free through the driver's own wrappers, in a file whose
// release callback frees the container.  Read by ../ua2_layout.test.
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>
#include <linux/err.h>

struct foo {
	struct auxiliary_device adev;
	int x;
};

#define ua2r_uninit(x) auxiliary_device_uninit(&(x)->adev)

static void ua2r_release(struct device *dev)
{
	struct foo *f = container_of(dev, struct foo, adev.dev);

	kfree(f);
}

static void ua2r_put(struct foo *f)
{
	auxiliary_device_uninit(&f->adev);
}

static void ua2r_maybe_put(struct foo *f)
{
	if (f->x)
		auxiliary_device_uninit(&f->adev);
}

/* Bug: the uninit macro, then kfree(): double free. */
int bad_macro(struct foo *f)
{
	int ret;

	f->adev.dev.release = ua2r_release;
	ret = auxiliary_device_init(&f->adev);
	if (ret)
		goto err_free;
	ret = auxiliary_device_add(&f->adev);
	if (ret)
		goto err_uninit;
	return 0;
err_uninit:
	ua2r_uninit(f);
err_free:
// CHECK: ua2_layout_rel.c:[[@LINE+1]]:{{.*}}: [UA2] kfree(f) after auxiliary_device_uninit() at line [[@LINE-2]]: the release callback already frees it (double free)
	kfree(f);
	return ret;
}

/* Correct twin: the uninit macro alone. */
int ok_macro(struct foo *f)
{
	int ret;

	f->adev.dev.release = ua2r_release;
	ret = auxiliary_device_init(&f->adev);
	if (ret)
		goto err_free;
	ret = auxiliary_device_add(&f->adev);
	if (ret)
		goto err_uninit;
	return 0;
err_uninit:
	ua2r_uninit(f);
	return ret;
err_free:
	kfree(f);
	return ret;
}

/* Bug: teardown through the uninit helper, then kfree(). */
void bad_helper(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	ua2r_put(f);
// CHECK: ua2_layout_rel.c:[[@LINE+1]]:{{.*}}: [UA2] kfree(f) after auxiliary_device_uninit() at line [[@LINE-1]]: the release callback already frees it (double free)
	kfree(f);
}

/* Correct twin. */
void ok_helper(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	ua2r_put(f);
}

/* Quiet: the helper only sometimes uninits. */
void quiet_maybe_put(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	ua2r_maybe_put(f);
	kfree(f);
}
