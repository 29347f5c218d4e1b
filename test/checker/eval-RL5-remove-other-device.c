// RL5 in .remove when the only delete-like call there is on another device:
// `cx_unregister(&cx->spi->adev)` cannot delete `&cx->i2c->adev`. A
// delete-like call on the same device, its container or the driver data (or
// one we cannot follow) still keeps the half teardown quiet.
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct cx_sub {
	struct auxiliary_device adev;
};

struct cx {
	struct cx_sub *i2c;
	struct cx_sub *spi;
};

void cx_unregister(struct auxiliary_device *adev); /* not visible here */
void cx_unregister_all(struct cx *cx);
void cx_del_sub(struct cx_sub *sub);

/* ---- positive: the i2c device is uninit'ed, never deleted ---- */
static void cx_remove(struct pci_dev *pdev)
{
	struct cx *cx = pci_get_drvdata(pdev);

	if (cx->spi)
		cx_unregister(&cx->spi->adev);
	if (cx->i2c)
		auxiliary_device_uninit(&cx->i2c->adev);
	kfree(cx);
} // expected-warning {{[RL5]}}

static struct pci_driver cx_driver = {
	.name = "cx",
	.remove = cx_remove,
};

/* ---- negative: the delete-like call gets the driver data ---- */
static void cx2_remove(struct pci_dev *pdev)
{
	struct cx *cx = pci_get_drvdata(pdev);

	cx_unregister_all(cx);
	auxiliary_device_uninit(&cx->i2c->adev);
	kfree(cx);
}

/* ---- negative: the delete-like call gets the device's container ---- */
static void cx3_remove(struct pci_dev *pdev)
{
	struct cx *cx = pci_get_drvdata(pdev);

	cx_del_sub(cx->i2c);
	auxiliary_device_uninit(&cx->i2c->adev);
	kfree(cx);
}

/* ---- negative: the same device ---- */
static void cx4_remove(struct pci_dev *pdev)
{
	struct cx *cx = pci_get_drvdata(pdev);

	cx_unregister(&cx->i2c->adev);
	auxiliary_device_uninit(&cx->i2c->adev);
	kfree(cx);
}

static struct pci_driver cx_drivers[] = {
	{ .name = "cx2", .remove = cx2_remove },
	{ .name = "cx3", .remove = cx3_remove },
	{ .name = "cx4", .remove = cx4_remove },
};
