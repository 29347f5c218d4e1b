// Driver discovery (checker/DriverIndex.cpp) finds a driver's .probe and
// .remove in any layout: positional initializers, &fn, an array of drivers,
// a driver embedded in a bigger struct, and an anonymous union of .remove
// and .remove_new (platform_driver before 6.11). RL3 is the witness: each
// probe keeps a registration that its .remove does not drop; the twin
// layouts whose .remove drops it stay quiet.
// RUN: %clang_cc1 -analyze -load %kbound_plugin -analyzer-checker=kbound.RL3 \
// RUN:   -I %fixtures_include -DKBUILD_MODNAME='"idx"' -verify \
// RUN:   -verify-ignore-unexpected=note %s
#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct cfg {
	u32 v;
};
static DEFINE_AUXILIARY_REGDATA_TYPE(cfg_type, struct cfg);

struct priv {
	struct auxiliary_registration *reg;
};

#define PROBE(fn, nm)                                                          \
	static int fn(struct pci_dev *pdev, const struct pci_device_id *id)    \
	{                                                                      \
		struct cfg c = { .v = 1 };                                     \
		struct priv *p = kzalloc(sizeof(*p), GFP_KERNEL);              \
		if (!p)                                                        \
			return -ENOMEM;                                        \
		p->reg = auxiliary_registration_new(&pdev->dev, nm, 0,         \
						    KBUILD_MODNAME, &cfg_type, \
						    &c);                       \
		if (IS_ERR(p->reg)) {                                          \
			kfree(p);                                              \
			return PTR_ERR(p->reg);                                \
		}                                                              \
		pci_set_drvdata(pdev, p);                                      \
		return 0;                                                      \
	}

static void leaky_remove(struct pci_dev *pdev)
{
	kfree(pci_get_drvdata(pdev));
}

static void good_remove(struct pci_dev *pdev)
{
	struct priv *p = pci_get_drvdata(pdev);

	auxiliary_registration_drop(p->reg);
	kfree(p);
}

/* Positional initializer, probe and remove by address. */
PROBE(pos_probe, "pos") // expected-warning {{[RL3] registration stored in 'p->reg' by .probe 'pos_probe' is never dropped in .remove 'leaky_remove'}}
static struct pci_driver pos_driver = { "pos", NULL, &pos_probe, &leaky_remove };

PROBE(pos_ok_probe, "posok")
static struct pci_driver pos_ok_driver = { "posok", NULL, &pos_ok_probe, &good_remove };

/* An array of drivers. */
PROBE(arr_probe, "arr") // expected-warning {{[RL3] registration stored in 'p->reg' by .probe 'arr_probe' is never dropped in .remove 'leaky_remove'}}
PROBE(arr_ok_probe, "arrok")
static struct pci_driver arr_drivers[] = {
	{ .name = "arrok", .probe = arr_ok_probe, .remove = good_remove },
	{ .name = "arr", .probe = arr_probe, .remove = leaky_remove },
};

/* A driver embedded in a bigger struct. */
struct wrapper {
	int flags;
	struct pci_driver drv;
};
PROBE(emb_probe, "emb") // expected-warning {{[RL3] registration stored in 'p->reg' by .probe 'emb_probe' is never dropped in .remove 'leaky_remove'}}
static struct wrapper emb = { .flags = 1, .drv = { .probe = emb_probe, .remove = leaky_remove } };

/* .remove_new in an anonymous union, as platform_driver had it. */
struct union_driver {
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	union {
		void (*remove)(struct pci_dev *dev);
		void (*remove_new)(struct pci_dev *dev);
	};
};
PROBE(un_probe, "un") // expected-warning {{[RL3] registration stored in 'p->reg' by .probe 'un_probe' is never dropped in .remove 'leaky_remove'}}
static struct union_driver un_driver = { .probe = un_probe, .remove_new = leaky_remove };

PROBE(un_ok_probe, "unok")
static struct union_driver un_ok_driver = { .probe = un_ok_probe, .remove_new = good_remove };
