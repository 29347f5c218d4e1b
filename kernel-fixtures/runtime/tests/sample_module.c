// SPDX-License-Identifier: GPL-2.0
/*
 * A tiny two-driver module for testing the harness end to end: a PCI parent
 * registering auxiliary devices through every API the runtime offers, and
 * an auxiliary driver reading what the parent registered. It has no main():
 * the harness's main() is linked in, so this is a fixture executable.
 *
 * KBOUND_SAMPLE_BUG selects one seeded bug, to check that the harness
 * reports it: forget, double-drop, devm-drop, wrong-tag, no-data, uaf,
 * kfree-after-init, no-uninit.
 */
#define KBUILD_MODNAME "sample"
#include <stdlib.h>
#include <string.h>
#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct sample_gpu {
	int bar;
	char name[16];
};

/* Registration data borrowing the parent's driver data. */
struct sample_regdata {
	struct sample_gpu *gpu;
	int index;
};

struct sample_other {
	long unrelated[4];
};

static DEFINE_AUXILIARY_REGDATA_TYPE(sample_regdata_tag, struct sample_regdata);
static DEFINE_AUXILIARY_REGDATA_TYPE(sample_other_tag, struct sample_other);

/* The plain kernel idiom: the device embedded in a driver struct. */
struct sample_adev {
	struct auxiliary_device adev;
	int cookie;
};

struct sample_parent {
	struct sample_gpu gpu;
	struct auxiliary_registration *reg;
	struct sample_adev *plain;
};

static const char *sample_bug;
static int *sample_stash;

static bool bug(const char *name)
{
	return sample_bug && !strcmp(sample_bug, name);
}

static void sample_adev_release(struct device *dev)
{
	kfree(container_of(dev, struct sample_adev, adev.dev));
}

static int sample_add_plain(struct sample_parent *p, struct device *parent)
{
	struct sample_adev *s = kzalloc(sizeof(*s), GFP_KERNEL);
	int ret;

	if (!s)
		return -ENOMEM;
	s->cookie = 42;
	s->adev.name = "plain";
	s->adev.dev.parent = parent;
	s->adev.dev.release = sample_adev_release;
	ret = auxiliary_device_init(&s->adev);
	if (ret) {
		kfree(s);
		return ret;
	}
	ret = auxiliary_device_add(&s->adev);
	if (ret) {
		if (bug("kfree-after-init"))
			kfree(s);
		else if (!bug("no-uninit"))
			auxiliary_device_uninit(&s->adev);
		return ret;
	}
	p->plain = s;
	return 0;
}

static int sample_pci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct sample_regdata rd;
	struct auxiliary_registration *reg;
	struct sample_parent *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->gpu.bar = 0x1000;
	strcpy(p->gpu.name, "sample-gpu");
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;

	rd.gpu = &p->gpu;
	rd.index = 0;
	p->reg = auxiliary_registration_new(&pdev->dev, "reg", 0, KBUILD_MODNAME,
					    &sample_regdata_tag, &rd);
	if (IS_ERR(p->reg))
		return PTR_ERR(p->reg);

	rd.index = 1;
	reg = devm_auxiliary_registration_new(&pdev->dev, "reg", 1,
					      KBUILD_MODNAME,
					      &sample_regdata_tag, &rd);
	if (IS_ERR(reg)) {
		ret = PTR_ERR(reg);
		goto err_drop;
	}
	if (bug("devm-drop"))
		auxiliary_registration_drop(reg);

	if (!devm_auxiliary_device_create(&pdev->dev, "nodata", NULL)) {
		ret = -ENOMEM;
		goto err_drop;
	}
	ret = sample_add_plain(p, &pdev->dev);
	if (ret)
		goto err_drop;
	pci_set_drvdata(pdev, p);
	dev_info(&pdev->dev, "bound\n");
	return 0;

err_drop:
	auxiliary_registration_drop(p->reg);
	return ret;
}

static void sample_pci_remove(struct pci_dev *pdev)
{
	struct sample_parent *p = pci_get_drvdata(pdev);

	auxiliary_device_delete(&p->plain->adev);
	auxiliary_device_uninit(&p->plain->adev);
	if (!bug("forget"))
		auxiliary_registration_drop(p->reg);
	if (bug("double-drop"))
		auxiliary_registration_drop(p->reg);
	if (bug("uaf") && sample_stash)
		printk("sample: stale index %d\n", *sample_stash);
}

static const struct pci_device_id sample_pci_ids[] = {
	{ PCI_DEVICE(0x10de, 0x2684) },
	{ }
};

static struct pci_driver sample_pci_driver = {
	.name = "sample_pci",
	.id_table = sample_pci_ids,
	.probe = sample_pci_probe,
	.remove = sample_pci_remove,
};

static int sample_aux_probe(struct auxiliary_device *adev,
			    const struct auxiliary_device_id *id)
{
	struct sample_regdata *rd;

	printk("sample: probe %s\n", dev_name(&adev->dev));
	if (!strcmp(adev->name, "plain")) {
		struct sample_adev *s = container_of(adev, struct sample_adev, adev);

		return s->cookie == 42 ? 0 : -EINVAL;
	}
	if (!strcmp(adev->name, "nodata")) {
		if (!bug("no-data"))
			return 0;
		rd = auxiliary_registration_data(adev, &sample_regdata_tag);
		return IS_ERR(rd) ? PTR_ERR(rd) : 0;
	}
	rd = auxiliary_registration_data(adev, bug("wrong-tag") ?
					 &sample_other_tag : &sample_regdata_tag);
	if (IS_ERR(rd))
		return PTR_ERR(rd);
	/* Borrowed from the bound parent: valid while we are bound. */
	if (rd->gpu->bar != 0x1000)
		return -EIO;
	if (bug("uaf") && rd->index == 0)
		sample_stash = &rd->index;
	return 0;
}

static const struct auxiliary_device_id sample_aux_ids[] = {
	{ .name = "sample.reg" },
	{ .name = "sample.nodata" },
	{ .name = "sample.plain" },
	{ }
};

static struct auxiliary_driver sample_aux_driver = {
	.name = "aux",
	.probe = sample_aux_probe,
	.id_table = sample_aux_ids,
};

static int __init_sample(void)
{
	int ret;

	sample_bug = getenv("KBOUND_SAMPLE_BUG");
	ret = pci_register_driver(&sample_pci_driver);
	if (ret)
		return ret;
	ret = auxiliary_driver_register(&sample_aux_driver);
	if (ret)
		pci_unregister_driver(&sample_pci_driver);
	return ret;
}
module_init(__init_sample);

static void __exit_sample(void)
{
	auxiliary_driver_unregister(&sample_aux_driver);
	pci_unregister_driver(&sample_pci_driver);
}
module_exit(__exit_sample);
