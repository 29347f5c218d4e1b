// SPDX-License-Identifier: GPL-2.0
/*
 * correct_devm_create: the newer one-call helpers. One device comes from
 * devm_auxiliary_device_create() and is destroyed by devres when the parent
 * unbinds; another from auxiliary_device_create(), handed to devres with
 * devm_add_action_or_reset(..., auxiliary_device_destroy, ...) (which
 * destroys it right away if the action cannot be added). Both carry
 * platform_data that lives in the parent's devm memory, allocated first and
 * so released last. Correct: scenario `all` runs clean.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct dcreate_pdata {
	u32 base;
	u32 nr_lines;
};

static int dcreate_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct dcreate_pdata *pwm_pdata, *gpio_pdata;
	struct auxiliary_device *adev;
	int ret;

	pwm_pdata = devm_kzalloc(&pdev->dev, sizeof(*pwm_pdata), GFP_KERNEL);
	gpio_pdata = devm_kzalloc(&pdev->dev, sizeof(*gpio_pdata), GFP_KERNEL);
	if (!pwm_pdata || !gpio_pdata)
		return -ENOMEM;
	pwm_pdata->base = 0x100;
	pwm_pdata->nr_lines = 4;
	gpio_pdata->base = 0x200;
	gpio_pdata->nr_lines = 32;

	adev = devm_auxiliary_device_create(&pdev->dev, "pwm", pwm_pdata);
	if (!adev)
		return -ENODEV;

	adev = auxiliary_device_create(&pdev->dev, KBUILD_MODNAME, "gpio",
				       gpio_pdata, 0);
	if (!adev)
		return -ENODEV;

	ret = devm_add_action_or_reset(&pdev->dev, auxiliary_device_destroy,
				       adev);
	if (ret)
		return ret;

	return 0;
}

static const struct pci_device_id dcreate_pci_table[] = {
	{ PCI_DEVICE(0x1d17, 0x9003) },
	{ }
};

static struct pci_driver dcreate_pci_driver = {
	.name = "dcreate_core",
	.id_table = dcreate_pci_table,
	.probe = dcreate_probe,
};

static int dcreate_func_probe(struct auxiliary_device *adev,
			      const struct auxiliary_device_id *id)
{
	struct dcreate_pdata *pdata = adev->dev.platform_data;

	if (!pdata)
		return -EINVAL;

	dev_info(&adev->dev, "%u lines at %#x\n", pdata->nr_lines, pdata->base);
	return 0;
}

static const struct auxiliary_device_id dcreate_func_id_table[] = {
	{ .name = KBUILD_MODNAME ".pwm" },
	{ .name = KBUILD_MODNAME ".gpio" },
	{ }
};

static struct auxiliary_driver dcreate_func_driver = {
	.name = "dcreate_func",
	.probe = dcreate_func_probe,
	.id_table = dcreate_func_id_table,
};

static int dcreate_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&dcreate_func_driver);
	if (ret)
		return ret;

	ret = pci_register_driver(&dcreate_pci_driver);
	if (ret)
		goto err_unreg_aux;
	return 0;

err_unreg_aux:
	auxiliary_driver_unregister(&dcreate_func_driver);
	return ret;
}
module_init(dcreate_init);

static void dcreate_exit(void)
{
	pci_unregister_driver(&dcreate_pci_driver);
	auxiliary_driver_unregister(&dcreate_func_driver);
}
module_exit(dcreate_exit);

MODULE_LICENSE("GPL");
