// TM1 through the driver's own creators and fetchers: each bug next to its
// correct twin.  The CHECK lines are read by ../tm1_layout.test.
#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct cfg {
	int x;
};
struct info {
	int y;
};
DEFINE_AUXILIARY_REGDATA_TYPE(tm1l_cfg_type, struct cfg);
DEFINE_AUXILIARY_REGDATA_TYPE(tm1l_info_type, struct info);

/* Creators and fetchers with a fixed tag. */
#define tm1l_new_cfg(d, c) auxiliary_registration_new(d, "c", 0, KBUILD_MODNAME, &tm1l_cfg_type, c)
#define tm1l_info(a) auxiliary_registration_data(a, &tm1l_info_type)
#define tm1l_cfg(a) auxiliary_registration_data(a, &tm1l_cfg_type)
/* A creator whose tag is its parameter: not a fixed tag. */
#define tm1l_new_any(d, t, c) auxiliary_registration_new(d, "a", 0, KBUILD_MODNAME, t, c)

static struct auxiliary_registration *tm1l_create_info(struct device *d, struct info *i)
{
	if (!i)
		return ERR_PTR(-EINVAL);
	return auxiliary_registration_new(d, "i", 0, KBUILD_MODNAME, &tm1l_info_type, i);
}

int bad_macros(struct device *d, struct cfg *c)
{
	struct auxiliary_registration *rm;
	struct info *i;

	rm = tm1l_new_cfg(d, c);
	if (IS_ERR(rm))
		return PTR_ERR(rm);
// CHECK: tm1_layout.c:[[@LINE+1]]:{{.*}}: [TM1] registration created with tag tm1l_cfg_type (line [[@LINE-3]]) is fetched with tag tm1l_info_type
	i = tm1l_info(auxiliary_registration_device(rm));
	auxiliary_registration_drop(rm);
	return IS_ERR(i) ? PTR_ERR(i) : 0;
}

int ok_macros(struct device *d, struct cfg *c)
{
	struct auxiliary_registration *rmo;
	struct cfg *got;

	rmo = tm1l_new_cfg(d, c);
	if (IS_ERR(rmo))
		return PTR_ERR(rmo);
	got = tm1l_cfg(auxiliary_registration_device(rmo));
	auxiliary_registration_drop(rmo);
	return IS_ERR(got) ? PTR_ERR(got) : 0;
}

int bad_helper(struct device *d, struct info *i)
{
	struct auxiliary_registration *rh = tm1l_create_info(d, i);
	struct auxiliary_device *adev;
	struct cfg *c;

	if (IS_ERR(rh))
		return PTR_ERR(rh);
	adev = auxiliary_registration_device(rh);
// CHECK: tm1_layout.c:[[@LINE+1]]:{{.*}}: [TM1] registration created with tag tm1l_info_type (line [[@LINE-7]]) is fetched with tag tm1l_cfg_type
	c = auxiliary_registration_data(adev, &tm1l_cfg_type);
	auxiliary_registration_drop(rh);
	return IS_ERR(c) ? PTR_ERR(c) : 0;
}

int ok_helper(struct device *d, struct info *i)
{
	struct auxiliary_registration *rho = tm1l_create_info(d, i);
	struct info *got;

	if (IS_ERR(rho))
		return PTR_ERR(rho);
	got = tm1l_info(auxiliary_registration_device(rho));
	auxiliary_registration_drop(rho);
	return IS_ERR(got) ? PTR_ERR(got) : 0;
}

/* Bug on one line; its twin fetches with the creation tag. */
// CHECK: tm1_layout.c:[[@LINE+1]]:{{.*}}: [TM1] registration created with tag tm1l_cfg_type (line [[@LINE+1]]) is fetched with tag tm1l_info_type
int bad_oneline(struct device *d, struct cfg *c) { struct auxiliary_registration *r = tm1l_new_cfg(d, c); struct info *i; if (IS_ERR(r)) return PTR_ERR(r); i = tm1l_info(auxiliary_registration_device(r)); auxiliary_registration_drop(r); return IS_ERR(i) ? PTR_ERR(i) : 0; }
int ok_oneline(struct device *d, struct cfg *c) { struct auxiliary_registration *ro = tm1l_new_cfg(d, c); struct cfg *g; if (IS_ERR(ro)) return PTR_ERR(ro); g = tm1l_cfg(auxiliary_registration_device(ro)); auxiliary_registration_drop(ro); return IS_ERR(g) ? PTR_ERR(g) : 0; }

/* Quiet: the tag is the creator's parameter. */
int quiet_param_tag(struct device *d, struct cfg *c)
{
	struct auxiliary_registration *rq;
	struct info *i;

	rq = tm1l_new_any(d, &tm1l_info_type, c);
	if (IS_ERR(rq))
		return PTR_ERR(rq);
	i = tm1l_info(auxiliary_registration_device(rq));
	auxiliary_registration_drop(rq);
	return IS_ERR(i) ? PTR_ERR(i) : 0;
}
