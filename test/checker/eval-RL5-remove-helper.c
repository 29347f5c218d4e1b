// RL5 in .remove when the uninit is in a helper whose name looks like a
// teardown: the helper's body is read, not its name (held-out round 9).
// RUN: %kbound_cc1 -DKBUILD_MODNAME='"rl5h"' -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct sub {
	struct auxiliary_device adev;
};

struct hub {
	struct sub *subs[2];
	int n;
};

static void hub_remove_subs(struct hub *h)
{
	while (h->n > 0) { // expected-warning {{[RL5] Added auxiliary device torn down with auxiliary_device_uninit() but never auxiliary_device_delete()}}
		struct sub *s = h->subs[--h->n];

		auxiliary_device_uninit(&s->adev);
	}
}

static void hub_remove(struct pci_dev *pdev)
{
	hub_remove_subs(pci_get_drvdata(pdev));
}

static int hub_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	return 0;
}

static struct pci_driver hub_driver = { .probe = hub_probe, .remove = hub_remove };

/* The correct twin's helper deletes first. */
static void hub2_destroy_subs(struct hub *h)
{
	while (h->n > 0) {
		struct sub *s = h->subs[--h->n];

		auxiliary_device_delete(&s->adev);
		auxiliary_device_uninit(&s->adev);
	}
}

static void hub2_remove(struct pci_dev *pdev)
{
	hub2_destroy_subs(pci_get_drvdata(pdev));
}

static struct pci_driver hub2_driver = { .probe = hub_probe, .remove = hub2_remove };

/* A delete-like helper without a visible body still vouches for the device. */
void hub3_unregister_all(struct hub *h);

static void hub3_remove(struct pci_dev *pdev)
{
	struct hub *h = pci_get_drvdata(pdev);

	hub3_unregister_all(h);
	auxiliary_device_uninit(&h->subs[0]->adev);
}

static struct pci_driver hub3_driver = { .probe = hub_probe, .remove = hub3_remove };
