// SPDX-License-Identifier: GPL-2.0
/* Buses: the device and driver lists of each bus_type (kept here, as the
 * kernel keeps them in subsys_private, since bus_type is const), matching,
 * probe and unbind. */
#include "kbound_internal.h"

struct kb_bus {
	const struct bus_type *type;
	struct list_head devices;
	struct list_head drivers;
};

#define KB_MAX_BUSES 8
static struct kb_bus kb_buses[KB_MAX_BUSES];

/* Drivers taken off their bus by the harness (kbound_bus_detach_drivers). */
#define KB_MAX_DETACHED 64
static struct device_driver *kb_detached[KB_MAX_DETACHED];

static struct kb_bus *kb_bus_get(const struct bus_type *type)
{
	int i;

	for (i = 0; i < KB_MAX_BUSES; i++) {
		if (kb_buses[i].type == type)
			return &kb_buses[i];
		if (!kb_buses[i].type) {
			kb_buses[i].type = type;
			kb_list_init(&kb_buses[i].devices);
			kb_list_init(&kb_buses[i].drivers);
			return &kb_buses[i];
		}
	}
	fprintf(stderr, "kbound: too many buses\n");
	abort();
}

static unsigned int kb_list_count(const struct list_head *head)
{
	const struct list_head *pos;
	unsigned int n = 0;

	kb_list_for_each(pos, head)
		n++;
	return n;
}

unsigned int kbound_bus_device_count(const struct bus_type *bus)
{
	return kb_list_count(&kb_bus_get(bus)->devices);
}

unsigned int kbound_bus_driver_count(const struct bus_type *bus)
{
	return kb_list_count(&kb_bus_get(bus)->drivers);
}

int kb_bus_add_device(struct device *dev)
{
	if (dev->bus)
		kb_list_add_tail(&dev->bus_node, &kb_bus_get(dev->bus)->devices);
	return 0;
}

void kb_bus_remove_device(struct device *dev)
{
	if (kb_list_linked(&dev->bus_node))
		kb_list_del_init(&dev->bus_node);
}

/*
 * A referenced snapshot of a bus's devices: probe and remove callbacks add
 * and delete devices, so the list cannot be walked directly.
 */
static struct device **kb_snapshot(struct kb_bus *bus, unsigned int *nr)
{
	struct list_head *pos;
	struct device **devs;
	unsigned int i = 0;

	*nr = kb_list_count(&bus->devices);
	devs = kb_zalloc(sizeof(*devs) * (*nr + 1));
	kb_list_for_each(pos, &bus->devices)
		devs[i++] = get_device(container_of(pos, struct device, bus_node));
	return devs;
}

static void kb_snapshot_put(struct device **devs, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		put_device(devs[i]);
	free(devs);
}

void kb_device_check_children(struct device *dev)
{
	if (dev->nr_children > 0)
		kbound_warn("%s unbound with %d auxiliary device(s) still registered",
			    kb_dev_name(dev), dev->nr_children);
}

static int kb_probe(struct device_driver *drv, struct device *dev)
{
	int ret = 0;

	dev->driver = drv;
	if (!kb_list_empty(&dev->devres_head))
		kbound_warn("%s: resources present before probing",
			    kb_dev_name(dev));
	if (dev->bus->probe)
		ret = dev->bus->probe(dev);
	if (ret) {
		kbound_note_probe_failure(kb_dev_name(dev), drv->name, ret);
		kb_devres_release_all(dev);
		dev->driver_data = NULL;
		dev->driver = NULL;
		/* A probe that fails must leave nothing registered. */
		kb_device_check_children(dev);
	}
	return ret;
}

static bool kb_match(struct device_driver *drv, struct device *dev)
{
	return !dev->bus->match || dev->bus->match(dev, drv);
}

int device_attach(struct device *dev)
{
	struct list_head *pos;
	struct kb_bus *bus;

	if (dev->driver)
		return 1;
	if (!dev->bus)
		return 0;
	bus = kb_bus_get(dev->bus);
	kb_list_for_each(pos, &bus->drivers) {
		struct device_driver *drv =
			container_of(pos, struct device_driver, bus_node);

		if (kb_match(drv, dev)) {
			int ret = kb_probe(drv, dev);

			return ret ? ret : 1;
		}
	}
	return 0;
}

