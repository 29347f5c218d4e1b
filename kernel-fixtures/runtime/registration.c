// SPDX-License-Identifier: GPL-2.0
/* Registration data, the C port of Rust's auxiliary::Registration: the
 * registration owns its auxiliary device and a RegistrationData block
 * { tag, data } sized exactly for the tag's type. */
#include "kbound_internal.h"

struct kb_regdata {
	const struct auxiliary_regdata_type *type;	/* the C TypeId, first */
	unsigned char data[];
};

struct auxiliary_registration {
	struct auxiliary_device *adev;
	struct list_head node;		/* on kb_live_regs */
	unsigned long serial;
	bool devm;
};

/* devm handle: the registration may be dropped (wrongly) by hand and its
 * memory reused, so devres finds it again by serial, not by pointer alone. */
struct kb_devm_reg {
	struct auxiliary_registration *reg;
	unsigned long serial;
};

static struct list_head kb_live_regs = { &kb_live_regs, &kb_live_regs };
static unsigned long kb_next_serial;

static bool kb_reg_live(const struct auxiliary_registration *reg,
			unsigned long serial, bool check_serial)
{
	struct list_head *pos;

	/* Compare addresses only: a dead handle must not be read. */
	kb_list_for_each(pos, &kb_live_regs) {
		struct auxiliary_registration *r =
			container_of(pos, struct auxiliary_registration, node);

		if (r == reg && (!check_serial || r->serial == serial))
			return true;
	}
	return false;
}

unsigned int kbound_live_registrations(void)
{
	struct list_head *pos;
	unsigned int n = 0;

	kb_list_for_each(pos, &kb_live_regs)
		n++;
	return n;
}

static void kb_regdev_release(struct device *dev)
{
	struct auxiliary_device *adev = to_auxiliary_dev(dev);

	free(adev->registration_data);
	free(adev);
}

static struct auxiliary_registration *
kb_registration_new(struct device *parent, const char *name, u32 id,
		    const char *modname,
		    const struct auxiliary_regdata_type *type, const void *data)
{
	struct auxiliary_registration *reg;
	struct auxiliary_device *adev;
	struct kb_regdata *rd;
	int ret;

	if (!parent || !name || !modname || !type || (!data && type->size))
		return ERR_PTR(-EINVAL);

	adev = kb_zalloc(sizeof(*adev));
	/* Exactly tag + type->size: a use as a bigger type overflows. */
	rd = kb_alloc(sizeof(rd->type) + type->size);
	rd->type = type;
	if (type->size)
		memcpy(rd->data, data, type->size);
	adev->name = name;
	adev->id = id;
	adev->dev.parent = parent;
	adev->dev.release = kb_regdev_release;
	adev->registration_data = rd;

	ret = kb_auxiliary_device_init(adev);
	if (ret) {
		free(rd);
		free(adev);
		return ERR_PTR(ret);
	}
	reg = kb_zalloc(sizeof(*reg));
	reg->adev = adev;
	reg->serial = ++kb_next_serial;
	ret = kb_auxiliary_device_add(adev, modname);
	if (ret) {
		free(reg);
		/* Initialized: the release frees data and device. */
		auxiliary_device_uninit(adev);
		return ERR_PTR(ret);
	}
	kb_list_add_tail(&reg->node, &kb_live_regs);
	return reg;
}

struct auxiliary_registration *
auxiliary_registration_new(struct device *parent, const char *name, u32 id,
			   const char *modname,
			   const struct auxiliary_regdata_type *type,
			   const void *data)
{
	if (kbound_should_fail("auxiliary_registration_new"))
		return ERR_PTR(-ENOMEM);
	return kb_registration_new(parent, name, id, modname, type, data);
}

static void kb_registration_drop(struct auxiliary_registration *reg)
{
	struct auxiliary_device *adev = reg->adev;

	kb_list_del_init(&reg->node);
	free(reg);
	/* device_del unbinds the auxiliary driver first. */
	auxiliary_device_delete(adev);
	auxiliary_device_uninit(adev);
}

static void kb_devm_registration_drop(void *data)
{
	struct kb_devm_reg *h = data;

	if (kb_reg_live(h->reg, h->serial, true))
		kb_registration_drop(h->reg);
	else
		kbound_warn("registration dropped twice (devm-managed registration %p already dropped when its parent unbound)",
			    (void *)h->reg);
	free(h);
}

struct auxiliary_registration *
devm_auxiliary_registration_new(struct device *parent, const char *name, u32 id,
				const char *modname,
				const struct auxiliary_regdata_type *type,
				const void *data)
{
	struct auxiliary_registration *reg;
	struct kb_devm_reg *h;
	int ret;

	if (kbound_should_fail("devm_auxiliary_registration_new"))
		return ERR_PTR(-ENOMEM);
	reg = kb_registration_new(parent, name, id, modname, type, data);
	if (IS_ERR(reg))
		return reg;
	reg->devm = true;
	h = kb_zalloc(sizeof(*h));
	h->reg = reg;
	h->serial = reg->serial;
	ret = kb_devm_add_action(parent, kb_devm_registration_drop, h);
	if (ret) {
		free(h);
		kb_registration_drop(reg);
		return ERR_PTR(ret);
	}
	return reg;
}

void auxiliary_registration_drop(struct auxiliary_registration *reg)
{
	if (!reg)
		return;
	if (IS_ERR(reg)) {
		kbound_warn("auxiliary_registration_drop of an error pointer (%ld)",
			    PTR_ERR(reg));
		return;
	}
	if (!kb_reg_live(reg, 0, false)) {
		kbound_warn("registration dropped twice (%p is not a live registration)",
			    (void *)reg);
		return;
	}
	if (reg->devm)
		kbound_warn("devm-managed registration of %s dropped by hand",
			    kb_dev_name(&reg->adev->dev));
	kb_registration_drop(reg);
}

struct auxiliary_device *
auxiliary_registration_device(struct auxiliary_registration *reg)
{
	return reg->adev;
}

void *auxiliary_registration_data(struct auxiliary_device *adev,
				  const struct auxiliary_regdata_type *type)
{
	struct kb_regdata *rd;

	if (!adev)
		return ERR_PTR(-EINVAL);
	rd = adev->registration_data;
	if (!rd)
		return ERR_PTR(-ENOENT);
	if (rd->type != type)
		return ERR_PTR(-EINVAL);
	return rd->data;
}

void kb_registration_shutdown(void)
{
	/* Registrations never dropped are leaks; unlinking them lets LSan see
	 * them as such instead of reachable from this list. */
	while (!kb_list_empty(&kb_live_regs))
		kb_list_del_init(kb_live_regs.next);
}
