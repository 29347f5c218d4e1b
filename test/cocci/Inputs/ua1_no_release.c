/* The release callback is elsewhere (or frees nothing): UA1 does not judge
 * container uses. */
#include <linux/auxiliary_bus.h>

struct foo {
	struct auxiliary_device adev;
	int client_id;
};

void foo_remove(struct foo *f)
{
	auxiliary_device_delete(&f->adev);
	auxiliary_device_uninit(&f->adev);
	f->client_id = 0;
}
