/* SPDX-License-Identifier: GPL-2.0 */
/* The device model, as much of it as registration lifetimes need: refcounted
 * devices with a release callback, buses that match and probe, driver data and
 * devres (released in reverse order when the driver unbinds). */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/err.h>

struct device;
struct device_driver;

struct bus_type {
	const char *name;
	int (*match)(struct device *dev, const struct device_driver *drv);
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
};

struct device_driver {
	const char *name;
	const char *mod_name;
	const struct bus_type *bus;
	struct list_head bus_node;	/* runtime: on the bus's driver list */
};

struct device {
	struct device *parent;
	const char *init_name;
	char *name;
	const struct bus_type *bus;
	struct device_driver *driver;
	void *driver_data;
	void *platform_data;
	void (*release)(struct device *dev);
	/* runtime bookkeeping, not touched by drivers */
	int kref;
	bool added;
	bool initialized;
	int nr_children;		/* added children still registered */
	struct list_head devres_head;
	struct list_head bus_node;
};

void device_initialize(struct device *dev);
int __must_check device_add(struct device *dev);
void device_del(struct device *dev);
int __must_check device_register(struct device *dev);
void device_unregister(struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
int dev_set_name(struct device *dev, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static inline const char *dev_name(const struct device *dev)
{
	return dev->name ? dev->name : dev->init_name;
}

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

int __must_check driver_register(struct device_driver *drv);
void driver_unregister(struct device_driver *drv);
/* Unbinds @dev from its driver (runs .remove, then releases devres). */
void device_release_driver(struct device *dev);
/* Tries to bind @dev to a driver of its bus; 1 if bound, 0 if none, -errno. */
int device_attach(struct device *dev);

/* devres: resources released automatically when the driver unbinds. */
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);
void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp);
void devm_kfree(struct device *dev, const void *p);
int __must_check devm_add_action(struct device *dev,
				 void (*action)(void *), void *data);
int __must_check devm_add_action_or_reset(struct device *dev,
					  void (*action)(void *), void *data);
void devm_release_action(struct device *dev, void (*action)(void *), void *data);

#define dev_err(dev, fmt, ...) printk("%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) printk("%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) printk("%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) printk("%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_err_probe(dev, err, fmt, ...) \
	({ dev_err(dev, fmt, ##__VA_ARGS__); (err); })

#endif /* _LINUX_DEVICE_H */
