// TM1 linked by device name within one file: the parent creates
// "<modname>.snd" only with sa_tag; the auxiliary driver bound to that name
// fetches with sb_tag.
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct sa_info { int a; };
struct sb_info { long b; };
DEFINE_AUXILIARY_REGDATA_TYPE(sa_tag, struct sa_info);
DEFINE_AUXILIARY_REGDATA_TYPE(sb_tag, struct sb_info);

struct sx_priv {
	struct auxiliary_registration *snd, *ctl, *mix_a, *mix_b;
};

static int sx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct sx_priv *p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	struct sa_info sa = { 1 };
	struct sb_info sb = { 2 };

	if (!p)
		return -ENOMEM;
	p->snd = devm_auxiliary_registration_new(&pdev->dev, "snd", 0, KBUILD_MODNAME, &sa_tag, &sa); // expected-note {{is created with tag}}
	if (IS_ERR(p->snd))
		return PTR_ERR(p->snd);
	p->ctl = devm_auxiliary_registration_new(&pdev->dev, "ctl", 0, KBUILD_MODNAME, &sb_tag, &sb);
	if (IS_ERR(p->ctl))
		return PTR_ERR(p->ctl);
	/* "mix" exists with both tags: a driver may probe either. */
	p->mix_a = devm_auxiliary_registration_new(&pdev->dev, "mix", 0, KBUILD_MODNAME, &sa_tag, &sa);
	if (IS_ERR(p->mix_a))
		return PTR_ERR(p->mix_a);
	p->mix_b = devm_auxiliary_registration_new(&pdev->dev, "mix", 1, KBUILD_MODNAME, &sb_tag, &sb);
	if (IS_ERR(p->mix_b))
		return PTR_ERR(p->mix_b);
	pci_set_drvdata(pdev, p);
	return 0;
}

static struct pci_driver sx_driver = {
	.name = "sx",
	.probe = sx_probe,
};

/* ---- positive ---- */
static int snd_probe(struct auxiliary_device *adev, const struct auxiliary_device_id *id)
{
	struct sb_info *sb = auxiliary_registration_data(adev, &sb_tag); // expected-warning {{[TM1]}}

	if (IS_ERR(sb))
		return PTR_ERR(sb);
	return sb->b ? 0 : -EINVAL;
}

static const struct auxiliary_device_id snd_ids[] = {
	{ .name = KBUILD_MODNAME ".snd" },
	{ }
};

static struct auxiliary_driver snd_driver = {
	.name = "snd",
	.probe = snd_probe,
	.id_table = snd_ids,
};

/* ---- negatives ---- */
static int ctl_probe(struct auxiliary_device *adev, const struct auxiliary_device_id *id)
{
	struct sb_info *sb = auxiliary_registration_data(adev, &sb_tag);

	if (IS_ERR(sb))
		return PTR_ERR(sb);
	return sb->b ? 0 : -EINVAL;
}

static const struct auxiliary_device_id ctl_ids[] = {
	{ .name = KBUILD_MODNAME ".ctl" },
	{ }
};

static struct auxiliary_driver ctl_driver = {
	.name = "ctl",
	.probe = ctl_probe,
	.id_table = ctl_ids,
};

static int mix_probe(struct auxiliary_device *adev, const struct auxiliary_device_id *id)
{
	struct sb_info *sb = auxiliary_registration_data(adev, &sb_tag);

	if (IS_ERR(sb))
		return PTR_ERR(sb);
	return sb->b ? 0 : -EINVAL;
}

static const struct auxiliary_device_id mix_ids[] = {
	{ .name = KBUILD_MODNAME ".mix" },
	{ }
};

static struct auxiliary_driver mix_driver = {
	.name = "mix",
	.probe = mix_probe,
	.id_table = mix_ids,
};

/* Also bound to a name no code in this file creates: another parent may
 * register it with sb_tag, so say nothing. */
static int ext_probe(struct auxiliary_device *adev, const struct auxiliary_device_id *id)
{
	struct sb_info *sb = auxiliary_registration_data(adev, &sb_tag);

	if (IS_ERR(sb))
		return PTR_ERR(sb);
	return sb->b ? 0 : -EINVAL;
}

static const struct auxiliary_device_id ext_ids[] = {
	{ .name = KBUILD_MODNAME ".snd" },
	{ .name = "other_parent.snd" },
	{ }
};

static struct auxiliary_driver ext_driver = {
	.name = "ext",
	.probe = ext_probe,
	.id_table = ext_ids,
};
