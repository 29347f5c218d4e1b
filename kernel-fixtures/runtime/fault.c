// SPDX-License-Identifier: GPL-2.0
/* Fault injection: a countdown over driver-visible fallible calls, so the
 * harness can make each one fail in turn and exercise every error path. */
#include "kbound_internal.h"

static unsigned long kb_countdown;
static bool kb_fired;
static unsigned long kb_calls;

void kbound_fail_nth(unsigned long n)
{
	kb_countdown = n;
	kb_fired = false;
}

bool kbound_fault_fired(void)
{
	return kb_fired;
}

unsigned long kbound_fallible_calls(void)
{
	return kb_calls;
}

bool kbound_should_fail(const char *what)
{
	kb_calls++;
	if (!kb_countdown || --kb_countdown)
		return false;
	kb_fired = true;
	printk("kbound: injected failure: %s\n", what);
	return true;
}
