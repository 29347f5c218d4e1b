// SPDX-License-Identifier: GPL-2.0
/*
 * correct_multi_unwind: a parent that registers one auxiliary device per
 * port in a loop (as ice/idpf and mlx5 do for their functions), storing each
 * in its driver data. When port i fails, ports 0..i-1 are unregistered in
 * reverse (delete, then uninit), and port i itself was already cleaned up by
 * the helper (kfree before init succeeded, uninit after). .remove tears all
 * of them down the same way. Correct: scenario `all` runs clean, including
 * every injected failure in `faults`.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

#define MULTI_NR_PORTS	3

struct multi_port_adev {
	struct auxiliary_device adev;
	u32 port;
};

struct multi_priv {
	struct multi_port_adev *ports[MULTI_NR_PORTS];
};

static void multi_port_release(struct device *dev)
{
	struct auxiliary_device *adev = to_auxiliary_dev(dev);

	kfree(container_of(adev, struct multi_port_adev, adev));
}

static int multi_port_plug(struct multi_priv *priv, struct pci_dev *pdev,
			   u32 port)
{
	struct multi_port_adev *padev;
	int ret;

	padev = kzalloc(sizeof(*padev), GFP_KERNEL);
	if (!padev)
		return -ENOMEM;

	padev->port = port;
	padev->adev.name = "eth";
	padev->adev.id = port;
	padev->adev.dev.parent = &pdev->dev;
	padev->adev.dev.release = multi_port_release;

	ret = auxiliary_device_init(&padev->adev);
	if (ret)
		goto err_free;

	ret = auxiliary_device_add(&padev->adev);
	if (ret)
		goto err_uninit;

	priv->ports[port] = padev;
	return 0;

err_uninit:
	auxiliary_device_uninit(&padev->adev);
	return ret;
err_free:
	kfree(padev);
	return ret;
}

static void multi_port_unplug(struct multi_priv *priv, u32 port)
{
	struct multi_port_adev *padev = priv->ports[port];

	priv->ports[port] = NULL;
	auxiliary_device_delete(&padev->adev);
	auxiliary_device_uninit(&padev->adev);
}

static int multi_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct multi_priv *priv;
	int i, ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	for (i = 0; i < MULTI_NR_PORTS; i++) {
		ret = multi_port_plug(priv, pdev, i);
		if (ret)
			goto err_unplug;
	}

	pci_set_drvdata(pdev, priv);
	return 0;

err_unplug:
	while (--i >= 0)
		multi_port_unplug(priv, i);
	return ret;
}

static void multi_remove(struct pci_dev *pdev)
{
	struct multi_priv *priv = pci_get_drvdata(pdev);
	int i;

	for (i = MULTI_NR_PORTS - 1; i >= 0; i--)
		multi_port_unplug(priv, i);
}

static const struct pci_device_id multi_pci_table[] = {
	{ PCI_DEVICE(0x8086, 0x1592) },
	{ }
};

static struct pci_driver multi_pci_driver = {
	.name = "multi_core",
	.id_table = multi_pci_table,
	.probe = multi_probe,
	.remove = multi_remove,
};

static int multi_eth_probe(struct auxiliary_device *adev,
			   const struct auxiliary_device_id *id)
{
	struct multi_port_adev *padev =
		container_of(adev, struct multi_port_adev, adev);

	dev_info(&adev->dev, "port %u up\n", padev->port);
	return 0;
}

static void multi_eth_remove(struct auxiliary_device *adev)
{
	struct multi_port_adev *padev =
		container_of(adev, struct multi_port_adev, adev);

	dev_dbg(&adev->dev, "port %u down\n", padev->port);
}

static const struct auxiliary_device_id multi_eth_id_table[] = {
	{ .name = KBUILD_MODNAME ".eth" },
	{ }
};

static struct auxiliary_driver multi_eth_driver = {
	.name = "multi_eth",
	.probe = multi_eth_probe,
	.remove = multi_eth_remove,
	.id_table = multi_eth_id_table,
};

static int multi_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&multi_eth_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&multi_pci_driver);
	if (ret)
		goto err_unreg_aux;
	return 0;

err_unreg_aux:
	auxiliary_driver_unregister(&multi_eth_driver);
	return ret;
}
module_init(multi_init);

static void multi_exit(void)
{
	pci_unregister_driver(&multi_pci_driver);
	auxiliary_driver_unregister(&multi_eth_driver);
}
module_exit(multi_exit);

MODULE_LICENSE("GPL");
