// SPDX-License-Identifier: GPL-2.0
/* Slab allocator over malloc/free, so that ASan and LSan see every driver
 * allocation. Driver-visible calls are fallible (fault injection); the
 * kb_* variants are the runtime's own, never injected. */
#include "kbound_internal.h"
#include <linux/slab.h>
#include <malloc.h>

#if defined(__SANITIZE_ADDRESS__)
#define KB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KB_ASAN 1
#endif
#endif
#ifdef KB_ASAN
/* From <sanitizer/allocator_interface.h>, which gcc does not install. */
int __sanitizer_get_ownership(const volatile void *p);
size_t __sanitizer_get_allocated_size(const volatile void *p);
#endif

void *kb_alloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p) {
		fprintf(stderr, "kbound: runtime out of memory\n");
		abort();
	}
	return p;
}

void *kb_zalloc(size_t size)
{
	void *p = calloc(1, size ? size : 1);

	if (!p) {
		fprintf(stderr, "kbound: runtime out of memory\n");
		abort();
	}
	return p;
}

char *kb_vasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	int len;
	char *s;

	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	s = kb_alloc(len + 1);
	vsnprintf(s, len + 1, fmt, ap);
	return s;
}

char *kb_asprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = kb_vasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void *kmalloc(size_t size, gfp_t flags)
{
	if (kbound_should_fail("kmalloc"))
		return NULL;
	return (flags & __GFP_ZERO) ? kb_zalloc(size) : kb_alloc(size);
}

void *kzalloc(size_t size, gfp_t flags)
{
	if (kbound_should_fail("kzalloc"))
		return NULL;
	return kb_zalloc(size);
}

void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	if (kbound_should_fail("kcalloc"))
		return NULL;
	if (size && n > (size_t)-1 / size)
		return NULL;
	return kb_zalloc(n * size);
}

void *kmemdup(const void *src, size_t len, gfp_t flags)
{
	void *p;

	if (kbound_should_fail("kmemdup"))
		return NULL;
	p = kb_alloc(len);
	memcpy(p, src, len);
	return p;
}

char *kstrdup(const char *s, gfp_t flags)
{
	size_t len;
	char *p;

	/* Like the kernel: no allocation, hence no failure, for NULL. */
	if (!s)
		return NULL;
	if (kbound_should_fail("kstrdup"))
		return NULL;
	len = strlen(s) + 1;
	p = kb_alloc(len);
	memcpy(p, s, len);
	return p;
}

/* The usable size of a live heap block, 0 if @p is not one (then free()
 * itself reports the bad free under ASan). */
static size_t kb_block_size(const void *p)
{
#ifdef KB_ASAN
	if (!__sanitizer_get_ownership(p))
		return 0;
	return __sanitizer_get_allocated_size(p);
#else
	return malloc_usable_size((void *)p);
#endif
}

void kfree(const void *objp)
{
	if (objp)
		kb_check_kfree(objp, kb_block_size(objp));
	free((void *)objp);
}
