// RL2 where IS_ERR() is a conditional expression: each bug next to its
// correct twin.  The CHECK lines are read by ../rl2_layout.test.
#include <linux/auxiliary_bus.h>
#include <linux/err.h>

struct foo {
	struct auxiliary_registration *reg;
	int x;
};

int rl2l_other(struct foo *f);

/* Bug: the returned conditional is the check; success returns 0 with the
 * registration held only by the local. */
int bad_ret_cond(struct device *d, struct foo *f)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(d, "x", 0, "m", NULL, f);
// CHECK: rl2_layout.c:[[@LINE+1]]:{{.*}}: [RL2] registration reg (auxiliary_registration_new() at line [[@LINE-1]]) is held only by a local
	return IS_ERR(reg) ? PTR_ERR(reg) : 0;
}

/* Correct twin: stored first. */
int ok_ret_cond(struct device *d, struct foo *f)
{
	struct auxiliary_registration *reg;

	reg = auxiliary_registration_new(d, "x", 0, "m", NULL, f);
	f->reg = reg;
	return IS_ERR(reg) ? PTR_ERR(reg) : 0;
}

/* Bug on one line, PTR_ERR_OR_ZERO() and an initialized local. */
// CHECK: rl2_layout.c:[[@LINE+1]]:{{.*}}: [RL2] registration reg (auxiliary_registration_new() at line [[@LINE+1]])
int bad_oneline(struct device *d, struct foo *f) { struct auxiliary_registration *reg = auxiliary_registration_new(d, "x", 0, "m", NULL, f); return PTR_ERR_OR_ZERO(reg); }

/* Correct twin on one line. */
int ok_oneline(struct device *d, struct foo *f) { struct auxiliary_registration *reg = auxiliary_registration_new(d, "x", 0, "m", NULL, f); f->reg = reg; return PTR_ERR_OR_ZERO(reg); }

/* Bug: the check assigned from the conditional, a later error path
 * returns without the drop. */
int bad_assign_cond(struct device *d, struct foo *f)
{
	struct auxiliary_registration *reg;
	int ret;

	reg = auxiliary_registration_new(d, "x", 0, "m", NULL, f);
	ret = IS_ERR(reg) ? PTR_ERR(reg) : 0;
	if (ret)
		return ret;
	ret = rl2l_other(f);
	if (ret)
// CHECK: rl2_layout.c:[[@LINE+1]]:{{.*}}: [RL2] registration reg (auxiliary_registration_new() at line [[@LINE-6]])
		return ret;
	f->reg = reg;
	return 0;
}

/* Correct twin: the later error path drops it. */
int ok_assign_cond(struct device *d, struct foo *f)
{
	struct auxiliary_registration *reg;
	int ret;

	reg = auxiliary_registration_new(d, "x", 0, "m", NULL, f);
	ret = PTR_ERR_OR_ZERO(reg);
	if (ret)
		return ret;
	ret = rl2l_other(f);
	if (ret) {
		auxiliary_registration_drop(reg);
		return ret;
	}
	f->reg = reg;
	return 0;
}
