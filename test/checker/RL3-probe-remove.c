// RL3: .probe stores a registration in driver data and .remove never drops it.
// Only the checkers of RL3, UA3 and UA4 run, so the other IDs on the same
// code cannot change this test's outcome.
// Notes are checked where a case spells them out (expected-note), ignored
// elsewhere; the text output mode must agree.
// RUN: %clang_cc1 -analyze -load %kbound_plugin \
// RUN:   -analyzer-checker=kbound.RL3,kbound.UA3,kbound.UA4 -I %fixtures_include \
// RUN:   -DKBUILD_MODNAME='"rl3"' -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cc1 -analyze -load %kbound_plugin \
// RUN:   -analyzer-checker=kbound.RL3,kbound.UA3,kbound.UA4 -I %fixtures_include \
// RUN:   -DKBUILD_MODNAME='"rl3"' -analyzer-output=text \
// RUN:   -verify -verify-ignore-unexpected=note %s
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct info {
	u32 port;
};
DEFINE_AUXILIARY_REGDATA_TYPE(info_type, struct info);

/* ---- positive 1: stored in a field, .remove only frees the struct ---- */
struct p1_priv {
	struct auxiliary_registration *reg;
};

static int p1_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { .port = 1 };
	struct p1_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info); // expected-warning {{[RL3] registration stored in 'priv->reg' by .probe 'p1_probe' is never dropped in .remove 'p1_remove'; call auxiliary_registration_drop(priv->reg) in .remove}}
	if (IS_ERR(priv->reg)) {
		kfree(priv);
		return PTR_ERR(priv->reg);
	}
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void p1_remove(struct pci_dev *pdev) // expected-note {{.remove 'p1_remove' does not drop it}}
{
	struct p1_priv *priv = pci_get_drvdata(pdev);

	kfree(priv);
}

static struct pci_driver p1_driver = {
	.probe = p1_probe,
	.remove = p1_remove,
};

/* ---- positive 2: through a local; .remove drops the other registration ---- */
struct p2_priv {
	struct auxiliary_registration *eth;
	struct auxiliary_registration *rdma;
};

static int p2_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { .port = 2 };
	struct auxiliary_registration *reg;
	struct p2_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	reg = auxiliary_registration_new(&pdev->dev, "eth", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	priv->eth = reg;
	reg = auxiliary_registration_new(&pdev->dev, "rdma", 0, KBUILD_MODNAME, &info_type, &info); // expected-note {{registration created here}}
	if (IS_ERR(reg)) {
		auxiliary_registration_drop(priv->eth);
		return PTR_ERR(reg);
	}
	priv->rdma = reg; // expected-warning {{[RL3] registration stored in 'priv->rdma' by .probe 'p2_probe' is never dropped in .remove 'p2_remove'}}
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void p2_remove(struct pci_dev *pdev)
{
	struct p2_priv *priv = pci_get_drvdata(pdev);

	auxiliary_registration_drop(priv->eth);
}

static struct pci_driver p2_driver = {
	.probe = p2_probe,
	.remove = p2_remove,
};

/* ---- positive 3: the registration is the driver data; no .remove ---- */
static int p3_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { .port = 3 };
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	pci_set_drvdata(pdev, reg); // expected-warning {{[RL3] registration stored in driver data by .probe 'p3_probe' is never dropped: driver 'p3_driver' has no .remove; add one that calls auxiliary_registration_drop(the driver data)}}
	return 0;
}

static struct pci_driver p3_driver = { // expected-note {{driver 'p3_driver' has no .remove}}
	.probe = p3_probe,
};

/* ---- positive 4: created by a helper of .probe ---- */
struct p4_priv {
	struct auxiliary_registration *reg;
	u32 *stats;
};

static struct auxiliary_registration *p4_register(struct pci_dev *pdev)
{
	struct info info = { .port = 4 };

	return auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
}

static int p4_setup(struct pci_dev *pdev, struct p4_priv *priv)
{
	priv->reg = p4_register(pdev); // expected-warning {{[RL3] registration stored in 'priv->reg' by .probe 'p4_probe' is never dropped in .remove 'p4_remove'}}
	return PTR_ERR_OR_ZERO(priv->reg);
}

