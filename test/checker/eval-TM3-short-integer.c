// TM3 when data points to an integer smaller than the tag's type: the
// creation copies sizeof(tag type) bytes and reads past it.
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>

struct hw_caps {
	u32 caps;
	u32 rev;
};
DEFINE_AUXILIARY_REGDATA_TYPE(caps_tag, struct hw_caps);

/* ---- positives ---- */
struct auxiliary_registration *scalar_short(struct pci_dev *pdev)
{
	u32 caps = 3;

	return auxiliary_registration_new(&pdev->dev, "hc", 0, KBUILD_MODNAME, &caps_tag, &caps); // expected-warning {{[TM3]}}
}

struct auxiliary_registration *array_short(struct pci_dev *pdev, u16 *words)
{
	u16 w[2] = { 1, 2 };

	return auxiliary_registration_new(&pdev->dev, "hc", 1, KBUILD_MODNAME, &caps_tag, w); // expected-warning {{[TM3]}}
}

/* ---- negatives: byte/word views as large as the type, and the type itself ---- */
struct auxiliary_registration *array_ok(struct pci_dev *pdev)
{
	u32 raw[2] = { 3, 1 };

	return auxiliary_registration_new(&pdev->dev, "hc", 2, KBUILD_MODNAME, &caps_tag, raw);
}

struct auxiliary_registration *bytes_ok(struct pci_dev *pdev, const u8 *blob)
{
	return auxiliary_registration_new(&pdev->dev, "hc", 3, KBUILD_MODNAME, &caps_tag, blob);
}

struct auxiliary_registration *struct_ok(struct pci_dev *pdev)
{
	struct hw_caps hc = { 3, 1 };

	return auxiliary_registration_new(&pdev->dev, "hc", 4, KBUILD_MODNAME, &caps_tag, &hc);
}
