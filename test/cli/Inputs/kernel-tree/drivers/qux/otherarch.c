/*
 * Another architecture's driver: its Kconfig symbol is off here, so kbuild
 * never builds it, yet `make drivers/qux/otherarch.o` compiles it and fails.
 * bin/kbound scan must list it as SKIPPED (not in this configuration).
 */
#include <linux/auxiliary_bus.h>

int otherarch_probe(struct auxiliary_device *adev)
{
	return adev->arm_only_member;
}
