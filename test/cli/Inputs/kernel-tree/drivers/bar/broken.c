/* Does not compile: bin/kbound scan must list it as FAILED and go on. */
#include <linux/auxiliary_bus.h>

int broken_probe(struct auxiliary_device *adev)
{
	return adev->no_such_member;
}
