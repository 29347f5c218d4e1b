// SPDX-License-Identifier: GPL-2.0
/* Managed resources: allocations and actions recorded on a device and
 * released in reverse order when its driver unbinds (or probe fails). */
#include "kbound_internal.h"

struct kb_devres {
	struct list_head node;
	void (*action)(void *data);	/* NULL for a devm_kmalloc block */
	void *data;
	size_t size;
	/* devm_kmalloc memory: exactly @size bytes, so that an overflow hits
	 * the allocation's end (ASan's redzone). */
	unsigned char payload[] __attribute__((aligned(16)));
};

static bool kb_devres_ready(struct device *dev, const char *what)
{
	if (dev->devres_head.next)
		return true;
	kbound_warn("%s on a device that was not initialized: %s", what,
		    kb_dev_name(dev));
	return false;
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	struct kb_devres *dr;

	if (kbound_should_fail("devm_kmalloc"))
		return NULL;
	if (!kb_devres_ready(dev, "devm_kmalloc"))
		return NULL;
	dr = (gfp & __GFP_ZERO) ? kb_zalloc(sizeof(*dr) + size) :
				  kb_alloc(sizeof(*dr) + size);
	dr->action = NULL;
	dr->size = size;
	dr->data = dr->payload;
	kb_list_add_tail(&dr->node, &dev->devres_head);
	return dr->payload;
}

void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

static struct kb_devres *kb_devres_find(struct device *dev,
					 void (*action)(void *), const void *data)
{
	struct list_head *pos;

	if (!dev->devres_head.next)
		return NULL;
	/* Newest first, as the kernel's devres_find. */
	for (pos = dev->devres_head.prev; pos != &dev->devres_head;
	     pos = pos->prev) {
		struct kb_devres *dr = container_of(pos, struct kb_devres, node);

		if (dr->action == action && dr->data == data)
			return dr;
	}
	return NULL;
}

void devm_kfree(struct device *dev, const void *p)
{
	struct kb_devres *dr = kb_devres_find(dev, NULL, p);

	if (!dr) {
		kbound_warn("devm_kfree of memory not managed by %s",
			    kb_dev_name(dev));
		return;
	}
	kb_list_del_init(&dr->node);
	free(dr);
}

int kb_devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	struct kb_devres *dr;

	if (!kb_devres_ready(dev, "devm_add_action"))
		return -EINVAL;
	dr = kb_zalloc(sizeof(*dr));
	dr->action = action;
	dr->data = data;
	kb_list_add_tail(&dr->node, &dev->devres_head);
	return 0;
}

int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	if (kbound_should_fail("devm_add_action"))
		return -ENOMEM;
	return kb_devm_add_action(dev, action, data);
}

int devm_add_action_or_reset(struct device *dev, void (*action)(void *),
			     void *data)
{
	int ret;

	if (kbound_should_fail("devm_add_action_or_reset"))
		ret = -ENOMEM;
	else
		ret = kb_devm_add_action(dev, action, data);
	if (ret)
		action(data);
	return ret;
}

void devm_release_action(struct device *dev, void (*action)(void *), void *data)
{
	struct kb_devres *dr = kb_devres_find(dev, action, data);

	if (!dr) {
		kbound_warn("devm_release_action of an action not registered on %s",
			    kb_dev_name(dev));
		return;
	}
	kb_list_del_init(&dr->node);
	action(data);
	free(dr);
}

void kb_devres_release_all(struct device *dev)
{
	struct kb_devres **todo;
	struct list_head *pos;
	size_t n = 0, i;

	if (kb_list_empty(&dev->devres_head))
		return;
	/* Detach everything first, as the kernel's release_nodes() does, then
	 * release newest to oldest; an action may register new resources on
	 * the same device, and those stay for the next release. */
	kb_list_for_each(pos, &dev->devres_head)
		n++;
	todo = kb_alloc(n * sizeof(*todo));
	i = 0;
	kb_list_for_each(pos, &dev->devres_head)
		todo[i++] = container_of(pos, struct kb_devres, node);
	kb_list_init(&dev->devres_head);
	while (n--) {
		struct kb_devres *dr = todo[n];

		if (dr->action)
			dr->action(dr->data);
		free(dr);
	}
	free(todo);
}
