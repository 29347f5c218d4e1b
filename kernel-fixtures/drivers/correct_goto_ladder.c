// SPDX-License-Identifier: GPL-2.0
/*
 * correct_goto_ladder: the plain auxiliary-bus API done right, the way
 * pds_core registers its client devices after its double-free fix. The
 * device is embedded in a container that its release callback frees:
 * kfree() only while auxiliary_device_init() has not succeeded, uninit once
 * it has; teardown is delete then uninit, and the container is never touched
 * afterwards. The auxiliary driver gets back to the container with
 * container_of(). Correct: scenario `all` runs clean.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct ladder_adev {
	struct auxiliary_device adev;
	struct pci_dev *pdev;
	u16 client_id;
};

struct ladder_priv {
	struct ladder_adev *padev;
};

static void ladder_adev_release(struct device *dev)
{
	struct ladder_adev *padev =
		container_of(dev, struct ladder_adev, adev.dev);

	kfree(padev);
}

static struct ladder_adev *ladder_adev_register(struct pci_dev *pdev,
						const char *name, u16 client_id)
{
	struct auxiliary_device *adev;
	struct ladder_adev *padev;
	int err;

	padev = kzalloc(sizeof(*padev), GFP_KERNEL);
	if (!padev)
		return ERR_PTR(-ENOMEM);

	padev->pdev = pdev;
	padev->client_id = client_id;

	adev = &padev->adev;
	adev->name = name;
	adev->id = client_id;
	adev->dev.parent = &pdev->dev;
	adev->dev.release = ladder_adev_release;

	err = auxiliary_device_init(adev);
	if (err) {
		/* Not initialized: the release callback will not run. */
		kfree(padev);
		return ERR_PTR(err);
	}

	err = auxiliary_device_add(adev);
	if (err) {
		/* Initialized: the release callback frees padev. */
		auxiliary_device_uninit(adev);
		return ERR_PTR(err);
	}

	return padev;
}

static void ladder_adev_unregister(struct ladder_adev *padev)
{
	auxiliary_device_delete(&padev->adev);
	auxiliary_device_uninit(&padev->adev);
}

static int ladder_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ladder_priv *priv;
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv) {
		err = -ENOMEM;
		goto err_disable;
	}

	priv->padev = ladder_adev_register(pdev, "vdpa", 1);
	if (IS_ERR(priv->padev)) {
		err = PTR_ERR(priv->padev);
		goto err_free_priv;
	}

	pci_set_drvdata(pdev, priv);
	return 0;

err_free_priv:
	kfree(priv);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static void ladder_remove(struct pci_dev *pdev)
{
	struct ladder_priv *priv = pci_get_drvdata(pdev);

	ladder_adev_unregister(priv->padev);
	kfree(priv);
	pci_disable_device(pdev);
}

static const struct pci_device_id ladder_pci_table[] = {
	{ PCI_DEVICE(0x1dd8, 0x1002) },
	{ }
};

static struct pci_driver ladder_pci_driver = {
	.name = "ladder_core",
	.id_table = ladder_pci_table,
	.probe = ladder_probe,
	.remove = ladder_remove,
};

/* The client side: container_of back to the type the parent embedded. */
struct ladder_client {
	u16 client_id;
};

static int ladder_client_probe(struct auxiliary_device *adev,
			       const struct auxiliary_device_id *id)
{
	struct ladder_adev *padev = container_of(adev, struct ladder_adev, adev);
	struct ladder_client *client;

	client = devm_kzalloc(&adev->dev, sizeof(*client), GFP_KERNEL);
	if (!client)
		return -ENOMEM;

	client->client_id = padev->client_id;
	auxiliary_set_drvdata(adev, client);
	dev_info(&adev->dev, "client %u of %s\n", client->client_id,
		 dev_name(&padev->pdev->dev));
	return 0;
}

static void ladder_client_remove(struct auxiliary_device *adev)
{
	struct ladder_client *client = auxiliary_get_drvdata(adev);

	dev_dbg(&adev->dev, "client %u removed\n", client->client_id);
}

static const struct auxiliary_device_id ladder_client_id_table[] = {
	{ .name = KBUILD_MODNAME ".vdpa" },
	{ }
};

static struct auxiliary_driver ladder_client_driver = {
	.name = "ladder_client",
	.probe = ladder_client_probe,
	.remove = ladder_client_remove,
	.id_table = ladder_client_id_table,
};

static int ladder_init(void)
{
	int err;

	err = auxiliary_driver_register(&ladder_client_driver);
	if (err)
		return err;

	err = pci_register_driver(&ladder_pci_driver);
	if (err)
		goto err_unreg_aux;
	return 0;

err_unreg_aux:
	auxiliary_driver_unregister(&ladder_client_driver);
	return err;
}
module_init(ladder_init);

static void ladder_exit(void)
{
	pci_unregister_driver(&ladder_pci_driver);
	auxiliary_driver_unregister(&ladder_client_driver);
}
module_exit(ladder_exit);

MODULE_LICENSE("GPL");
