// SPDX-License-Identifier: GPL-2.0
/* The auxiliary bus, after drivers/base/auxiliary.c: devices named
 * "modname.name.id" match drivers whose id_table holds "modname.name". */
#include "kbound_internal.h"

static const struct auxiliary_device_id *
kb_auxiliary_match_id(const struct auxiliary_device_id *id,
		      const struct auxiliary_device *auxdev)
{
	const char *name = dev_name(&auxdev->dev);
	const char *p;
	size_t match_size;

	if (!id || !name)
		return NULL;
	/* The kernel compares up to the last '.': the id is not part of it. */
	p = strrchr(name, '.');
	if (!p)
		return NULL;
	match_size = p - name;
	for (; id->name[0]; id++) {
		if (strlen(id->name) == match_size &&
		    !strncmp(name, id->name, match_size))
			return id;
	}
	return NULL;
}

static int kb_auxiliary_match(struct device *dev, const struct device_driver *drv)
{
	return !!kb_auxiliary_match_id(to_auxiliary_drv(drv)->id_table,
				       to_auxiliary_dev(dev));
}

static int kb_auxiliary_probe(struct device *dev)
{
	const struct auxiliary_driver *auxdrv = to_auxiliary_drv(dev->driver);
	struct auxiliary_device *auxdev = to_auxiliary_dev(dev);

	return auxdrv->probe(auxdev,
			     kb_auxiliary_match_id(auxdrv->id_table, auxdev));
}

static void kb_auxiliary_remove(struct device *dev)
{
	const struct auxiliary_driver *auxdrv = to_auxiliary_drv(dev->driver);

	if (auxdrv->remove)
		auxdrv->remove(to_auxiliary_dev(dev));
}

const struct bus_type auxiliary_bus_type = {
	.name = "auxiliary",
	.match = kb_auxiliary_match,
	.probe = kb_auxiliary_probe,
	.remove = kb_auxiliary_remove,
};

int kb_auxiliary_device_init(struct auxiliary_device *auxdev)
{
	struct device *dev = &auxdev->dev;

	if (!dev->parent) {
		printk("auxiliary_device has a NULL dev->parent\n");
		return -EINVAL;
	}
	if (!auxdev->name) {
		printk("auxiliary_device has a NULL name\n");
		return -EINVAL;
	}
	if (!dev->release) {
		printk("auxiliary_device %s has no release callback\n",
		       auxdev->name);
		return -EINVAL;
	}
	dev->bus = &auxiliary_bus_type;
	device_initialize(dev);
	return 0;
}

int auxiliary_device_init(struct auxiliary_device *auxdev)
{
	if (kbound_should_fail("auxiliary_device_init"))
		return -ENOMEM;
	return kb_auxiliary_device_init(auxdev);
}

int kb_auxiliary_device_add(struct auxiliary_device *auxdev, const char *modname)
{
	struct device *dev = &auxdev->dev;
	int ret;

	if (!modname) {
		printk("auxiliary device modname is NULL\n");
		return -EINVAL;
	}
	/* Unlike the kernel (which faults), report the missing init. */
	if (!dev->initialized) {
		kbound_warn("auxiliary_device_add of %s before auxiliary_device_init",
			    auxdev->name ? auxdev->name : "(unnamed)");
		return -EINVAL;
	}
	dev_set_name(dev, "%s.%s.%u", modname, auxdev->name, auxdev->id);
	ret = kb_device_add(dev);
	if (ret)
		printk("%s: adding auxiliary device failed!: %d\n",
		       kb_dev_name(dev), ret);
	return ret;
}

int __auxiliary_device_add(struct auxiliary_device *auxdev, const char *modname)
{
	if (kbound_should_fail("auxiliary_device_add"))
		return -ENOMEM;
	return kb_auxiliary_device_add(auxdev, modname);
}

int __auxiliary_driver_register(struct auxiliary_driver *auxdrv,
				struct module *owner, const char *modname)
{
	int ret;

	if (WARN_ON(!auxdrv->probe) || WARN_ON(!auxdrv->id_table))
		return -EINVAL;
	if (kb_list_linked(&auxdrv->driver.bus_node)) {
		printk("kbound: auxiliary driver %s is already registered\n",
		       auxdrv->driver.name);
		return -EBUSY;
	}
	if (auxdrv->name)
		auxdrv->driver.name = kb_asprintf("%s.%s", modname, auxdrv->name);
	else
		auxdrv->driver.name = kb_asprintf("%s", modname);
	auxdrv->driver.mod_name = modname;
	auxdrv->driver.bus = &auxiliary_bus_type;
	ret = driver_register(&auxdrv->driver);
	if (ret) {
		free((char *)auxdrv->driver.name);
		auxdrv->driver.name = NULL;
	}
	return ret;
}

void auxiliary_driver_unregister(struct auxiliary_driver *auxdrv)
{
	if (kb_driver_unregister(&auxdrv->driver)) {
		free((char *)auxdrv->driver.name);
		auxdrv->driver.name = NULL;
	}
}

static void kb_auxiliary_device_release(struct device *dev)
{
	free(to_auxiliary_dev(dev));
}

/* auxiliary_device_create without fault injection: one driver call, one
 * fallible call. */
static struct auxiliary_device *kb_auxiliary_device_create(struct device *dev,
		const char *modname, const char *devname, void *platform_data,
		int id)
{
	struct auxiliary_device *auxdev = kb_zalloc(sizeof(*auxdev));
	int ret;

	auxdev->id = id;
	auxdev->name = devname;
	auxdev->dev.parent = dev;
	auxdev->dev.platform_data = platform_data;
	auxdev->dev.release = kb_auxiliary_device_release;
	ret = kb_auxiliary_device_init(auxdev);
	if (ret) {
		free(auxdev);
		return NULL;
	}
	ret = kb_auxiliary_device_add(auxdev, modname);
	if (ret) {
		auxiliary_device_uninit(auxdev);
		return NULL;
	}
	return auxdev;
}

struct auxiliary_device *auxiliary_device_create(struct device *dev,
						 const char *modname,
						 const char *devname,
						 void *platform_data, int id)
{
	if (kbound_should_fail("auxiliary_device_create"))
		return NULL;
	return kb_auxiliary_device_create(dev, modname, devname, platform_data,
					  id);
}

void auxiliary_device_destroy(void *_auxdev)
{
	struct auxiliary_device *auxdev = _auxdev;

	auxiliary_device_delete(auxdev);
	auxiliary_device_uninit(auxdev);
}

struct auxiliary_device *__devm_auxiliary_device_create(struct device *dev,
							const char *modname,
							const char *devname,
							void *platform_data,
							int id)
{
	struct auxiliary_device *auxdev;

	if (kbound_should_fail("devm_auxiliary_device_create"))
		return NULL;
	auxdev = kb_auxiliary_device_create(dev, modname, devname,
					    platform_data, id);
	if (!auxdev)
		return NULL;
	if (kb_devm_add_action(dev, auxiliary_device_destroy, auxdev)) {
		auxiliary_device_destroy(auxdev);
		return NULL;
	}
	return auxdev;
}
