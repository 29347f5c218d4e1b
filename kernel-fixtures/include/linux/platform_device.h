/* SPDX-License-Identifier: GPL-2.0 */
/* Platform devices, as far as their lifetime goes: platform_device_alloc()
 * allocates and initializes (the release frees the device and its
 * platform_data), platform_device_add() registers, platform_device_register()
 * does device_initialize() + platform_device_add() (on failure the caller still
 * owes platform_device_put()), platform_device_unregister() is del + put.
 * platform_device_add_data() kmemdup()s into dev.platform_data. The fixture
 * runtime implements the family (runtime/platform.c) with a platform bus that
 * binds a struct platform_driver by id_table or driver name. */
#ifndef _LINUX_PLATFORM_DEVICE_H
#define _LINUX_PLATFORM_DEVICE_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>

struct platform_device_id {
	char name[20];
	unsigned long driver_data;
};

#define PLATFORM_DEVID_NONE	(-1)
#define PLATFORM_DEVID_AUTO	(-2)

struct platform_device {
	const char *name;
	int id;
	struct device dev;
	const struct platform_device_id *id_entry;
};

#define to_platform_device(x) container_of((x), struct platform_device, dev)

struct platform_driver {
	int (*probe)(struct platform_device *pdev);
	void (*remove)(struct platform_device *pdev);
	struct device_driver driver;
	const struct platform_device_id *id_table;
};

struct platform_device *platform_device_alloc(const char *name, int id);
int __must_check platform_device_add(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);
int __must_check platform_device_register(struct platform_device *pdev);
void platform_device_unregister(struct platform_device *pdev);
int platform_device_add_data(struct platform_device *pdev, const void *data,
			     size_t size);

/* alloc + add_data + add in one call, as in drivers/base/platform.c:
 * ERR_PTR(-errno) on failure (nothing left to put), else a registered device
 * that platform_device_unregister() tears down. */
struct platform_device_info {
	struct device *parent;
	const char *name;
	int id;
	const void *data;
	size_t size_data;
};

struct platform_device *
platform_device_register_full(const struct platform_device_info *pdevinfo);

static inline struct platform_device *
platform_device_register_data(struct device *parent, const char *name, int id,
			      const void *data, size_t size)
{
	struct platform_device_info pdevinfo = {
		.parent = parent,
		.name = name,
		.id = id,
		.data = data,
		.size_data = size,
	};

	return platform_device_register_full(&pdevinfo);
}

static inline struct platform_device *
platform_device_register_simple(const char *name, int id, const void *res,
				unsigned int num)
{
	return platform_device_register_data(NULL, name, id, NULL, 0);
}

int __must_check __platform_driver_register(struct platform_driver *drv,
					   struct module *owner);
#define platform_driver_register(drv) \
	__platform_driver_register(drv, THIS_MODULE)
void platform_driver_unregister(struct platform_driver *drv);

#define module_platform_driver(__platform_driver) \
	module_driver(__platform_driver, platform_driver_register, \
		      platform_driver_unregister)

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev,
					void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

#endif /* _LINUX_PLATFORM_DEVICE_H */
