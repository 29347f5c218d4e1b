/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's auxiliary bus (include/linux/auxiliary_bus.h, with the same
 * static inline wrappers and macros) plus kbound's registration-data API, the
 * C port of Rust's auxiliary::Registration<T> (see docs/registration-api.md). */
#ifndef _LINUX_AUXILIARY_BUS_H
#define _LINUX_AUXILIARY_BUS_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>

struct auxiliary_device {
	struct device dev;
	const char *name;
	u32 id;
	/* Registration data set by auxiliary_registration_new(); NULL when a
	 * driver registered the device through the plain API. */
	void *registration_data;
};

struct auxiliary_driver {
	int (*probe)(struct auxiliary_device *auxdev,
		     const struct auxiliary_device_id *id);
	void (*remove)(struct auxiliary_device *auxdev);
	void (*shutdown)(struct auxiliary_device *auxdev);
	const char *name;
	struct device_driver driver;
	const struct auxiliary_device_id *id_table;
};

static inline void *auxiliary_get_drvdata(struct auxiliary_device *auxdev)
{
	return dev_get_drvdata(&auxdev->dev);
}

static inline void auxiliary_set_drvdata(struct auxiliary_device *auxdev,
					 void *data)
{
	dev_set_drvdata(&auxdev->dev, data);
}

static inline struct auxiliary_device *to_auxiliary_dev(struct device *dev)
{
	return container_of(dev, struct auxiliary_device, dev);
}

static inline const struct auxiliary_driver *
to_auxiliary_drv(const struct device_driver *drv)
{
	return container_of(drv, struct auxiliary_driver, driver);
}

/* After this succeeds the device is refcounted: tear down with
 * auxiliary_device_uninit(), whose release callback frees it. */
int auxiliary_device_init(struct auxiliary_device *auxdev);
int __auxiliary_device_add(struct auxiliary_device *auxdev, const char *modname);
#define auxiliary_device_add(auxdev) __auxiliary_device_add(auxdev, KBUILD_MODNAME)

static inline void auxiliary_device_uninit(struct auxiliary_device *auxdev)
{
	put_device(&auxdev->dev);
}

static inline void auxiliary_device_delete(struct auxiliary_device *auxdev)
{
	device_del(&auxdev->dev);
}

int __auxiliary_driver_register(struct auxiliary_driver *auxdrv,
				struct module *owner, const char *modname);
#define auxiliary_driver_register(auxdrv) \
	__auxiliary_driver_register(auxdrv, THIS_MODULE, KBUILD_MODNAME)
void auxiliary_driver_unregister(struct auxiliary_driver *auxdrv);

#define module_auxiliary_driver(__auxiliary_driver) \
	module_driver(__auxiliary_driver, auxiliary_driver_register, \
		      auxiliary_driver_unregister)

/* Newer kernels: allocate, init and add in one call; NULL on failure. */
struct auxiliary_device *auxiliary_device_create(struct device *dev,
						 const char *modname,
						 const char *devname,
						 void *platform_data, int id);
void auxiliary_device_destroy(void *auxdev);
struct auxiliary_device *__devm_auxiliary_device_create(struct device *dev,
							const char *modname,
							const char *devname,
							void *platform_data,
							int id);
#define devm_auxiliary_device_create(dev, devname, platform_data) \
	__devm_auxiliary_device_create(dev, KBUILD_MODNAME, devname, \
				       platform_data, 0)

/* ---- registration data (kbound's contract, docs/registration-api.md) ---- */

/* One tag per registration-data type; identity is the tag's address. */
struct auxiliary_regdata_type {
	const char *name;	/* the C type's spelling, for messages */
	size_t size;		/* sizeof that type */
};

#define DEFINE_AUXILIARY_REGDATA_TYPE(tag, type) \
	const struct auxiliary_regdata_type tag = { .name = #type, .size = sizeof(type) }

struct auxiliary_registration;

/* Copies type->size bytes of @data (tag first, like RegistrationData) and
 * registers modname.name.id under @parent. ERR_PTR(-errno) on failure, and
 * then there is nothing to drop. */
struct auxiliary_registration *
auxiliary_registration_new(struct device *parent, const char *name, u32 id,
			   const char *modname,
			   const struct auxiliary_regdata_type *type,
			   const void *data);

/* The same, dropped automatically when @parent unbinds. */
struct auxiliary_registration *
devm_auxiliary_registration_new(struct device *parent, const char *name, u32 id,
				const char *modname,
				const struct auxiliary_regdata_type *type,
				const void *data);

/* Unregisters the device (unbinding its driver first) and frees the data. */
void auxiliary_registration_drop(struct auxiliary_registration *reg);

struct auxiliary_device *
auxiliary_registration_device(struct auxiliary_registration *reg);

/* The data if @type is its tag; ERR_PTR(-EINVAL) if not, ERR_PTR(-ENOENT) if
 * the device has none. Valid only while @adev is bound to the caller. */
void *auxiliary_registration_data(struct auxiliary_device *adev,
				  const struct auxiliary_regdata_type *type);

#endif /* _LINUX_AUXILIARY_BUS_H */
