// UA3: .remove frees memory that live registration data borrows before the
// registration is dropped (or frees what a devm registration borrows: devres
// drops that one only after .remove returns).
// RUN: %clang_cc1 -analyze -load %kbound_plugin \
// RUN:   -analyzer-checker=kbound.RL3,kbound.UA3,kbound.UA4 -I %fixtures_include \
// RUN:   -DKBUILD_MODNAME='"ua3"' -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cc1 -analyze -load %kbound_plugin \
// RUN:   -analyzer-checker=kbound.RL3,kbound.UA3,kbound.UA4 -I %fixtures_include \
// RUN:   -DKBUILD_MODNAME='"ua3"' -analyzer-output=text \
// RUN:   -verify -verify-ignore-unexpected=note %s
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct engine {
	u32 nr_queues;
};

struct info {
	struct engine *engine;
	u32 port;
};
DEFINE_AUXILIARY_REGDATA_TYPE(info_type, struct info);

/* ---- positive 1: the engine is freed, then the registration dropped ---- */
struct p1_priv {
	struct engine *engine;
	struct auxiliary_registration *reg;
};

static int p1_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { };
	struct p1_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->engine = kzalloc(sizeof(*priv->engine), GFP_KERNEL);
	if (!priv->engine)
		return -ENOMEM;
	info.engine = priv->engine; // expected-note {{registration data borrows it here}}
	priv->reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info); // expected-note {{registration stored here by .probe}}
	if (IS_ERR(priv->reg)) {
		kfree(priv->engine);
		return PTR_ERR(priv->reg);
	}
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void p1_remove(struct pci_dev *pdev)
{
	struct p1_priv *priv = pci_get_drvdata(pdev);

	kfree(priv->engine); // expected-warning {{[UA3] 'priv->engine' is freed while the registration in 'priv->reg' still borrows it; call auxiliary_registration_drop(priv->reg) before freeing what its data points to}}
	auxiliary_registration_drop(priv->reg); // expected-note {{registration dropped here, after the free}}
}

static struct pci_driver p1_driver = {
	.probe = p1_probe,
	.remove = p1_remove,
};

/* ---- positive 2: borrow through a local, free and drop in helpers ---- */
struct p2_priv {
	struct engine *eng;
	struct auxiliary_registration *reg;
};

static void p2_free_engine(struct p2_priv *priv)
{
	kfree(priv->eng); // expected-warning {{[UA3] 'priv->eng' is freed while the registration in 'priv->reg' still borrows it}}
}

static void p2_unregister(struct p2_priv *priv)
{
	auxiliary_registration_drop(priv->reg);
}

static int p2_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct p2_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	struct engine *eng;
	struct info info;

	if (!priv)
		return -ENOMEM;
	eng = kzalloc(sizeof(*eng), GFP_KERNEL);
	if (!eng)
		return -ENOMEM;
	priv->eng = eng;
	info.engine = eng;
	info.port = 2;
	priv->reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(priv->reg)) {
		kfree(eng);
		return PTR_ERR(priv->reg);
	}
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void p2_remove(struct pci_dev *pdev)
{
	struct p2_priv *priv = pci_get_drvdata(pdev);

	p2_free_engine(priv);
	p2_unregister(priv);
}

static struct pci_driver p2_driver = {
	.probe = p2_probe,
	.remove = p2_remove,
};

/* ---- positive 3: a devm registration borrows memory that .remove frees ---- */
struct p3_priv {
	struct engine *engine;
};

static int p3_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct p3_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	struct auxiliary_registration *reg;
	struct info info = { };

	if (!priv)
		return -ENOMEM;
	priv->engine = kzalloc(sizeof(*priv->engine), GFP_KERNEL);
	if (!priv->engine)
		return -ENOMEM;
	info.engine = priv->engine;
	reg = devm_auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info); // expected-note {{devm-managed registration created here}}
	if (IS_ERR(reg)) {
		kfree(priv->engine);
		return PTR_ERR(reg);
	}
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void p3_remove(struct pci_dev *pdev)
{
	struct p3_priv *priv = pci_get_drvdata(pdev);

	kfree(priv->engine); // expected-warning {{[UA3] 'priv->engine' is freed in .remove 'p3_remove' but the devm-managed registration whose data borrows it is dropped only after .remove returns}}
}

static struct pci_driver p3_driver = {
	.probe = p3_probe,
	.remove = p3_remove,
};

/* ---- positive 4: the data points into the private struct itself, which is
 * freed on one path before the drop ---- */
struct p4_priv {
	struct engine engine;
	struct auxiliary_registration *reg;
	bool fast;
};

static int p4_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct p4_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	struct info info;

	if (!priv)
		return -ENOMEM;
	info.engine = &priv->engine;
	priv->reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(priv->reg)) {
		kfree(priv);
		return -ENODEV;
	}
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void p4_remove(struct pci_dev *pdev)
{
	struct p4_priv *priv = pci_get_drvdata(pdev);
	struct auxiliary_registration *reg = priv->reg;

	if (priv->fast)
		kfree(priv); // expected-warning {{[UA3] 'priv' is freed while the registration in 'priv->reg' still borrows it}}
	auxiliary_registration_drop(reg);
}

static struct pci_driver p4_driver = {
	.probe = p4_probe,
	.remove = p4_remove,
};

/* ---- negative 1: drop first, then free what the data borrowed ---- */
struct n1_priv {
	struct engine *engine;
	struct auxiliary_registration *reg;
	u32 *stats;
};

