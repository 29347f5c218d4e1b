/* Teardown split over two functions (as in bnxt): delete in one, uninit in
 * the other.  The teardown part of RL5 must stay quiet. */
#include <linux/auxiliary_bus.h>

struct foo {
	struct auxiliary_device adev;
};

void foo_del(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
}

void foo_uninit(struct foo *f)
{
	auxiliary_device_uninit(&f->adev);
}
