/* SPDX-License-Identifier: GPL-2.0 */
/* Scope-based cleanup, as in the kernel's include/linux/cleanup.h:
 * `T *p __free(kfree) = ...` frees p when p goes out of scope, unless
 * no_free_ptr(p) or return_ptr(p) took it (they set p to NULL). */
#ifndef _LINUX_CLEANUP_H
#define _LINUX_CLEANUP_H

#define DEFINE_FREE(_name, _type, _free) \
	static inline void __free_##_name(void *p) \
	{ \
		_type _T = *(_type *)p; \
		_free; \
	}

#define __free(_name) __attribute__((__cleanup__(__free_##_name)))

#define __get_and_null(p, nullvalue) \
	({ \
		__auto_type __ptr = &(p); \
		__auto_type __val = *__ptr; \
		*__ptr = nullvalue; \
		__val; \
	})

#define no_free_ptr(p) ((typeof(p))__get_and_null(p, NULL))
#define return_ptr(p) return no_free_ptr(p)

#endif /* _LINUX_CLEANUP_H */
