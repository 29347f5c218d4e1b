/* Devices added in a loop and unwound with while (--i >= 0): the uninit
 * of the failing element is reached from the previous iteration's add only
 * around the loop (i++), which is another element.  RL5 must stay quiet. */
#include <linux/auxiliary_bus.h>

struct foo {
	struct auxiliary_device adev;
};

/* Correct: devices added in a loop; the failing element is uninit alone
 * (its add failed), then while (--i >= 0) deletes and uninits the earlier
 * ones: once i changes, arr[i] is another device. */
int good_loop_unwind(struct foo **arr, int n)
{
	int i, ret;

	for (i = 0; i < n; i++) {
		ret = auxiliary_device_init(&arr[i]->adev);
		if (ret)
			goto unwind;
		ret = auxiliary_device_add(&arr[i]->adev);
		if (ret) {
			auxiliary_device_uninit(&arr[i]->adev);
			goto unwind;
		}
	}
	return 0;
unwind:
	while (--i >= 0) {
		auxiliary_device_delete(&arr[i]->adev);
		auxiliary_device_uninit(&arr[i]->adev);
	}
	return ret;
}
