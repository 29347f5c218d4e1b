// UA8: a refcounted device that lives in devres memory: devres frees the
// memory when the parent unbinds, whatever references to the device remain.
// Partial: the devm allocation and the init must be on one analyzed path.
// RUN: %kbound_cc1 -DKBUILD_MODNAME='"ua8"' -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct sub {
	int port;
	struct auxiliary_device adev;
};

static void sub_release_nothing(struct device *dev)
{
}

static void sub_release(struct device *dev)
{
	kfree(container_of(dev, struct sub, adev.dev));
}

int aux_in_devm(struct pci_dev *pdev)
{
	struct sub *s = devm_kzalloc(&pdev->dev, sizeof(*s), GFP_KERNEL);
	int ret;

	if (!s)
		return -ENOMEM;
	s->adev.name = "sub";
	s->adev.dev.parent = &pdev->dev;
	s->adev.dev.release = sub_release_nothing;
	ret = auxiliary_device_init(&s->adev); // expected-warning {{[UA8] auxiliary_device_init() on a device that lives in devres memory}}
	if (ret)
		return ret;
	ret = auxiliary_device_add(&s->adev);
	if (ret)
		auxiliary_device_uninit(&s->adev);
	return ret;
}

struct ctl {
	struct device dev;
	int mode;
};

int generic_in_devm(struct device *parent)
{
	struct ctl *c = devm_kzalloc(parent, sizeof(*c), GFP_KERNEL);

	if (!c)
		return -ENOMEM;
	c->dev.parent = parent;
	device_initialize(&c->dev); // expected-warning {{[UA8] device_initialize() on a device that lives in devres memory}}
	dev_set_drvdata(parent, c);
	return 0;
}

/* Correct: kzalloc() memory that the release frees. */
int aux_in_heap(struct pci_dev *pdev)
{
	struct sub *s = kzalloc(sizeof(*s), GFP_KERNEL);
	int ret;

	if (!s)
		return -ENOMEM;
	s->adev.name = "sub";
	s->adev.dev.parent = &pdev->dev;
	s->adev.dev.release = sub_release;
	ret = auxiliary_device_init(&s->adev);
	if (ret) {
		kfree(s);
		return ret;
	}
	ret = auxiliary_device_add(&s->adev);
	if (ret)
		auxiliary_device_uninit(&s->adev);
	return ret;
}

/* Correct: devm memory that only points to a separately allocated device. */
struct holder {
	struct sub *s;
};

int pointer_in_devm(struct pci_dev *pdev)
{
	struct holder *h = devm_kzalloc(&pdev->dev, sizeof(*h), GFP_KERNEL);
	int ret;

	if (!h)
		return -ENOMEM;
	h->s = kzalloc(sizeof(*h->s), GFP_KERNEL);
	if (!h->s)
		return -ENOMEM;
	h->s->adev.name = "sub";
	h->s->adev.dev.parent = &pdev->dev;
	h->s->adev.dev.release = sub_release;
	ret = auxiliary_device_init(&h->s->adev);
	if (ret) {
		kfree(h->s);
		return ret;
	}
	ret = auxiliary_device_add(&h->s->adev);
	if (ret)
		auxiliary_device_uninit(&h->s->adev);
	return ret;
}
