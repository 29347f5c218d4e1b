/* The release callback does not free: kfree() after uninit frees the
 * container outside its release; UA2 (a reference held elsewhere would see
 * freed memory). */
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>

struct foo {
	struct auxiliary_device adev;
};

static void foo_release(struct device *dev)
{
}

int foo_register(struct foo *f)
{
	int err;

	f->adev.dev.release = foo_release;
	err = auxiliary_device_init(&f->adev);
	if (err)
		goto err_out;
	err = auxiliary_device_add(&f->adev);
	if (err)
		goto err_uninit;
	return 0;
err_uninit:
	auxiliary_device_uninit(&f->adev);
err_out:
	kfree(f);
	return err;
}