static int p4_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct p4_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	pci_set_drvdata(pdev, priv);
	return p4_setup(pdev, priv);
}

static void p4_remove(struct pci_dev *pdev)
{
	struct p4_priv *priv = pci_get_drvdata(pdev);

	kfree(priv->stats);
}

static struct pci_driver p4_driver = {
	.probe = p4_probe,
	.remove = p4_remove,
};

/* ---- negative 1: .remove drops through a helper in the same file ---- */
struct n1_priv {
	struct auxiliary_registration *reg;
};

static void n1_teardown(struct n1_priv *priv)
{
	auxiliary_registration_drop(priv->reg);
}

static int n1_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { .port = 1 };
	struct n1_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(priv->reg))
		return PTR_ERR(priv->reg);
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void n1_remove(struct pci_dev *pdev)
{
	n1_teardown(pci_get_drvdata(pdev));
}

static struct pci_driver n1_driver = {
	.probe = n1_probe,
	.remove = n1_remove,
};

/* ---- negative 2: goto ladder in .probe; .remove drops via a helper that
 * takes the registration itself ---- */
struct n2_priv {
	struct auxiliary_registration *reg;
	u32 *buf;
};

static void n2_unregister(struct auxiliary_registration *reg)
{
	auxiliary_registration_drop(reg);
}

static int n2_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { .port = 2 };
	struct auxiliary_registration *reg;
	struct n2_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(reg)) {
		ret = PTR_ERR(reg);
		goto err_free;
	}
	priv->buf = kzalloc(64, GFP_KERNEL);
	if (!priv->buf) {
		ret = -ENOMEM;
		goto err_drop;
	}
	priv->reg = reg;
	pci_set_drvdata(pdev, priv);
	return 0;

err_drop:
	auxiliary_registration_drop(reg);
err_free:
	kfree(priv);
	return ret;
}

static void n2_remove(struct pci_dev *pdev)
{
	struct n2_priv *priv = pci_get_drvdata(pdev);

	n2_unregister(priv->reg);
	kfree(priv->buf);
	kfree(priv);
}

static struct pci_driver n2_driver = {
	.probe = n2_probe,
	.remove = n2_remove,
};

/* ---- negative 3: devm registration, nothing to drop ---- */
struct n3_priv {
	struct auxiliary_registration *reg;
};

static int n3_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { .port = 3 };
	struct n3_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->reg = devm_auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(priv->reg))
		return PTR_ERR(priv->reg);
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void n3_remove(struct pci_dev *pdev)
{
}

static struct pci_driver n3_driver = {
	.probe = n3_probe,
	.remove = n3_remove,
};

/* ---- negative 4: the registration is the driver data and .remove drops it */
static int n4_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { .port = 4 };
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	pci_set_drvdata(pdev, reg);
	return 0;
}

static void n4_remove(struct pci_dev *pdev)
{
	auxiliary_registration_drop(pci_get_drvdata(pdev));
}

static struct pci_driver n4_driver = {
	.probe = n4_probe,
	.remove = n4_remove,
};

/* ---- negative 5: .remove hands the private struct to code in another file
 * (which may drop it): not reported ---- */
struct n5_priv {
	struct auxiliary_registration *reg;
};
void n5_core_teardown(struct n5_priv *priv);

static int n5_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { .port = 5 };
	struct n5_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(priv->reg))
		return PTR_ERR(priv->reg);
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void n5_remove(struct pci_dev *pdev)
{
	n5_core_teardown(pci_get_drvdata(pdev));
}

static struct pci_driver n5_driver = {
	.probe = n5_probe,
	.remove = n5_remove,
};

/* ---- negative 6: dropped by a devm action that .probe installs ---- */
struct n6_priv {
	struct auxiliary_registration *reg;
};

static void n6_drop(void *data)
{
	struct n6_priv *priv = data;

	auxiliary_registration_drop(priv->reg);
}

static int n6_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { .port = 6 };
	struct n6_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(priv->reg))
		return PTR_ERR(priv->reg);
	return devm_add_action_or_reset(&pdev->dev, n6_drop, priv);
}

