// TM3 through a creation macro of the driver: each bug next to its correct
// twin.  The CHECK lines are read by ../tm3_layout.test.
#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct gpu {
	int x;
};
struct fw_info {
	int y;
};
DEFINE_AUXILIARY_REGDATA_TYPE(tm3l_fw_type, struct fw_info);

struct priv {
	struct gpu gpu;
	struct fw_info fw;
	struct auxiliary_registration *reg;
};

/* A creation macro with a fixed tag; the data is its second parameter. */
#define tm3l_new_fw(d, x) auxiliary_registration_new(d, "fw", 0, KBUILD_MODNAME, &tm3l_fw_type, (x))
/* The tag is a parameter: not judged. */
#define tm3l_new_any(d, t, x) auxiliary_registration_new(d, "any", 0, KBUILD_MODNAME, t, x)

int bad_macro(struct device *d, struct priv *p)
{
	struct gpu *g = &p->gpu;

// CHECK: tm3_layout.c:[[@LINE+1]]:{{.*}}: [TM3] registration data g is a struct gpu *, but tag tm3l_fw_type (in tm3l_new_fw()) is for struct fw_info
	p->reg = tm3l_new_fw(d, g);
	return PTR_ERR_OR_ZERO(p->reg);
}

int ok_macro(struct device *d, struct priv *p)
{
	struct fw_info *f = &p->fw;

	p->reg = tm3l_new_fw(d, f);
	return PTR_ERR_OR_ZERO(p->reg);
}

/* Bug on one line; its twin passes the right data. */
// CHECK: tm3_layout.c:[[@LINE+1]]:{{.*}}: [TM3] registration data g is a struct gpu *, but tag tm3l_fw_type (in tm3l_new_fw()) is for struct fw_info
int bad_oneline(struct device *d, struct priv *p, struct gpu *g) { p->reg = tm3l_new_fw(d, g); return PTR_ERR_OR_ZERO(p->reg); }
int ok_oneline(struct device *d, struct priv *p, struct fw_info *f) { p->reg = tm3l_new_fw(d, f); return PTR_ERR_OR_ZERO(p->reg); }

/* Quiet: the tag is the macro's parameter. */
int quiet_param_tag(struct device *d, struct priv *p, struct gpu *g)
{
	p->reg = tm3l_new_any(d, &tm3l_fw_type, g);
	return PTR_ERR_OR_ZERO(p->reg);
}
