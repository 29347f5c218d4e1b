// TM1 across the callbacks of one file: the registration is kept in a field
// of the driver's private struct by .probe and fetched from it elsewhere.
// The creation site comes as a note on each report.
// RUN: %kbound_cc1 -verify %s

#include <linux/auxiliary_bus.h>
#include <linux/err.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct foo { int a; };
struct bar { long b; };

DEFINE_AUXILIARY_REGDATA_TYPE(foo_tag, struct foo);
DEFINE_AUXILIARY_REGDATA_TYPE(bar_tag, struct bar);

struct priv {
	struct auxiliary_registration *reg;	/* always foo_tag */
	struct auxiliary_registration *other;	/* bar_tag, via a local */
	struct auxiliary_registration *either;	/* foo_tag or bar_tag */
	struct auxiliary_device *adev;		/* device of reg */
};

static struct foo the_foo;
static struct bar the_bar;

static int parent_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	struct auxiliary_registration *r;

	if (!priv)
		return -ENOMEM;
	priv->reg = devm_auxiliary_registration_new(&pdev->dev, "a", 0, "m", // expected-note 2 {{Registration stored in 'reg' is created with tag 'foo_tag' (struct foo) here}}
						    &foo_tag, &the_foo);
	if (IS_ERR(priv->reg))
		return PTR_ERR(priv->reg);
	priv->adev = auxiliary_registration_device(priv->reg);
	r = devm_auxiliary_registration_new(&pdev->dev, "b", 0, "m", &bar_tag, // expected-note {{Registration stored in 'other' is created with tag 'bar_tag' (struct bar) here}}
					    &the_bar);
	if (IS_ERR(r))
		return PTR_ERR(r);
	priv->other = r;
	if (id->driver_data)
		priv->either = devm_auxiliary_registration_new(&pdev->dev, "c", 0,
							       "m", &foo_tag,
							       &the_foo);
	else
		priv->either = devm_auxiliary_registration_new(&pdev->dev, "c", 0,
							       "m", &bar_tag,
							       &the_bar);
	if (IS_ERR(priv->either))
		return PTR_ERR(priv->either);
	pci_set_drvdata(pdev, priv);
	return 0;
}

/* Positive 1: fetched with bar_tag straight from the field. */
static long parent_stats(struct pci_dev *pdev)
{
	struct priv *priv = pci_get_drvdata(pdev);
	struct bar *b;

	b = auxiliary_registration_data(auxiliary_registration_device(priv->reg),
					&bar_tag); // expected-warning@-1 {{[TM1] registration data fetched with tag 'bar_tag' (struct bar) from the registration in 'reg', which is created with 'foo_tag' (struct foo); the fetch returns ERR_PTR(-EINVAL): fetch with &foo_tag}}
	if (IS_ERR(b))
		return PTR_ERR(b);
	return b->b;
}

/* Positive 2: through the stored device field. */
static int parent_reset(struct pci_dev *pdev)
{
	struct priv *priv = pci_get_drvdata(pdev);
	void *p = auxiliary_registration_data(priv->adev, &bar_tag); // expected-warning {{[TM1] registration data fetched with tag 'bar_tag' (struct bar) from the registration in 'reg'}}

	return PTR_ERR_OR_ZERO(p);
}

/* Positive 3: through a local device taken from the field; the field got
 * its registration through a local in .probe. */
static void parent_remove(struct pci_dev *pdev)
{
	struct priv *priv = pci_get_drvdata(pdev);
	struct auxiliary_device *adev = auxiliary_registration_device(priv->other);
	struct foo *f = auxiliary_registration_data(adev, &foo_tag); // expected-warning {{[TM1] registration data fetched with tag 'foo_tag' (struct foo) from the registration in 'other', which is created with 'bar_tag' (struct bar)}}

	if (!IS_ERR(f))
		f->a = 0;
}

/* Negative 1: the right tags. */
static long ok_stats(struct pci_dev *pdev)
{
	struct priv *priv = pci_get_drvdata(pdev);
	struct foo *f = auxiliary_registration_data(priv->adev, &foo_tag);
	struct bar *b = auxiliary_registration_data(
		auxiliary_registration_device(priv->other), &bar_tag);

	if (IS_ERR(f) || IS_ERR(b))
		return -EINVAL;
	return f->a + b->b;
}

/* Negative 2: a field filled with either tag: cannot tell. */
static int ok_either(struct pci_dev *pdev)
{
	struct priv *priv = pci_get_drvdata(pdev);
	void *p = auxiliary_registration_data(
		auxiliary_registration_device(priv->either), &bar_tag);

	return PTR_ERR_OR_ZERO(p);
}

/* Negative 3: a struct filled by code we cannot see (a setter). */
struct ext_priv {
	struct auxiliary_registration *reg;
};

void ext_priv_setup(struct ext_priv *e);

static void ext_setup(struct ext_priv *e, struct auxiliary_registration *r)
{
	e->reg = r;
}

static int ok_ext(struct ext_priv *e)
{
	void *p = auxiliary_registration_data(
		auxiliary_registration_device(e->reg), &bar_tag);

	return PTR_ERR_OR_ZERO(p);
}

/* Negative 4: a field also filled through an out-parameter elsewhere. */
struct out_priv {
	struct auxiliary_registration *reg;
};

static int make_reg(struct device *dev, struct auxiliary_registration **out)
{
	*out = auxiliary_registration_new(dev, "o", 0, "m", &bar_tag, &the_bar);
	return PTR_ERR_OR_ZERO(*out);
}

static int out_setup(struct device *dev, struct out_priv *o, int v)
{
	if (v)
		return make_reg(dev, &o->reg);
	o->reg = auxiliary_registration_new(dev, "o", 0, "m", &foo_tag, &the_foo);
	return PTR_ERR_OR_ZERO(o->reg);
}

static int ok_out(struct out_priv *o)
{
	void *p = auxiliary_registration_data(
		auxiliary_registration_device(o->reg), &bar_tag);

	return PTR_ERR_OR_ZERO(p);
}

static struct pci_driver parent_driver = {
	.probe = parent_probe,
	.remove = parent_remove,
};
