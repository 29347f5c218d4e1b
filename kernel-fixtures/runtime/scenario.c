// SPDX-License-Identifier: GPL-2.0
/* Harness scenarios: the PCI devices the harness plugs in for the loaded
 * drivers, and the bind/unbind sequences that expose lifetime bugs. */
#include "kbound_internal.h"

#define KB_MAX_PCI 32
static struct pci_dev *kb_pci_devs[KB_MAX_PCI];
static int kb_nr_pci;

static void kb_pci_release(struct device *dev)
{
	free(to_pci_dev(dev));
}

static void kb_pci_new(u32 vendor, u32 device)
{
	struct pci_dev *pdev;

	if (kb_nr_pci == KB_MAX_PCI)
		return;
	pdev = kb_zalloc(sizeof(*pdev));
	pdev->vendor = vendor;
	pdev->device = device;
	pdev->dev.bus = &pci_bus_type;
	pdev->dev.release = kb_pci_release;
	device_initialize(&pdev->dev);
	dev_set_name(&pdev->dev, "pci0000:%02d", kb_nr_pci);
	kb_pci_devs[kb_nr_pci++] = pdev;
}

int kbound_pci_create_devices(void)
{
	struct device_driver *drivers[KB_MAX_PCI];
	int nr = kb_bus_drivers(&pci_bus_type, drivers, KB_MAX_PCI);
	int i;

	for (i = 0; i < nr; i++) {
		const struct pci_device_id *id =
			container_of(drivers[i], struct pci_driver, driver)->id_table;

		for (; id && id->vendor; id++)
			kb_pci_new(id->vendor, id->device);
	}
	return kb_nr_pci;
}

struct pci_dev *kbound_pci_device(int i)
{
	return i >= 0 && i < kb_nr_pci ? kb_pci_devs[i] : NULL;
}

void kbound_pci_add_devices(void)
{
	int i;

	for (i = 0; i < kb_nr_pci; i++) {
		int ret = kb_device_add(&kb_pci_devs[i]->dev);

		if (ret)
			kbound_warn("harness could not add %s: %d",
				    kb_dev_name(&kb_pci_devs[i]->dev), ret);
	}
}

void kbound_pci_remove_devices(void)
{
	int i;

	/* Like hot-unplug, the last one first. */
	for (i = kb_nr_pci - 1; i >= 0; i--)
		if (kb_pci_devs[i]->dev.added)
			device_del(&kb_pci_devs[i]->dev);
}

void kbound_pci_destroy_devices(void)
{
	int i;

	for (i = kb_nr_pci - 1; i >= 0; i--) {
		/* Devices still held by a leaked child stay: LSan reports
		 * them with the child. */
		put_device(&kb_pci_devs[i]->dev);
		kb_pci_devs[i] = NULL;
	}
	kb_nr_pci = 0;
}

static void kb_bind_unbind(void)
{
	kbound_pci_add_devices();
	kbound_pci_remove_devices();
}

static void kb_scenario_bind(void)
{
	kb_bind_unbind();
}

static void kb_scenario_rebind(void)
{
	kb_bind_unbind();
	kb_bind_unbind();
}

static void kb_scenario_unbind_aux_first(void)
{
	kbound_pci_add_devices();
	kbound_bus_detach_drivers(&auxiliary_bus_type);
	kbound_pci_remove_devices();
}

#define KB_FAULTS_CAP 200

static void kb_scenario_faults(void)
{
	unsigned long n;

	kbound_expect_probe_failures(true);
	for (n = 1; n <= KB_FAULTS_CAP; n++) {
		bool fired;

		kbound_fail_nth(n);
		kb_bind_unbind();
		fired = kbound_fault_fired();
		kbound_fail_nth(0);
		if (!fired)
			break;
	}
	kbound_expect_probe_failures(false);
	if (n > KB_FAULTS_CAP)
		printk("kbound: faults: stopped after %d injected failures\n",
		       KB_FAULTS_CAP);
	else
		printk("kbound: faults: %lu fallible call(s) failed in turn\n",
		       n - 1);
}

static const struct {
	const char *name;
	void (*run)(void);
} kb_scenarios[] = {
	{ "bind", kb_scenario_bind },
	{ "rebind", kb_scenario_rebind },
	{ "unbind-aux-first", kb_scenario_unbind_aux_first },
	{ "faults", kb_scenario_faults },
};

#define KB_NR_SCENARIOS (sizeof(kb_scenarios) / sizeof(kb_scenarios[0]))

bool kbound_scenario_known(const char *name)
{
	size_t i;

	if (!strcmp(name, "all"))
		return true;
	for (i = 0; i < KB_NR_SCENARIOS; i++)
		if (!strcmp(name, kb_scenarios[i].name))
			return true;
	return false;
}

int kbound_scenario_run(const char *name)
{
	size_t i;

	if (!strcmp(name, "all")) {
		for (i = 0; i < KB_NR_SCENARIOS; i++)
			kbound_scenario_run(kb_scenarios[i].name);
		return 0;
	}
	for (i = 0; i < KB_NR_SCENARIOS; i++) {
		if (strcmp(name, kb_scenarios[i].name))
			continue;
		kbound_modules_load();
		kbound_pci_create_devices();
		kb_scenarios[i].run();
		kbound_modules_unload();
		kbound_pci_destroy_devices();
		printk("scenario %s: done\n", name);
		return 0;
	}
	return -EINVAL;
}

void kbound_runtime_shutdown(void)
{
	kbound_pci_destroy_devices();
	kb_bus_shutdown();
	kb_registration_shutdown();
	kb_device_shutdown();
}
