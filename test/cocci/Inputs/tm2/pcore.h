#ifndef PCORE_H
#define PCORE_H
#include <linux/auxiliary_bus.h>

#define PCORE_DRV_NAME "pcore"
#define PCORE_ETH_NAME "eth"

struct pcore_adev {
	struct auxiliary_device adev;
	int port;
};

struct pcore_ctrl_info {
	int nr_queues;
};
extern const struct auxiliary_regdata_type pcore_ctrl_info_type;
#endif
