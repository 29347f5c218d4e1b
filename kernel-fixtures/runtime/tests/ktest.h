/* SPDX-License-Identifier: GPL-2.0 */
/* A minimal test harness for the runtime's unit tests: every check prints
 * "ok"/"FAIL" and main returns non-zero if one failed. */
#ifndef _KTEST_H
#define _KTEST_H

#include <stdio.h>
#include "kbound_runtime.h"

static int kt_checks, kt_failures;

#define KT_CHECK(cond)							\
	do {								\
		kt_checks++;						\
		if (!(cond)) {						\
			kt_failures++;					\
			printf("FAIL: %s:%d: %s\n", __FILE__, __LINE__,	\
			       #cond);					\
		}							\
	} while (0)

#define KT_EQ(a, b)							\
	do {								\
		long __a = (long)(a), __b = (long)(b);			\
		kt_checks++;						\
		if (__a != __b) {					\
			kt_failures++;					\
			printf("FAIL: %s:%d: %s == %s (%ld != %ld)\n",	\
			       __FILE__, __LINE__, #a, #b, __a, __b);	\
		}							\
	} while (0)

/* Runs one test case and reports it on stdout, flushed before the WARN
 * lines it may cause on stderr. */
#define KT_RUN(fn)							\
	do {								\
		int __before = kt_failures;				\
		printf("test %s\n", #fn);				\
		fflush(stdout);						\
		fn();							\
		printf("%s %s\n", kt_failures == __before ? "ok" : "not ok", #fn); \
		fflush(stdout);						\
	} while (0)

static inline int kt_done(const char *name)
{
	kbound_runtime_shutdown();
	printf("%s: %d checks, %d failures\n", name, kt_checks, kt_failures);
	return kt_failures ? 1 : 0;
}

#endif /* _KTEST_H */
