// TM5 path notes: where the data was fetched, the NULL check that does not
// catch an ERR_PTR, the dereference.
// RUN: %kbound_cc1 -analyzer-output=text -verify %s

#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct foo { int a; };

DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo);

static int aux_probe(struct auxiliary_device *adev,
		     const struct auxiliary_device_id *id)
{
	struct foo *f = auxiliary_registration_data(adev, &foo_tag); // expected-note {{Registration data fetched with tag 'foo_tag' (struct foo); it is an ERR_PTR() if the tag does not match or the device has no data}}

	if (!f) // expected-note {{Assuming 'f' is non-null}} expected-note {{Taking false branch}}
		return -ENOENT;
	return f->a ? 0 : -EINVAL; // expected-warning {{[TM5] registration data from auxiliary_registration_data() is dereferenced without an IS_ERR() check}} expected-note {{[TM5] registration data from auxiliary_registration_data() is dereferenced without an IS_ERR() check}}
}

static struct auxiliary_driver aux_drv = {
	.probe = aux_probe,
};
