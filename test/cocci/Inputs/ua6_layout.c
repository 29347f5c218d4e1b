// UA6 through the driver's own drop wrappers: each bug next to its correct
// twin.  The CHECK lines are read by ../ua6_layout.test.
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/err.h>

struct foo {
	int x;
};
DEFINE_AUXILIARY_REGDATA_TYPE(ua6l_type, struct foo);

struct priv {
	struct auxiliary_registration *reg, *plain;
	struct foo data;
};

#define ua6l_drop(r) auxiliary_registration_drop(r)

static void ua6l_put(struct auxiliary_registration *r)
{
	auxiliary_registration_drop(r);
}

static void ua6l_maybe_put(struct auxiliary_registration *r)
{
	if (r)
		auxiliary_registration_drop(r);
}

/* Bug: a devm registration in a local, dropped through the macro. */
int bad_local_macro(struct pci_dev *pdev, struct priv *p)
{
	struct auxiliary_registration *r;

	r = devm_auxiliary_registration_new(&pdev->dev, "a", 0, KBUILD_MODNAME,
					    &ua6l_type, &p->data);
	if (IS_ERR(r))
		return PTR_ERR(r);
	if (p->data.x) {
// CHECK: ua6_layout.c:[[@LINE+1]]:{{.*}}: [UA6] devm-managed registration dropped by hand (through ua6l_drop())
		ua6l_drop(r);
		return -EINVAL;
	}
	return 0;
}

/* Correct twin: a plain registration. */
int ok_local_macro(struct pci_dev *pdev, struct priv *p)
{
	struct auxiliary_registration *r;

	r = auxiliary_registration_new(&pdev->dev, "b", 0, KBUILD_MODNAME,
				       &ua6l_type, &p->data);
	if (IS_ERR(r))
		return PTR_ERR(r);
	if (p->data.x) {
		ua6l_drop(r);
		return -EINVAL;
	}
	p->plain = r;
	return 0;
}

/* Bug on one line: a devm local dropped through the helper. */
// CHECK: ua6_layout.c:[[@LINE+1]]:{{.*}}: [UA6] devm-managed registration dropped by hand (through ua6l_put())
int bad_oneline(struct pci_dev *pdev, struct priv *p) { struct auxiliary_registration *r = devm_auxiliary_registration_new(&pdev->dev, "c", 0, KBUILD_MODNAME, &ua6l_type, &p->data); if (IS_ERR(r)) return PTR_ERR(r); ua6l_put(r); return 0; }

/* Fields: ->reg is devm, ->plain is not. */
int probe(struct pci_dev *pdev, struct priv *p)
{
	p->reg = devm_auxiliary_registration_new(&pdev->dev, "d", 0, KBUILD_MODNAME,
						 &ua6l_type, &p->data);
	if (IS_ERR(p->reg))
		return PTR_ERR(p->reg);
	return 0;
}

/* Bug: the devm field dropped through the helper in .remove. */
void bad_remove(struct priv *p)
{
// CHECK: ua6_layout.c:[[@LINE+1]]:{{.*}}: [UA6] ->reg holds a devm_auxiliary_registration_new() registration dropped by hand (through ua6l_put())
	ua6l_put(p->reg);
}

/* Correct twin: the plain field through the same helper. */
void ok_remove(struct priv *p)
{
	ua6l_put(p->plain);
}

/* Quiet: a helper that only sometimes drops. */
void quiet_maybe_put(struct priv *p)
{
	ua6l_maybe_put(p->reg);
}
