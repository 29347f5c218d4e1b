/* The probe error path deletes and uninits the first device when the
 * second fails; .remove only uninits.  The error path is no split-teardown
 * partner, so .remove is reported. */
#include <linux/auxiliary_bus.h>

struct foo {
	struct auxiliary_device a, b;
};

int foo_add(struct auxiliary_device *adev);

int foo_probe(struct foo *f)
{
	int ret;

	ret = foo_add(&f->a);
	if (ret)
		return ret;
	ret = foo_add(&f->b);
	if (ret) {
		auxiliary_device_delete(&f->a);
		auxiliary_device_uninit(&f->a);
	}
	return ret;
}

void foo_remove(struct foo *f)
{
// CHECK: rl5_probe_deletes.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL5] foo_remove() tears the auxiliary device down with auxiliary_device_uninit(&f->b) but never calls auxiliary_device_delete()
	auxiliary_device_uninit(&f->b);
// CHECK: rl5_probe_deletes.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [RL5] foo_remove() tears the auxiliary device down with auxiliary_device_uninit(&f->a) but never calls auxiliary_device_delete()
	auxiliary_device_uninit(&f->a);
}