static void n6_remove(struct pci_dev *pdev)
{
}

static struct pci_driver n6_driver = {
	.probe = n6_probe,
	.remove = n6_remove,
};

/* ---- negative 7: an array of registrations dropped in a loop ---- */
struct n7_priv {
	struct auxiliary_registration *reg[2];
};

static int n7_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { .port = 7 };
	struct n7_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	int i;

	if (!priv)
		return -ENOMEM;
	for (i = 0; i < 2; i++) {
		priv->reg[i] = auxiliary_registration_new(&pdev->dev, "a", i, KBUILD_MODNAME, &info_type, &info);
		if (IS_ERR(priv->reg[i]))
			goto err;
	}
	pci_set_drvdata(pdev, priv);
	return 0;
err:
	while (--i >= 0)
		auxiliary_registration_drop(priv->reg[i]);
	return -ENODEV;
}

static void n7_remove(struct pci_dev *pdev)
{
	struct n7_priv *priv = pci_get_drvdata(pdev);
	int i;

	for (i = 1; i >= 0; i--)
		auxiliary_registration_drop(priv->reg[i]);
}

static struct pci_driver n7_driver = {
	.probe = n7_probe,
	.remove = n7_remove,
};

/* ---- positive 5: a platform-style driver whose remove sits in an anonymous
 * union (linux 6.12's struct platform_driver), wrapped in a bigger struct ---- */
struct fake_platform_driver {
	int (*probe)(struct pci_dev *pdev);
	union {
		void (*remove)(struct pci_dev *pdev);
		void (*remove_new)(struct pci_dev *pdev);
	};
	const char *name;
};

struct wrapped_driver {
	struct fake_platform_driver drv;
	int flags;
};

struct p5_priv {
	struct auxiliary_registration *reg;
};

static int p5_probe(struct pci_dev *pdev)
{
	struct info info = { .port = 5 };
	struct p5_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info); // expected-warning {{[RL3] registration stored in 'priv->reg' by .probe 'p5_probe' is never dropped in .remove 'p5_remove'}}
	if (IS_ERR(priv->reg))
		return PTR_ERR(priv->reg);
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void p5_remove(struct pci_dev *pdev)
{
}

static struct wrapped_driver p5_driver = {
	.drv = {
		.probe = p5_probe,
		.remove_new = p5_remove,
	},
};

/* ---- negative 8: a global registration dropped in .remove ---- */
static struct auxiliary_registration *n8_reg;

static int n8_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { .port = 8 };

	n8_reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	return PTR_ERR_OR_ZERO(n8_reg);
}

static void n8_remove(struct pci_dev *pdev)
{
	auxiliary_registration_drop(n8_reg);
	n8_reg = NULL;
}

static struct pci_driver n8_driver = {
	.probe = n8_probe,
	.remove = n8_remove,
};

/* ---- negative 9: the registration goes into a local struct handed to
 * another file's code, not into driver data ---- */
struct n9_cfg {
	struct auxiliary_registration *reg;
	u32 flags;
};
int n9_core_attach(struct pci_dev *pdev, struct n9_cfg *cfg);

static int n9_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { .port = 9 };
	struct n9_cfg cfg = { };

	cfg.reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(cfg.reg))
		return PTR_ERR(cfg.reg);
	return n9_core_attach(pdev, &cfg);
}

static void n9_remove(struct pci_dev *pdev)
{
}

static struct pci_driver n9_driver = {
	.probe = n9_probe,
	.remove = n9_remove,
};

/* ---- positive 6: a global registration never dropped ---- */
static struct auxiliary_registration *p6_reg;

static int p6_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { .port = 6 };

	p6_reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info); // expected-warning {{[RL3] registration stored in 'p6_reg' by .probe 'p6_probe' is never dropped in .remove 'p6_remove'; call auxiliary_registration_drop(p6_reg) in .remove}}
	return PTR_ERR_OR_ZERO(p6_reg);
}

static void p6_remove(struct pci_dev *pdev)
{
	p6_reg = NULL;
}

static struct pci_driver p6_driver = {
	.probe = p6_probe,
	.remove = p6_remove,
};
