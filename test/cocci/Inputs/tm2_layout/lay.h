#ifndef LAY_H
#define LAY_H
#include <linux/auxiliary_bus.h>

struct lay_a {
	int x;
};
struct lay_b {
	int y;
};
extern const struct auxiliary_regdata_type lay_a_type;
extern const struct auxiliary_regdata_type lay_b_type;

/* The parent's container of its embedded auxiliary devices. */
struct lay_adev {
	struct auxiliary_device adev;
	int port;
};
/* A driver's stale idea of it. */
struct other_adev {
	struct auxiliary_device adev;
	long features;
	int port;
};
#endif
