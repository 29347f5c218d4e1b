/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared between nova_core (the PCI parent) and nova_drm (the auxiliary
 * driver): the registration-data type and its tag, the C counterpart of the
 * type that Rust's Registration<'bound, F> is generic over.
 */
#ifndef _NOVA_CORE_H
#define _NOVA_CORE_H

#include <linux/auxiliary_bus.h>

#define NOVA_CORE_MODNAME	"nova_core"
#define NOVA_DRM_DEVNAME	"nova-drm"

/* The GPU state nova_core owns for as long as it is bound. */
struct gpu {
	u32 chipset;
	u32 nr_engines;
	bool bound;
};

/*
 * Registration data handed to nova-drm. It borrows nova_core's struct gpu
 * (NovaCore<'bound> in Rust): it must be dropped before the gpu goes away.
 */
struct nova_core_regdata {
	struct gpu *gpu;
};

extern const struct auxiliary_regdata_type nova_core_regdata_type;

#endif /* _NOVA_CORE_H */
