// SPDX-License-Identifier: GPL-2.0
/*
 * correct_devm_regdata: devm-managed registrations (the C side of the old
 * Devres<Registration<T>>). Two devices with two different data types, each
 * with its own tag; each auxiliary driver fetches with the tag its device
 * was registered with. The data borrows devm memory allocated before the
 * registrations, so devres (last in, first out) drops the registrations
 * first. Nothing is dropped by hand. Correct: scenario `all` runs clean.
 */
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/err.h>

struct dreg_hw {
	u32 nr_channels;
	u32 sample_rate;
};

struct dreg_audio_info {
	struct dreg_hw *hw;
	u32 nr_channels;
};

struct dreg_sensor_info {
	struct dreg_hw *hw;
	u16 bus_id;
	u16 addr;
};

DEFINE_AUXILIARY_REGDATA_TYPE(dreg_audio_type, struct dreg_audio_info);
DEFINE_AUXILIARY_REGDATA_TYPE(dreg_sensor_type, struct dreg_sensor_info);

static int dreg_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct auxiliary_registration *reg;
	struct dreg_sensor_info sensor;
	struct dreg_audio_info audio;
	struct dreg_hw *hw;

	hw = devm_kzalloc(&pdev->dev, sizeof(*hw), GFP_KERNEL);
	if (!hw)
		return -ENOMEM;
	hw->nr_channels = 2;
	hw->sample_rate = 48000;

	audio.hw = hw;
	audio.nr_channels = hw->nr_channels;
	reg = devm_auxiliary_registration_new(&pdev->dev, "audio", 0,
					      KBUILD_MODNAME, &dreg_audio_type,
					      &audio);
	if (IS_ERR(reg))
		return PTR_ERR(reg);

	sensor.hw = hw;
	sensor.bus_id = 1;
	sensor.addr = 0x48;
	reg = devm_auxiliary_registration_new(&pdev->dev, "sensor", 0,
					      KBUILD_MODNAME, &dreg_sensor_type,
					      &sensor);
	return PTR_ERR_OR_ZERO(reg);
}

static const struct pci_device_id dreg_pci_table[] = {
	{ PCI_DEVICE(0x1022, 0x15e3) },
	{ }
};

static struct pci_driver dreg_pci_driver = {
	.name = "dreg_core",
	.id_table = dreg_pci_table,
	.probe = dreg_probe,
};

static int dreg_audio_probe(struct auxiliary_device *adev,
			    const struct auxiliary_device_id *id)
{
	struct dreg_audio_info *info;

	info = auxiliary_registration_data(adev, &dreg_audio_type);
	if (IS_ERR(info))
		return PTR_ERR(info);

	dev_info(&adev->dev, "%u channels at %u Hz\n", info->nr_channels,
		 info->hw->sample_rate);
	return 0;
}

static const struct auxiliary_device_id dreg_audio_id_table[] = {
	{ .name = KBUILD_MODNAME ".audio" },
	{ }
};

static struct auxiliary_driver dreg_audio_driver = {
	.name = "dreg_audio",
	.probe = dreg_audio_probe,
	.id_table = dreg_audio_id_table,
};

static int dreg_sensor_probe(struct auxiliary_device *adev,
			     const struct auxiliary_device_id *id)
{
	struct dreg_sensor_info *info;

	info = auxiliary_registration_data(adev, &dreg_sensor_type);
	if (IS_ERR(info))
		return PTR_ERR(info);

	dev_info(&adev->dev, "sensor %u-%04x\n", info->bus_id, info->addr);
	return 0;
}

static const struct auxiliary_device_id dreg_sensor_id_table[] = {
	{ .name = KBUILD_MODNAME ".sensor" },
	{ }
};

static struct auxiliary_driver dreg_sensor_driver = {
	.name = "dreg_sensor",
	.probe = dreg_sensor_probe,
	.id_table = dreg_sensor_id_table,
};

static int dreg_init(void)
{
	int ret;

	ret = auxiliary_driver_register(&dreg_audio_driver);
	if (ret)
		return ret;

	ret = auxiliary_driver_register(&dreg_sensor_driver);
	if (ret)
		goto err_audio;

	ret = pci_register_driver(&dreg_pci_driver);
	if (ret)
		goto err_sensor;
	return 0;

err_sensor:
	auxiliary_driver_unregister(&dreg_sensor_driver);
err_audio:
	auxiliary_driver_unregister(&dreg_audio_driver);
	return ret;
}
module_init(dreg_init);

static void dreg_exit(void)
{
	pci_unregister_driver(&dreg_pci_driver);
	auxiliary_driver_unregister(&dreg_sensor_driver);
	auxiliary_driver_unregister(&dreg_audio_driver);
}
module_exit(dreg_exit);

MODULE_LICENSE("GPL");
