// SPDX-License-Identifier: GPL-2.0
/* Platform devices after drivers/base/platform.c: platform_device_alloc()
 * returns an initialized device whose release (platform_device_release) frees
 * its platform_data and the device; platform_device_add() names it and adds
 * it to the platform bus, and on failure the caller still owes
 * platform_device_put(). The bus binds a struct platform_driver by its
 * id_table, else by driver name. */
#include "kbound_internal.h"
#include <linux/platform_device.h>

/* The kernel's struct platform_object: the device and its name, one block. */
struct kb_platform_object {
	struct platform_device pdev;
	char name[];
};

#define to_platform_driver(drv) \
	container_of((drv), struct platform_driver, driver)

static const struct platform_device_id *
kb_platform_match_id(const struct platform_device_id *id,
		     const struct platform_device *pdev)
{
	for (; id && id->name[0]; id++)
		if (!strcmp(pdev->name, id->name))
			return id;
	return NULL;
}

static int kb_platform_match(struct device *dev, const struct device_driver *drv)
{
	struct platform_device *pdev = to_platform_device(dev);
	const struct platform_driver *pdrv =
		container_of(drv, const struct platform_driver, driver);

	if (pdrv->id_table)
		return kb_platform_match_id(pdrv->id_table, pdev) != NULL;
	return !strcmp(pdev->name, drv->name);
}

static int kb_platform_probe(struct device *dev)
{
	struct platform_driver *pdrv = to_platform_driver(dev->driver);
	struct platform_device *pdev = to_platform_device(dev);

	pdev->id_entry = kb_platform_match_id(pdrv->id_table, pdev);
	return pdrv->probe ? pdrv->probe(pdev) : 0;
}

static void kb_platform_remove(struct device *dev)
{
	struct platform_driver *pdrv = to_platform_driver(dev->driver);

	if (pdrv->remove)
		pdrv->remove(to_platform_device(dev));
}

const struct bus_type platform_bus_type = {
	.name = "platform",
	.match = kb_platform_match,
	.probe = kb_platform_probe,
	.remove = kb_platform_remove,
};

static void platform_device_release(struct device *dev)
{
	struct kb_platform_object *pa =
		container_of(dev, struct kb_platform_object, pdev.dev);

	kfree(pa->pdev.dev.platform_data);
	kfree(pa);
}

struct platform_device *platform_device_alloc(const char *name, int id)
{
	struct kb_platform_object *pa;
	size_t len = strlen(name);

	if (kbound_should_fail("platform_device_alloc"))
		return NULL;
	pa = kb_zalloc(sizeof(*pa) + len + 1);
	memcpy(pa->name, name, len + 1);
	pa->pdev.name = pa->name;
	pa->pdev.id = id;
	device_initialize(&pa->pdev.dev);
	pa->pdev.dev.release = platform_device_release;
	return &pa->pdev;
}

int platform_device_add_data(struct platform_device *pdev, const void *data,
			     size_t size)
{
	void *d = NULL;

	if (kbound_should_fail("platform_device_add_data"))
		return -ENOMEM;
	if (data) {
		d = kb_alloc(size ? size : 1);
		memcpy(d, data, size);
	}
	kfree(pdev->dev.platform_data);
	pdev->dev.platform_data = d;
	return 0;
}

static int kb_platform_device_add(struct platform_device *pdev)
{
	static int next_auto_id;
	struct device *dev = &pdev->dev;

	dev->bus = &platform_bus_type;
	if (pdev->id == PLATFORM_DEVID_NONE)
		dev_set_name(dev, "%s", pdev->name);
	else if (pdev->id == PLATFORM_DEVID_AUTO)
		dev_set_name(dev, "%s.%d.auto", pdev->name, next_auto_id++);
	else
		dev_set_name(dev, "%s.%d", pdev->name, pdev->id);
	return kb_device_add(dev);
}

int platform_device_add(struct platform_device *pdev)
{
	if (!pdev)
		return -EINVAL;
	if (kbound_should_fail("platform_device_add"))
		return -ENOMEM;
	return kb_platform_device_add(pdev);
}

void platform_device_del(struct platform_device *pdev)
{
	if (!IS_ERR_OR_NULL(pdev))
		device_del(&pdev->dev);
}

void platform_device_put(struct platform_device *pdev)
{
	if (!IS_ERR_OR_NULL(pdev))
		put_device(&pdev->dev);
}

int platform_device_register(struct platform_device *pdev)
{
	device_initialize(&pdev->dev);
	return platform_device_add(pdev);
}

struct platform_device *
platform_device_register_full(const struct platform_device_info *pdevinfo)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_alloc(pdevinfo->name, pdevinfo->id);
	if (!pdev)
		return ERR_PTR(-ENOMEM);
	pdev->dev.parent = pdevinfo->parent;
	ret = platform_device_add_data(pdev, pdevinfo->data,
				       pdevinfo->size_data);
	if (!ret)
		ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		return ERR_PTR(ret);
	}
	return pdev;
}

void platform_device_unregister(struct platform_device *pdev)
{
	platform_device_del(pdev);
	platform_device_put(pdev);
}

int __platform_driver_register(struct platform_driver *drv,
			       struct module *owner)
{
	drv->driver.bus = &platform_bus_type;
	return driver_register(&drv->driver);
}

void platform_driver_unregister(struct platform_driver *drv)
{
	driver_unregister(&drv->driver);
}
