// SPDX-License-Identifier: GPL-2.0
/* The device core: refcounted devices whose release callback frees them,
 * device_add/device_del against a bus and a parent. The WARNs are the ones
 * the kernel (or its debug options) would raise for the same misuse. */
#include "kbound_internal.h"

const char *kb_dev_name(const struct device *dev)
{
	const char *name = dev_name(dev);

	return name ? name : "(unnamed)";
}

/*
 * Initialized devices still referenced, so that kfree() can tell when a
 * driver frees one behind its refcount (the release callback must). The
 * addresses are stored disguised: LSan must not see them as references.
 */
#define KB_DISGUISE(p) ((uintptr_t)(p) ^ (uintptr_t)0x5a5a5a5a5a5a5a5aull)
static uintptr_t *kb_live_devs;
static size_t kb_nr_live, kb_live_cap;

static void kb_track(struct device *dev)
{
	size_t i;

	for (i = 0; i < kb_nr_live; i++)
		if (kb_live_devs[i] == KB_DISGUISE(dev))
			return;
	if (kb_nr_live == kb_live_cap) {
		kb_live_cap = kb_live_cap ? 2 * kb_live_cap : 64;
		kb_live_devs = realloc(kb_live_devs,
				       kb_live_cap * sizeof(*kb_live_devs));
		if (!kb_live_devs)
			abort();
	}
	kb_live_devs[kb_nr_live++] = KB_DISGUISE(dev);
}

static void kb_untrack_at(size_t i)
{
	kb_live_devs[i] = kb_live_devs[--kb_nr_live];
}

static void kb_untrack(struct device *dev)
{
	size_t i;

	for (i = 0; i < kb_nr_live; i++) {
		if (kb_live_devs[i] == KB_DISGUISE(dev)) {
			kb_untrack_at(i);
			return;
		}
	}
}

void kb_check_kfree(const void *p, size_t size)
{
	uintptr_t lo = (uintptr_t)p, hi = lo + size;
	size_t i = 0;

	while (i < kb_nr_live) {
		uintptr_t d = kb_live_devs[i] ^ KB_DISGUISE(0);

		if (d >= lo && d < hi) {
			struct device *dev = (struct device *)d;

			const char *name = dev_name(dev);

			if (!name && dev->bus == &auxiliary_bus_type)
				name = to_auxiliary_dev(dev)->name;
			kbound_warn("kfree of an initialized device still referenced (%s, kref %d): drop it with put_device()/auxiliary_device_uninit(), its release callback frees it",
				    name ? name : "unnamed", dev->kref);
			kb_untrack_at(i);
			continue;
		}
		i++;
	}
}

void kb_device_shutdown(void)
{
	free(kb_live_devs);
	kb_live_devs = NULL;
	kb_nr_live = kb_live_cap = 0;
}

void device_initialize(struct device *dev)
{
	kb_track(dev);
	dev->kref = 1;
	dev->initialized = true;
	dev->added = false;
	dev->nr_children = 0;
	kb_list_init(&dev->devres_head);
	kb_list_init(&dev->bus_node);
}

int dev_set_name(struct device *dev, const char *fmt, ...)
{
	va_list ap;
	char *old = dev->name;

	va_start(ap, fmt);
	dev->name = kb_vasprintf(fmt, ap);
	va_end(ap);
	free(old);
	return 0;
}

/* The part of device_del that must also happen when a device is released
 * while still registered: off the bus, off the parent. */
static void kb_device_unlink(struct device *dev)
{
	struct device *parent = dev->parent;

	kb_bus_remove_device(dev);
	dev->added = false;
	if (parent) {
		parent->nr_children--;
		put_device(parent);
	}
}

/*
 * Devices whose release callback is running. A put of one of them from inside
 * its own release (UA7) drops a reference that no longer exists: the kernel's
 * refcount_t underflow, and with a plain counter a second release of memory
 * the first one is about to free. It is fatal here so that it cannot pass as
 * a WARNING the scenario goes on from.
 */
#define KB_MAX_RELEASING 16
static struct device *kb_releasing[KB_MAX_RELEASING];
static int kb_nr_releasing;

static bool kb_in_release(const struct device *dev)
{
	int i;

	for (i = 0; i < kb_nr_releasing; i++)
		if (kb_releasing[i] == dev)
			return true;
	return false;
}

static void kb_device_release(struct device *dev)
{
	char *name = dev->name;

	kb_untrack(dev);
	if (dev->added) {
		kbound_warn("device released while still registered: %s",
			    kb_dev_name(dev));
		kb_device_unlink(dev);
	}
	/* Devres outlives an unbound device until its release, as in the
	 * kernel's device_release(). */
	kb_devres_release_all(dev);
	if (dev->release) {
		if (kb_nr_releasing < KB_MAX_RELEASING)
			kb_releasing[kb_nr_releasing++] = dev;
		dev->release(dev);
		if (kb_nr_releasing && kb_releasing[kb_nr_releasing - 1] == dev)
			kb_nr_releasing--;
	} else
		kbound_warn("Device '%s' does not have a release() function, it is broken and must be fixed",
			    name ? name : "(unnamed)");
	/* The name is owned by the device (like the kobject's). */
	free(name);
}

struct device *get_device(struct device *dev)
{
	if (!dev)
		return NULL;
	if (dev->kref <= 0)
		kbound_warn("get_device on a released device (%p)", (void *)dev);
	dev->kref++;
	return dev;
}

void put_device(struct device *dev)
{
	if (!dev)
		return;
	if (!dev->initialized) {
		kbound_warn("put_device of a device that was never initialized (%p)",
			    (void *)dev);
		return;
	}
	if (dev->kref <= 0 && kb_in_release(dev)) {
		fprintf(stderr,
			"kbound: BUG: put of %s inside its own release callback: refcount_t: underflow; use-after-free\n",
			kb_dev_name(dev));
		abort();
	}
	if (dev->kref <= 0) {
		/* Only reachable when the release left the memory alive;
		 * otherwise ASan reports the use after free above first. */
		kbound_warn("device released twice (%p)", (void *)dev);
		return;
	}
	if (--dev->kref == 0)
		kb_device_release(dev);
}

int kb_device_add(struct device *dev)
{
	int ret;

	if (!dev->initialized) {
		kbound_warn("device_add of a device that was not initialized: %s",
			    kb_dev_name(dev));
		return -EINVAL;
	}
	if (dev->added) {
		kbound_warn("device_add of a device already added: %s",
			    kb_dev_name(dev));
		return -EEXIST;
	}
	if (!dev->name && dev->init_name)
		dev_set_name(dev, "%s", dev->init_name);
	if (!dev->name) {
		printk("kbound: device_add: device has no name\n");
		return -EINVAL;
	}
	ret = kb_bus_add_device(dev);
	if (ret)
		return ret;
	dev->added = true;
	if (dev->parent) {
		get_device(dev->parent);
		dev->parent->nr_children++;
	}
	/* Probe failures do not fail device_add, as in the kernel. */
	device_attach(dev);
	return 0;
}

int device_add(struct device *dev)
{
	if (kbound_should_fail("device_add"))
		return -ENOMEM;
	return kb_device_add(dev);
}

void device_del(struct device *dev)
{
	if (!dev->added) {
		kbound_warn("device_del of a device that is not added: %s",
			    kb_dev_name(dev));
		return;
	}
	device_release_driver(dev);
	kb_device_unlink(dev);
}

int device_register(struct device *dev)
{
	device_initialize(dev);
	return device_add(dev);
}

void device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}
