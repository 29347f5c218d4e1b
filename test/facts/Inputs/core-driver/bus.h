/* A stand-in bus core's header: its devices embed a struct device, and the
 * core's functions (bus-core.c) register them and own their release. */
#include <linux/device.h>

struct bus_dev {
	int id;
	struct device dev;
};

struct bus_net {
	char *name;
	struct device dev;
};

struct bus_quiet {
	int id;
	struct device dev;
};

int bus_add_device(struct bus_dev *bdev);
int bus_add_net(struct bus_net *net);
int bus_add_maybe(struct bus_dev *bdev, int enabled);
int bus_add_owned(struct bus_dev *bdev);
void bus_remove_device(struct bus_dev *bdev);
void bus_quiet_init(struct bus_quiet *q);
