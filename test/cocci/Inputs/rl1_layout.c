// RL1 through the driver's own creators: each bug next to its correct twin.
// The CHECK lines are read by ../rl1_layout.test.
#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct foo {
	int x;
};
DEFINE_AUXILIARY_REGDATA_TYPE(rl1l_type, struct foo);

struct priv {
	struct auxiliary_registration *reg;
};

#define rl1l_new(d, f) auxiliary_registration_new(d, "m", 0, KBUILD_MODNAME, &rl1l_type, f)

static struct auxiliary_registration *rl1l_create(struct device *d, struct foo *f)
{
	if (!d)
		return ERR_PTR(-EINVAL);
	return auxiliary_registration_new(d, "h", 0, KBUILD_MODNAME, &rl1l_type, f);
}

/* A helper that keeps the registration itself: not a creator. */
static struct auxiliary_registration *rl1l_create_keep(struct device *d, struct foo *f,
							struct priv *p)
{
	if (p->reg)
		return p->reg;
	return auxiliary_registration_new(d, "k", 0, KBUILD_MODNAME, &rl1l_type, f);
}

int bad_macro(struct device *d, struct foo *f)
{
// CHECK: rl1_layout.c:[[@LINE+1]]:{{.*}}: [RL1] result of auxiliary_registration_new() (in rl1l_new()) discarded
	rl1l_new(d, f);
	return 0;
}

int ok_macro(struct device *d, struct foo *f, struct priv *p)
{
	p->reg = rl1l_new(d, f);
	return PTR_ERR_OR_ZERO(p->reg);
}

int bad_helper(struct device *d, struct foo *f)
{
// CHECK: rl1_layout.c:[[@LINE+1]]:{{.*}}: [RL1] result of auxiliary_registration_new() (in rl1l_create()) only error-checked, then discarded
	if (IS_ERR(rl1l_create(d, f)))
		return -EINVAL;
	return 0;
}

int ok_helper(struct device *d, struct foo *f, struct priv *p)
{
	p->reg = rl1l_create(d, f);
	if (IS_ERR(p->reg))
		return -EINVAL;
	return 0;
}

/* Bug on one line, cast to void; its twin keeps the handle. */
// CHECK: rl1_layout.c:[[@LINE+1]]:{{.*}}: [RL1] result of auxiliary_registration_new() (in rl1l_create()) discarded
int bad_oneline(struct device *d, struct foo *f) { (void)rl1l_create(d, f); return 0; }
int ok_oneline(struct device *d, struct foo *f, struct priv *p) { p->reg = rl1l_create(d, f); return PTR_ERR_OR_ZERO(p->reg); }

/* Quiet: the helper may return a registration kept elsewhere. */
int quiet_keep(struct device *d, struct foo *f, struct priv *p)
{
	rl1l_create_keep(d, f, p);
	return 0;
}
