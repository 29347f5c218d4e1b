// pmic_glink's shape (Linux 6.12): auxiliary devices embedded in the
// driver's struct, their empty release installed through a struct
// auxiliary_device pointer. After the uninit the container is still the
// driver's memory: not a use after free (the devm memory is UA8's report).
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/slab.h>

struct glink {
	unsigned long mask;
	struct auxiliary_device a;
	struct auxiliary_device b;
};

static void glink_aux_release(struct device *dev)
{
}

static int glink_add_aux(struct glink *g, struct auxiliary_device *aux,
			 const char *name)
{
	int ret;

	aux->name = name;
	aux->dev.release = glink_aux_release;
	ret = auxiliary_device_init(aux);
	if (ret)
		return ret;
	ret = auxiliary_device_add(aux);
	if (ret)
		auxiliary_device_uninit(aux);
	return ret;
}

static void glink_del_aux(struct auxiliary_device *aux)
{
	auxiliary_device_delete(aux);
	auxiliary_device_uninit(aux);
}

void glink_teardown(struct glink *g)
{
	if (g->mask & 1)
		glink_del_aux(&g->a);
	if (g->mask & 2)
		glink_del_aux(&g->b);
}

int glink_setup(struct glink *g)
{
	int ret = glink_add_aux(g, &g->a, "a");

	if (ret)
		return ret;
	ret = glink_add_aux(g, &g->b, "b");
	if (ret && (g->mask & 1))
		glink_del_aux(&g->a);
	return ret;
}
// expected-no-diagnostics