void device_release_driver(struct device *dev)
{
	if (!dev->driver)
		return;
	if (dev->bus && dev->bus->remove)
		dev->bus->remove(dev);
	/* Reverse order of acquisition, after .remove, like the kernel's
	 * device_unbind_cleanup(). */
	kb_devres_release_all(dev);
	dev->driver_data = NULL;
	dev->driver = NULL;
	kb_device_check_children(dev);
}

int driver_register(struct device_driver *drv)
{
	struct device **devs;
	unsigned int nr, i;
	struct kb_bus *bus;

	if (!drv->bus) {
		kbound_warn("driver %s registered without a bus",
			    drv->name ? drv->name : "(unnamed)");
		return -EINVAL;
	}
	if (kb_list_linked(&drv->bus_node)) {
		printk("kbound: driver %s is already registered\n", drv->name);
		return -EBUSY;
	}
	bus = kb_bus_get(drv->bus);
	kb_list_add_tail(&drv->bus_node, &bus->drivers);
	devs = kb_snapshot(bus, &nr);
	for (i = 0; i < nr; i++) {
		struct device *dev = devs[i];

		if (dev->added && !dev->driver && kb_match(drv, dev))
			kb_probe(drv, dev);
	}
	kb_snapshot_put(devs, nr);
	return 0;
}

static void kb_driver_detach(struct device_driver *drv)
{
	struct device **devs;
	unsigned int nr, i;

	devs = kb_snapshot(kb_bus_get(drv->bus), &nr);
	for (i = 0; i < nr; i++)
		if (devs[i]->driver == drv)
			device_release_driver(devs[i]);
	kb_snapshot_put(devs, nr);
	kb_list_del_init(&drv->bus_node);
}

bool kb_driver_unregister(struct device_driver *drv)
{
	int i;

	if (!kb_list_linked(&drv->bus_node)) {
		for (i = 0; i < KB_MAX_DETACHED; i++) {
			if (kb_detached[i] == drv) {
				kb_detached[i] = NULL;
				return true;
			}
		}
		kbound_warn("driver %s unregistered but not registered",
			    drv->name ? drv->name : "(unnamed)");
		return false;
	}
	kb_driver_detach(drv);
	return true;
}

void driver_unregister(struct device_driver *drv)
{
	kb_driver_unregister(drv);
}

void kbound_bus_detach_drivers(const struct bus_type *type)
{
	struct kb_bus *bus = kb_bus_get(type);
	int i;

	while (!kb_list_empty(&bus->drivers)) {
		struct device_driver *drv = container_of(bus->drivers.next,
				struct device_driver, bus_node);

		kb_driver_detach(drv);
		for (i = 0; i < KB_MAX_DETACHED; i++) {
			if (!kb_detached[i]) {
				kb_detached[i] = drv;
				break;
			}
		}
	}
}

void kb_bus_shutdown(void)
{
	int i;

	for (i = 0; i < KB_MAX_BUSES && kb_buses[i].type; i++) {
		struct kb_bus *bus = &kb_buses[i];

		while (!kb_list_empty(&bus->drivers)) {
			struct device_driver *drv = container_of(bus->drivers.next,
					struct device_driver, bus_node);

			kbound_warn("driver %s still registered at exit",
				    drv->name ? drv->name : "(unnamed)");
			kb_list_del_init(&drv->bus_node);
		}
		/* Devices still registered were leaked by a driver (already
		 * reported at unbind): unlink them so LSan reports them. */
		while (!kb_list_empty(&bus->devices))
			kb_list_del_init(bus->devices.next);
	}
	memset(kb_detached, 0, sizeof(kb_detached));
}

int kb_bus_drivers(const struct bus_type *type, struct device_driver **out,
		   int max)
{
	struct list_head *pos;
	int n = 0;

	kb_list_for_each(pos, &kb_bus_get(type)->drivers) {
		if (n == max)
			break;
		out[n++] = container_of(pos, struct device_driver, bus_node);
	}
	return n;
}
