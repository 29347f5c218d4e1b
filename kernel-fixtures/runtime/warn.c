// SPDX-License-Identifier: GPL-2.0
/* Diagnostics: WARN (stderr, counted so the harness can fail the run),
 * printk (stdout) and probe-failure reports. */
#include "kbound_internal.h"
#include <linux/bug.h>
#include <linux/printk.h>

static unsigned int kb_warnings;
static unsigned int kb_probe_failures;
static bool kb_failures_expected;

void kbound_warn(const char *fmt, ...)
{
	va_list ap;

	/* stdout is flushed first so that 2>&1 keeps the order of events. */
	fflush(stdout);
	fputs("kbound: WARNING: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	kb_warnings++;
}

void __kbound_warn(const char *file, int line, const char *cond)
{
	kbound_warn("at %s:%d: WARN_ON(%s)", file, line, cond);
}

unsigned int kbound_warning_count(void)
{
	return kb_warnings;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
	return ret;
}

const char *kbound_errno_name(int err)
{
	static const struct {
		int err;
		const char *name;
	} names[] = {
		{ ENOENT, "ENOENT" }, { EIO, "EIO" }, { ENOMEM, "ENOMEM" },
		{ EBUSY, "EBUSY" }, { EEXIST, "EEXIST" }, { ENODEV, "ENODEV" },
		{ EINVAL, "EINVAL" }, { ENOSPC, "ENOSPC" },
		{ EPROBE_DEFER, "EPROBE_DEFER" },
	};
	size_t i;

	if (err < 0)
		err = -err;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].err == err)
			return names[i].name;
	return "E?";
}

void kbound_note_probe_failure(const char *what, const char *by, int err)
{
	fflush(stdout);
	fprintf(stderr, "kbound: probe of %s by %s failed: %d (%s)\n",
		what, by, err, kbound_errno_name(err));
	fflush(stderr);
	if (!kb_failures_expected)
		kb_probe_failures++;
}

unsigned int kbound_probe_failure_count(void)
{
	return kb_probe_failures;
}

void kbound_expect_probe_failures(bool expected)
{
	kb_failures_expected = expected;
}

int kbound_exit_status(void)
{
	if (kb_warnings)
		return 3;
	if (kb_probe_failures)
		return 4;
	return 0;
}
