/* foo_adev_put() is a put only through the build's extra rows. */
// none-no-diagnostics
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>

void foo_adev_put(struct auxiliary_device *adev);

struct foo {
	struct auxiliary_device adev;
	int port;
};

int put_then_use(struct foo *f)
{
	int ret = auxiliary_device_init(&f->adev);

	if (ret)
		return ret;
	foo_adev_put(&f->adev);
#ifdef WITH_ROWS
	return f->adev.id; // expected-warning {{[UA1] Auxiliary device accessed after auxiliary_device_uninit()}}
#else
	return f->adev.id; // no-warning: an unknown call may have kept it
#endif
}
