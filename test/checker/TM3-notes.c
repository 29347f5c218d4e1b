// TM3 in text output: the report points at the creation call and the data
// argument; the tag comes from the DEFINE_AUXILIARY_REGDATA_TYPE in this file.
// RUN: %kbound_cc1 -analyzer-output=text -verify %s

#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct foo { int a; };
struct bar { long b; };

DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo);

int tm3_notes(struct device *parent, struct bar *priv)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(parent, "x", 0, "m", &foo_tag, priv); // expected-warning {{[TM3] data for tag 'foo_tag' (struct foo) points to 'struct bar'}} expected-note {{[TM3] data for tag 'foo_tag' (struct foo) points to 'struct bar'}}
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	auxiliary_registration_drop(reg);
	return 0;
}
