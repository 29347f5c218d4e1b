// UA3, real auxiliary-bus API: .remove frees what the added device's
// container points to before auxiliary_device_delete() (the auxiliary driver's
// .remove still runs inside the delete and reads it).
// RUN: %clang_cc1 -analyze -load %kbound_plugin \
// RUN:   -analyzer-checker=kbound.RL3,kbound.UA3,kbound.UA4 -I %fixtures_include \
// RUN:   -DKBUILD_MODNAME='"ua3d"' -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cc1 -analyze -load %kbound_plugin \
// RUN:   -analyzer-checker=kbound.RL3,kbound.UA3,kbound.UA4 -I %fixtures_include \
// RUN:   -DKBUILD_MODNAME='"ua3d"' -analyzer-output=text -verify=expected,text %s
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct hw {
	u32 regs;
};

struct foo_adev {
	struct auxiliary_device adev;
	struct hw *hw;
};

static void foo_adev_release(struct device *dev)
{
	kfree(container_of(dev, struct foo_adev, adev.dev));
}

/* ---- positive: the hw block goes before the device is deleted ---- */
struct p1_priv {
	struct hw *hw;
	struct foo_adev *fadev;
};

static int p1_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct p1_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	struct foo_adev *fadev;
	int ret;

	if (!priv)
		return -ENOMEM;
	priv->hw = kzalloc(sizeof(*priv->hw), GFP_KERNEL);
	if (!priv->hw)
		return -ENOMEM;
	fadev = kzalloc(sizeof(*fadev), GFP_KERNEL);
	if (!fadev) {
		ret = -ENOMEM;
		goto err_hw;
	}
	fadev->hw = priv->hw; // expected-note {{the device's container points to it here}}
	fadev->adev.name = "eth";
	fadev->adev.dev.parent = &pdev->dev;
	fadev->adev.dev.release = foo_adev_release;
	ret = auxiliary_device_init(&fadev->adev);
	if (ret) {
		kfree(fadev);
		goto err_hw;
	}
	ret = auxiliary_device_add(&fadev->adev); // expected-note {{auxiliary device added here}}
	if (ret) {
		auxiliary_device_uninit(&fadev->adev);
		goto err_hw;
	}
	priv->fadev = fadev; // expected-note {{auxiliary device stored here by .probe}}
	pci_set_drvdata(pdev, priv);
	return 0;

err_hw:
	kfree(priv->hw);
	return ret;
}

static void p1_remove(struct pci_dev *pdev)
{
	struct p1_priv *priv = pci_get_drvdata(pdev);

	kfree(priv->hw); // expected-warning {{[UA3] 'priv->hw' is freed while the auxiliary device in 'priv->fadev' still points to it; call auxiliary_device_delete() on it before freeing what its container points to}} text-note {{[UA3] 'priv->hw' is freed}}
	auxiliary_device_delete(&priv->fadev->adev); // expected-note {{auxiliary device deleted here, after the free}}
	auxiliary_device_uninit(&priv->fadev->adev);
}

static struct pci_driver p1_driver = {
	.probe = p1_probe,
	.remove = p1_remove,
};

/* ---- negative: delete, uninit, then free ---- */
struct n1_priv {
	struct hw *hw;
	struct foo_adev *fadev;
};

static int n1_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct n1_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	struct foo_adev *fadev;
	int ret;

	if (!priv)
		return -ENOMEM;
	priv->hw = kzalloc(sizeof(*priv->hw), GFP_KERNEL);
	if (!priv->hw)
		return -ENOMEM;
	fadev = kzalloc(sizeof(*fadev), GFP_KERNEL);
	if (!fadev) {
		ret = -ENOMEM;
		goto err_hw;
	}
	fadev->hw = priv->hw;
	fadev->adev.name = "eth";
	fadev->adev.dev.release = foo_adev_release;
	ret = auxiliary_device_init(&fadev->adev);
	if (ret) {
		kfree(fadev);
		goto err_hw;
	}
	ret = auxiliary_device_add(&fadev->adev);
	if (ret) {
		auxiliary_device_uninit(&fadev->adev);
		goto err_hw;
	}
	priv->fadev = fadev;
	pci_set_drvdata(pdev, priv);
	return 0;

err_hw:
	kfree(priv->hw);
	return ret;
}

static void n1_remove(struct pci_dev *pdev)
{
	struct n1_priv *priv = pci_get_drvdata(pdev);
	struct auxiliary_device *adev = &priv->fadev->adev;

	auxiliary_device_delete(adev);
	auxiliary_device_uninit(adev);
	kfree(priv->hw);
}

static struct pci_driver n1_driver = {
	.probe = n1_probe,
	.remove = n1_remove,
};
