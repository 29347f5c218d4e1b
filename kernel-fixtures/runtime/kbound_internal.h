/* SPDX-License-Identifier: GPL-2.0 */
/* Runtime-internal helpers: lists, non-failing allocation, and the
 * fault-free cores of the fallible API (so one driver-visible call counts as
 * one fallible call however the runtime implements it). */
#ifndef _KBOUND_INTERNAL_H
#define _KBOUND_INTERNAL_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* <stddef.h> spells offsetof differently from <linux/container_of.h>. */
#undef offsetof

#include "kbound_runtime.h"
#include <linux/slab.h>

static inline void kb_list_init(struct list_head *l)
{
	l->next = l;
	l->prev = l;
}

static inline bool kb_list_empty(const struct list_head *h)
{
	return !h->next || h->next == h;
}

static inline void kb_list_add_tail(struct list_head *n, struct list_head *h)
{
	n->prev = h->prev;
	n->next = h;
	h->prev->next = n;
	h->prev = n;
}

static inline void kb_list_del_init(struct list_head *e)
{
	e->prev->next = e->next;
	e->next->prev = e->prev;
	kb_list_init(e);
}

/* A node is linked when it is neither zeroed nor self-linked. */
static inline bool kb_list_linked(const struct list_head *e)
{
	return e->next && e->next != e;
}

#define kb_list_for_each(pos, head) \
	for (pos = (head)->next; pos != (head); pos = pos->next)

/* slab.c: runtime-internal allocation, never injected, aborts when out of
 * memory (a runtime failure is not a driver bug). */
void *kb_alloc(size_t size);
void *kb_zalloc(size_t size);
char *kb_vasprintf(const char *fmt, va_list ap);
char *kb_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* device.c */
int kb_device_add(struct device *dev);
const char *kb_dev_name(const struct device *dev);
/* WARN if [p, p + size) holds an initialized device still referenced. */
void kb_check_kfree(const void *p, size_t size);
void kb_device_shutdown(void);

/* bus.c */
int kb_bus_add_device(struct device *dev);
void kb_bus_remove_device(struct device *dev);
void kb_device_check_children(struct device *dev);
/* true if @drv was registered (or detached by the harness). */
bool kb_driver_unregister(struct device_driver *drv);
void kb_bus_shutdown(void);
/* Up to @max registered drivers of @bus, in registration order. */
int kb_bus_drivers(const struct bus_type *bus, struct device_driver **out,
		   int max);

/* devres.c */
void kb_devres_release_all(struct device *dev);
int kb_devm_add_action(struct device *dev, void (*action)(void *), void *data);

/* auxiliary.c */
int kb_auxiliary_device_init(struct auxiliary_device *auxdev);
int kb_auxiliary_device_add(struct auxiliary_device *auxdev, const char *modname);

/* registration.c */
void kb_registration_shutdown(void);

/* module.c */
void kb_module_shutdown(void);

#endif /* _KBOUND_INTERNAL_H */
