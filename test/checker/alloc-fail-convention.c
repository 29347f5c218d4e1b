// The Fail column of the allocator pattern rows (checker/KboundAPI.def): the
// slab and vmalloc allocators (kzalloc*, kmalloc*, __kmalloc*, vzalloc*,
// kmemdup*: Fail Null) return NULL or memory, so an IS_ERR() of their result
// has no true branch; any other *alloc* function (iio_device_alloc(),
// devm_drm_dev_alloc(): Fail Unknown) may return an ERR_PTR, so both
// branches are possible. vb2_vmalloc_alloc() contains "vmalloc" but is not a
// vmalloc: the Null rows are prefixes.
// RUN: %kbound_cc1 -analyzer-checker=debug.ExprInspection -verify %s
#include <linux/device.h>
#include <linux/err.h>
#include <linux/slab.h>

void clang_analyzer_warnIfReached(void);

void *kmalloc_array(size_t n, size_t size, gfp_t flags);
void *__kmalloc_noprof(size_t size, gfp_t flags);
void *vzalloc(unsigned long size);
void vfree(const void *addr);
void *iio_device_alloc(struct device *parent, int sizeof_priv);
void *devm_drm_dev_alloc(struct device *parent, const void *drv,
			 size_t size, size_t offset);
void *vb2_vmalloc_alloc(struct device *dev, unsigned long size);

void slab_kzalloc(void)
{
	void *p = kzalloc(16, 0);
	if (IS_ERR(p))
		clang_analyzer_warnIfReached(); // no warning: never an ERR_PTR
	kfree(p);
}

void slab_kmalloc_array(void)
{
	void *p = kmalloc_array(4, 16, 0);
	if (IS_ERR(p))
		clang_analyzer_warnIfReached(); // no warning
	kfree(p);
}

void slab_noprof(void)
{
	void *p = __kmalloc_noprof(16, 0);
	if (IS_ERR(p))
		clang_analyzer_warnIfReached(); // no warning
	kfree(p);
}

void slab_vzalloc(void)
{
	void *p = vzalloc(16);
	if (IS_ERR(p))
		clang_analyzer_warnIfReached(); // no warning
	vfree(p);
}

void slab_kmemdup(const void *src)
{
	void *p = kmemdup(src, 16, 0);
	if (IS_ERR(p))
		clang_analyzer_warnIfReached(); // no warning
	kfree(p);
}

void *unknown_iio(struct device *parent)
{
	void *p = iio_device_alloc(parent, 16);
	if (IS_ERR(p)) {
		clang_analyzer_warnIfReached(); // expected-warning {{REACHABLE}}
		return 0;
	}
	clang_analyzer_warnIfReached(); // expected-warning {{REACHABLE}}
	return p;
}

void *unknown_drm(struct device *parent)
{
	void *p = devm_drm_dev_alloc(parent, 0, 64, 0);
	if (IS_ERR(p))
		clang_analyzer_warnIfReached(); // expected-warning {{REACHABLE}}
	return p;
}

void *unknown_vb2(struct device *dev)
{
	void *p = vb2_vmalloc_alloc(dev, 64);
	if (IS_ERR(p))
		clang_analyzer_warnIfReached(); // expected-warning {{REACHABLE}}
	return p;
}
