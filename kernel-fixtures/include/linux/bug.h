/* SPDX-License-Identifier: GPL-2.0 */
/* WARN_ON reports through the runtime, which counts warnings so that the
 * harness can fail a scenario in which the kernel would have warned. */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

void __kbound_warn(const char *file, int line, const char *cond);

#define WARN_ON(cond) ({						\
	int __ret_warn_on = !!(cond);					\
	if (unlikely(__ret_warn_on))					\
		__kbound_warn(__FILE__, __LINE__, #cond);		\
	unlikely(__ret_warn_on);					\
})
#define WARN_ON_ONCE(cond) WARN_ON(cond)

#endif /* _LINUX_BUG_H */
