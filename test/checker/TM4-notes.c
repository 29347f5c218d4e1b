// TM4 path notes: where the data was fetched and with which tag.
// RUN: %kbound_cc1 -analyzer-output=text -verify %s

#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct foo { int a; };
struct bar { long b; };

DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo);

long tm4_notes(struct auxiliary_device *adev)
{
	void *p = auxiliary_registration_data(adev, &foo_tag); // expected-note {{Registration data fetched with tag 'foo_tag' (struct foo); it is an ERR_PTR() if the tag does not match or the device has no data}}
	struct bar *b;

	if (IS_ERR(p)) // expected-note {{Taking false branch}}
		return PTR_ERR(p);
	b = p; // expected-warning {{[TM4] registration data fetched with tag 'foo_tag' (struct foo) is used as 'struct bar *'; use it as 'struct foo *'}} expected-note {{[TM4] registration data fetched with tag 'foo_tag' (struct foo) is used as 'struct bar *'; use it as 'struct foo *'}}
	return b->b;
}
