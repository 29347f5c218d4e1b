/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The harness-facing API of the fixture runtime: fault injection, diagnostic
 * counters, module loading, the harness's PCI devices and the scenarios.
 * Drivers never include this; the harness and the runtime's unit tests do.
 */
#ifndef _KBOUND_RUNTIME_H
#define _KBOUND_RUNTIME_H

#include <linux/device.h>
#include <linux/pci.h>
#include <linux/auxiliary_bus.h>

extern const struct bus_type pci_bus_type;
extern const struct bus_type auxiliary_bus_type;
extern const struct bus_type platform_bus_type;

/* ---- fault injection (fault.c) ---- */
/* Make the n-th fallible call from now fail (0 disarms). */
void kbound_fail_nth(unsigned long n);
/* Whether the armed failure has been injected since kbound_fail_nth(). */
bool kbound_fault_fired(void);
/* Fallible calls seen since start (armed or not). */
unsigned long kbound_fallible_calls(void);
/* Runtime side: count one fallible call; true if it must fail now. */
bool kbound_should_fail(const char *what);

/* ---- diagnostics (warn.c) ---- */
/* Print "kbound: WARNING: <msg>" to stderr and count it. */
void kbound_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
unsigned int kbound_warning_count(void);
/* Probe (or module_init) failures; those seen while failures are expected
 * (the faults scenario) are logged but not counted. */
void kbound_note_probe_failure(const char *what, const char *by, int err);
unsigned int kbound_probe_failure_count(void);
void kbound_expect_probe_failures(bool expected);
/* "EINVAL" for 22 (or -22); "E?" when unknown. */
const char *kbound_errno_name(int err);

/* ---- modules (module.c) ---- */
/* Run every module_init not yet run, in link order; returns failures. */
int kbound_modules_load(void);
/* Run the module_exit of every loaded module, in reverse order. */
void kbound_modules_unload(void);

/* ---- buses (bus.c) ---- */
unsigned int kbound_bus_device_count(const struct bus_type *bus);
unsigned int kbound_bus_driver_count(const struct bus_type *bus);
/* Unregister every driver of @bus behind its module's back (rmmod of the
 * aux module); the module's own later *_driver_unregister() is then a no-op. */
void kbound_bus_detach_drivers(const struct bus_type *bus);

/* ---- registrations (registration.c) ---- */
unsigned int kbound_live_registrations(void);

/* ---- harness devices and scenarios (scenario.c) ---- */
/* One pci_dev per id_table entry (vendor != 0) of every registered
 * pci_driver, named pci0000:0N; returns how many. */
int kbound_pci_create_devices(void);
void kbound_pci_add_devices(void);
void kbound_pci_remove_devices(void);
/* Drop the harness's references (frees the devices nothing else holds). */
void kbound_pci_destroy_devices(void);
struct pci_dev *kbound_pci_device(int i);
/* Runs one scenario (bind, rebind, unbind-aux-first, faults, all):
 * load modules, create devices, run, remove, unload. -EINVAL if unknown. */
int kbound_scenario_run(const char *name);
bool kbound_scenario_known(const char *name);

/* Forget what is still registered so that LeakSanitizer sees leaked devices
 * and registrations as leaks (the runtime's lists would keep them reachable). */
void kbound_runtime_shutdown(void);
/* 0 clean, 3 warnings, 4 unexpected probe failure. */
int kbound_exit_status(void);

#endif /* _KBOUND_RUNTIME_H */
