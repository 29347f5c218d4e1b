// SPDX-License-Identifier: GPL-2.0
/*
 * The fixture harness: `<fixture> <scenario>`. Loads the linked-in modules,
 * plugs in a PCI device per id_table entry and runs the scenario. Exit 0 when
 * clean, 3 after a runtime WARNING, 4 after a probe failure outside `faults`;
 * sanitizer reports exit through the sanitizer.
 */
#include <stdio.h>
#include <string.h>

#include "kbound_runtime.h"

static int usage(const char *argv0)
{
	fprintf(stderr,
		"usage: %s SCENARIO\n"
		"  bind | rebind | unbind-aux-first | faults | all\n", argv0);
	return 2;
}

int main(int argc, char **argv)
{
	unsigned int warnings;

	/* printk (stdout) and WARN (stderr) interleave in event order. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc != 2 || !kbound_scenario_known(argv[1]))
		return usage(argv[0]);
	kbound_scenario_run(argv[1]);
	kbound_runtime_shutdown();
	warnings = kbound_warning_count();
	if (warnings)
		fprintf(stderr, "kbound: %u warning(s)\n", warnings);
	return kbound_exit_status();
}
