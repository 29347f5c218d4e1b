/* SPDX-License-Identifier: GPL-2.0 */
/* Modules are linked into the harness. module_init/module_exit record their
 * functions from a constructor (not a linker-section array, which ASan's
 * global redzones would break); the harness runs the inits in link order and
 * the exits in reverse, so one executable can hold a parent and its aux driver. */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/types.h>

#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "kbound_fixture"
#endif

struct module;
#define THIS_MODULE ((struct module *)0)

void __kbound_register_initcall(const char *modname, int (*init)(void));
void __kbound_register_exitcall(const char *modname, void (*exit)(void));

#define module_init(fn)							\
	static void __attribute__((constructor)) __kbound_ctor_##fn(void) \
	{ __kbound_register_initcall(KBUILD_MODNAME, fn); }
#define module_exit(fn)							\
	static void __attribute__((constructor)) __kbound_ctor_##fn(void) \
	{ __kbound_register_exitcall(KBUILD_MODNAME, fn); }

#define module_driver(__driver, __register, __unregister, ...)		\
static int __init_##__driver(void)					\
{									\
	return __register(&(__driver), ##__VA_ARGS__);			\
}									\
module_init(__init_##__driver);						\
static void __exit_##__driver(void)					\
{									\
	__unregister(&(__driver), ##__VA_ARGS__);			\
}									\
module_exit(__exit_##__driver)

#define MODULE_LICENSE(x)
#define MODULE_AUTHOR(x)
#define MODULE_DESCRIPTION(x)
#define MODULE_DEVICE_TABLE(type, name)

#endif /* _LINUX_MODULE_H */