static int n1_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { };
	struct n1_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	int ret;

	if (!priv)
		return -ENOMEM;
	priv->engine = kzalloc(sizeof(*priv->engine), GFP_KERNEL);
	if (!priv->engine) {
		ret = -ENOMEM;
		goto err_priv;
	}
	info.engine = priv->engine;
	priv->reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(priv->reg)) {
		ret = PTR_ERR(priv->reg);
		goto err_engine;
	}
	priv->stats = kzalloc(64, GFP_KERNEL);
	if (!priv->stats) {
		ret = -ENOMEM;
		goto err_drop;
	}
	pci_set_drvdata(pdev, priv);
	return 0;

err_drop:
	auxiliary_registration_drop(priv->reg);
err_engine:
	kfree(priv->engine);
err_priv:
	kfree(priv);
	return ret;
}

static void n1_remove(struct pci_dev *pdev)
{
	struct n1_priv *priv = pci_get_drvdata(pdev);

	/* Not borrowed by the data: may go first. */
	kfree(priv->stats);
	auxiliary_registration_drop(priv->reg);
	kfree(priv->engine);
	kfree(priv);
}

static struct pci_driver n1_driver = {
	.probe = n1_probe,
	.remove = n1_remove,
};

/* ---- negative 2: the borrow is devm_kzalloc'd; devres frees it after
 * .remove has dropped the registration ---- */
struct n2_priv {
	struct engine *engine;
	struct auxiliary_registration *reg;
};

static int n2_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { };
	struct n2_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->engine = devm_kzalloc(&pdev->dev, sizeof(*priv->engine), GFP_KERNEL);
	if (!priv->engine)
		return -ENOMEM;
	info.engine = priv->engine;
	priv->reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(priv->reg))
		return PTR_ERR(priv->reg);
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void n2_remove(struct pci_dev *pdev)
{
	struct n2_priv *priv = pci_get_drvdata(pdev);

	auxiliary_registration_drop(priv->reg);
}

static struct pci_driver n2_driver = {
	.probe = n2_probe,
	.remove = n2_remove,
};

/* ---- negative 3: devm registration borrowing devm memory; .remove frees
 * only what is not borrowed ---- */
struct n3_priv {
	struct engine *engine;
	u32 *scratch;
};

static int n3_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct n3_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	struct auxiliary_registration *reg;
	struct info info = { };

	if (!priv)
		return -ENOMEM;
	priv->engine = devm_kzalloc(&pdev->dev, sizeof(*priv->engine), GFP_KERNEL);
	if (!priv->engine)
		return -ENOMEM;
	info.engine = priv->engine;
	reg = devm_auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	priv->scratch = kzalloc(16, GFP_KERNEL);
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void n3_remove(struct pci_dev *pdev)
{
	struct n3_priv *priv = pci_get_drvdata(pdev);

	kfree(priv->scratch);
}

static struct pci_driver n3_driver = {
	.probe = n3_probe,
	.remove = n3_remove,
};

/* ---- negative 4: a teardown helper drops first, then the engine goes ---- */
struct n4_priv {
	struct engine *engine;
	struct auxiliary_registration *reg;
};

static void n4_unregister(struct n4_priv *priv)
{
	auxiliary_registration_drop(priv->reg);
	priv->reg = NULL;
}

static int n4_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct info info = { };
	struct n4_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->engine = kzalloc(sizeof(*priv->engine), GFP_KERNEL);
	if (!priv->engine)
		return -ENOMEM;
	info.engine = priv->engine;
	priv->reg = auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME, &info_type, &info);
	if (IS_ERR(priv->reg)) {
		kfree(priv->engine);
		return PTR_ERR(priv->reg);
	}
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void n4_remove(struct pci_dev *pdev)
{
	struct n4_priv *priv = pci_get_drvdata(pdev);

	n4_unregister(priv);
	kfree(priv->engine);
}

static struct pci_driver n4_driver = {
	.probe = n4_probe,
	.remove = n4_remove,
};

/* ---- negative 5: per-device loop, each registration dropped before the
 * engine it borrows ---- */
struct n5_priv {
	struct engine *engines[2];
	struct auxiliary_registration *regs[2];
};

static int n5_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct n5_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	struct info info = { };
	int i;

	if (!priv)
		return -ENOMEM;
	for (i = 0; i < 2; i++) {
		priv->engines[i] = kzalloc(sizeof(struct engine), GFP_KERNEL);
		info.engine = priv->engines[i];
		priv->regs[i] = auxiliary_registration_new(&pdev->dev, "a", i, KBUILD_MODNAME, &info_type, &info);
		if (IS_ERR(priv->regs[i]))
			goto err;
	}
	pci_set_drvdata(pdev, priv);
	return 0;
err:
	kfree(priv->engines[i]);
	while (--i >= 0) {
		auxiliary_registration_drop(priv->regs[i]);
		kfree(priv->engines[i]);
	}
	return -ENODEV;
}

static void n5_remove(struct pci_dev *pdev)
{
	struct n5_priv *priv = pci_get_drvdata(pdev);
	int i;

	for (i = 0; i < 2; i++) {
		if (!priv->regs[i])
			continue;
		auxiliary_registration_drop(priv->regs[i]);
		kfree(priv->engines[i]);
	}
}

static struct pci_driver n5_driver = {
	.probe = n5_probe,
	.remove = n5_remove,
};
