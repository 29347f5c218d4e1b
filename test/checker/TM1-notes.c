// TM1 path notes: where the registration got its tag, where its device was
// taken, where the data was fetched with another tag.
// RUN: %kbound_cc1 -analyzer-output=text -verify %s

#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct foo { int a; };
struct bar { long b; };

DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo);
DEFINE_AUXILIARY_REGDATA_TYPE(bar_tag, struct bar);

int tm1_notes(struct device *parent, struct foo *priv)
{
	struct auxiliary_registration *reg;
	struct auxiliary_device *adev;
	struct bar *b;
	int ret = 0;

	reg = auxiliary_registration_new(parent, "x", 0, "m", &foo_tag, priv); // expected-note {{Registration created with tag 'foo_tag' (struct foo)}}
	if (IS_ERR(reg)) // expected-note {{Taking false branch}}
		return PTR_ERR(reg);
	adev = auxiliary_registration_device(reg); // expected-note {{Auxiliary device of that registration}}
	b = auxiliary_registration_data(adev, &bar_tag); // expected-warning {{[TM1] registration data fetched with tag 'bar_tag' (struct bar) but the registration was created with 'foo_tag' (struct foo)}} expected-note {{[TM1] registration data fetched with tag 'bar_tag' (struct bar) but the registration was created with 'foo_tag' (struct foo)}}
	if (IS_ERR(b))
		ret = PTR_ERR(b);
	auxiliary_registration_drop(reg);
	return ret;
}
