// Error paths as a kernel build writes them, which the engine alone would
// lose: a dev_dbg() whose dynamic-debug test is an asm goto (the engine
// ends every path through one), ERR_PTR(ret) of a symbolic ret (an Unknown
// value to the engine), and a probe or __init function that keeps its
// device in a file-static variable for .remove or the module exit (which
// run only after it succeeded).
// RUN: %kbound_cc1 -verify %s
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/platform_device.h>

int setup_more(struct device *dev);
void release_regions(struct device *dev);

/* arch_static_branch(): the jump label behind dev_dbg() and static keys. */
static inline __attribute__((__always_inline__)) _Bool
static_branch(void *key)
{
	asm goto("jmp %l[l_yes]" : : "i"(key) : : l_yes);
	return 0;
l_yes:
	return 1;
}
static int dbg_key;
void __dynamic_dev_dbg(struct device *dev, const char *fmt, ...);
#undef dev_dbg /* the fixtures' one is a plain call */
#define dev_dbg(dev, ...)                                                     \
	do {                                                                  \
		if (static_branch(&dbg_key))                                  \
			__dynamic_dev_dbg(dev, __VA_ARGS__);                  \
	} while (0)

/* RL4: the path goes on after the dev_dbg() (zd1301_frontend_attach()). */
int debug_then_leak(struct device *parent)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_register_data(parent, "demod", -1, NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	ret = setup_more(&pdev->dev);
	if (ret)
		goto err;
	return 0;
err:
	dev_dbg(parent, "failed=%d\n", ret);
	return ret; // expected-warning {{[RL4]}}
}

/* Correct twin. */
int debug_then_unregister(struct device *parent)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_register_data(parent, "demod", -1, NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	ret = setup_more(&pdev->dev);
	if (ret)
		goto err_unregister;
	return 0;
err_unregister:
	platform_device_unregister(pdev);
	dev_dbg(parent, "failed=%d\n", ret);
	return ret;
}

/* RL4: ERR_PTR(ret) is an error return (sysfb_create_simplefb()). */
struct platform_device *errptr_leak(struct device *parent)
{
	struct platform_device *pd;
	int ret;

	pd = platform_device_alloc("simple-framebuffer", 0);
	if (!pd)
		return ERR_PTR(-ENOMEM);
	pd->dev.parent = parent;
	ret = platform_device_add_data(pd, NULL, 0);
	if (ret)
		return ERR_PTR(ret); // expected-warning {{[RL4]}}
	ret = platform_device_add(pd);
	if (ret)
		goto err_put;
	return pd;
err_put:
	platform_device_put(pd);
	return ERR_PTR(ret);
}

/* Correct twin. */
struct platform_device *errptr_put(struct device *parent)
{
	struct platform_device *pd;
	int ret;

	pd = platform_device_alloc("simple-framebuffer", 0);
	if (!pd)
		return ERR_PTR(-ENOMEM);
	ret = platform_device_add_data(pd, NULL, 0);
	if (ret)
		goto err_put;
	ret = platform_device_add(pd);
	if (ret)
		goto err_put;
	return pd;
err_put:
	platform_device_put(pd);
	return ERR_PTR(ret);
}

static struct platform_device *dmic_dev;

/* RL4: a probe keeps the device in a file-static variable for .remove, but
 * .remove never runs when the probe fails (acp_pci_probe()); the cleanup
 * call on the way out is not given the device and cannot reach the
 * static. */
static int acp_probe(struct platform_device *pci)
{
	int ret;

	dmic_dev = platform_device_register_data(&pci->dev, "dmic-codec", -1,
						 NULL, 0);
	if (IS_ERR(dmic_dev))
		return PTR_ERR(dmic_dev);
	ret = setup_more(&pci->dev);
	if (ret)
		goto release;
	return 0;
release:
	release_regions(&pci->dev);
	return ret; // expected-warning {{[RL4]}}
}

static void acp_remove(struct platform_device *pci)
{
	platform_device_unregister(dmic_dev);
}

static struct platform_driver acp_driver = {
	.probe = acp_probe,
	.remove = acp_remove,
};

static struct platform_device *other_dev;

/* Correct twin: the probe's error path unregisters it. */
static int other_probe(struct platform_device *pci)
{
	int ret;

	other_dev = platform_device_register_data(&pci->dev, "other", -1,
						  NULL, 0);
	if (IS_ERR(other_dev))
		return PTR_ERR(other_dev);
	ret = setup_more(&pci->dev);
	if (ret) {
		platform_device_unregister(other_dev);
		return ret;
	}
	return 0;
}

static struct platform_driver other_driver = {
	.probe = other_probe,
};

static struct platform_device *helper_dev;
void helper_teardown(void);

/* Quiet: not a probe or __init function. Whoever called it may tear down
 * what it left in the variable (helper_teardown() in the caller's error
 * path). */
int helper_keeps(struct device *parent)
{
	int ret;

	helper_dev = platform_device_register_simple("helper", -1, NULL, 0);
	if (IS_ERR(helper_dev))
		return PTR_ERR(helper_dev);
	ret = setup_more(parent);
	if (ret)
		return ret;
	return 0;
}

struct platform_device *shared_dev;

/* Quiet: an __init function whose error path calls a cleanup of another
 * file, which can reach a variable of external linkage. */
__attribute__((__section__(".init.text"))) int shared_init(void)
{
	int ret;

	shared_dev = platform_device_register_simple("shared", -1, NULL, 0);
	if (IS_ERR(shared_dev))
		return PTR_ERR(shared_dev);
	ret = setup_more(&shared_dev->dev);
	if (ret)
		goto err;
	return 0;
err:
	helper_teardown();
	return ret;
}

static struct platform_device *compal_device;
void *rfkill_alloc(const char *name);
static void *rfk;

static int setup_rfkill(void)
{
	rfk = rfkill_alloc("wifi");
	if (!rfk)
		return -ENOMEM;
	return 0;
}

/* Correct (compal_init()): the static is torn down through the ladder after
 * calls of other files (rfkill_alloc(), a table row) in an inlined helper. */
__attribute__((__section__(".init.text"))) int compal_init(void)
{
	int ret;

	compal_device = platform_device_alloc("compal", -1);
	if (!compal_device)
		return -ENOMEM;
	ret = platform_device_add(compal_device);
	if (ret)
		goto err_platform_device;
	ret = setup_rfkill();
	if (ret)
		goto err_rfkill;
	return 0;
err_rfkill:
	platform_device_del(compal_device);
err_platform_device:
	platform_device_put(compal_device);
	return ret;
}

static struct platform_device *sio_pdev[2];
int sio_find(int i);
int acpi_check_conflict(int addr);

/* Correct (nct6683's init): devices kept in a private array, torn down by
 * the ladder after calls of other files. */
__attribute__((__section__(".init.text"))) int sio_init(void)
{
	int i, err, addr;

	for (i = 0; i < 2; i++) {
		addr = sio_find(i);
		if (addr <= 0)
			continue;
		sio_pdev[i] = platform_device_alloc("sio", addr);
		if (!sio_pdev[i]) {
			err = -ENOMEM;
			goto exit_unregister;
		}
		err = acpi_check_conflict(addr);
		if (err)
			goto exit_put;
		err = platform_device_add(sio_pdev[i]);
		if (err)
			goto exit_put;
	}
	return 0;
exit_put:
	platform_device_put(sio_pdev[i]);
exit_unregister:
	while (--i >= 0)
		if (sio_pdev[i])
			platform_device_unregister(sio_pdev[i]);
	return err;
}
