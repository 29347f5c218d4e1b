// SPDX-License-Identifier: GPL-2.0
/*
 * bug_ua7_release_puts_self (UA7): the auxiliary device's release callback
 * "tears down" the device it is releasing with auxiliary_device_uninit().
 * The release runs because the last reference was put, so that put drops a
 * reference that no longer exists (the kernel's refcount_t underflow; with a
 * plain counter, a second release of the container). Scenario `bind`: the
 * runtime aborts on the put inside the release, under ua7_port_release when
 * .remove drops the device.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct ua7_port {
	struct auxiliary_device adev;
	int lanes;
};

struct ua7_priv {
	struct ua7_port *port;
};

static void ua7_port_release(struct device *dev)
{
	struct ua7_port *port = container_of(dev, struct ua7_port, adev.dev);

	/* BUG: UA7, a put of the device being released. */
	auxiliary_device_uninit(&port->adev);
	kfree(port);
}

static int ua7_port_create(struct ua7_priv *priv, struct pci_dev *pdev)
{
	struct ua7_port *port;
	int ret;

	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;

	port->lanes = 4;
	port->adev.name = "port";
	port->adev.id = 0;
	port->adev.dev.parent = &pdev->dev;
	port->adev.dev.release = ua7_port_release;

	ret = auxiliary_device_init(&port->adev);
	if (ret) {
		kfree(port);
		return ret;
	}

	ret = auxiliary_device_add(&port->adev);
	if (ret) {
		auxiliary_device_uninit(&port->adev);
		return ret;
	}

	priv->port = port;
	return 0;
}

static int ua7_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ua7_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	pci_set_drvdata(pdev, priv);
	return ua7_port_create(priv, pdev);
}

static void ua7_remove(struct pci_dev *pdev)
{
	struct ua7_priv *priv = pci_get_drvdata(pdev);

	auxiliary_device_delete(&priv->port->adev);
	auxiliary_device_uninit(&priv->port->adev);
}

static const struct pci_device_id ua7_pci_table[] = {
	{ PCI_DEVICE(0x8086, 0xa0d7) },
	{ }
};

static struct pci_driver ua7_pci_driver = {
	.name = "ua7_core",
	.id_table = ua7_pci_table,
	.probe = ua7_probe,
	.remove = ua7_remove,
};

static int ua7_port_probe(struct auxiliary_device *adev,
			  const struct auxiliary_device_id *id)
{
	struct ua7_port *port = container_of(adev, struct ua7_port, adev);

	dev_info(&adev->dev, "port with %d lanes\n", port->lanes);
	return 0;
}

static const struct auxiliary_device_id ua7_port_id_table[] = {
	{ .name = KBUILD_MODNAME ".port" },
	{ }
};

static struct auxiliary_driver ua7_port_driver = {
	.name = "port",
	.probe = ua7_port_probe,
	.id_table = ua7_port_id_table,
};

static int ua7_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&ua7_port_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&ua7_pci_driver);
	if (ret)
		auxiliary_driver_unregister(&ua7_port_driver);
	return ret;
}
module_init(ua7_init);

static void ua7_exit(void)
{
	pci_unregister_driver(&ua7_pci_driver);
	auxiliary_driver_unregister(&ua7_port_driver);
}
module_exit(ua7_exit);

MODULE_LICENSE("GPL");
