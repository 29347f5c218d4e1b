// The platform device family (platform_device_alloc/add/del/put/register/
// unregister) through the same lifetime model: RL4, RL5, UA1, UA2, UA5,
// with the correct idioms real drivers use.
// RUN: %kbound_cc1 -verify %s
#include <linux/errno.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct pdata {
	int irq;
};

/* RL4: platform_device_add() fails and the path returns without the put. */
struct platform_device *add_fail_leak(const struct pdata *pd)
{
	struct platform_device *pdev = platform_device_alloc("foo", -1);
	int ret;

	if (!pdev)
		return ERR_PTR(-ENOMEM);
	ret = platform_device_add_data(pdev, pd, sizeof(*pd));
	if (ret)
		goto err_put;
	ret = platform_device_add(pdev);
	if (ret)
		return ERR_PTR(ret); // expected-warning {{[RL4] platform_device_alloc() succeeded but the device becomes unreachable without platform_device_put()}}
	return pdev;
err_put:
	platform_device_put(pdev);
	return ERR_PTR(ret);
}

/* Correct: every failure after the alloc puts it. */
struct platform_device *add_fail_put(const struct pdata *pd)
{
	struct platform_device *pdev = platform_device_alloc("foo", -1);
	int ret;

	if (!pdev)
		return ERR_PTR(-ENOMEM);
	ret = platform_device_add_data(pdev, pd, sizeof(*pd));
	if (ret)
		goto err_put;
	ret = platform_device_add(pdev);
	if (ret)
		goto err_put;
	return pdev;
err_put:
	platform_device_put(pdev);
	return ERR_PTR(ret);
}

/* UA2: kfree() of an allocated platform device. */
int add_fail_kfree(void)
{
	struct platform_device *pdev = platform_device_alloc("bar", 0);
	int ret;

	if (!pdev)
		return -ENOMEM;
	ret = platform_device_add(pdev);
	if (ret) {
		kfree(pdev); // expected-warning {{[UA2] kfree() of a platform device (or the structure that contains it) after platform_device_alloc() succeeded}} expected-warning {{[RL4] platform_device_alloc() succeeded but this path frees the device with kfree() instead of platform_device_put()}}
		return ret;
	}
	return 0;
}

/* RL4: platform_device_register() failed; the put is still owed. */
int register_fail(struct platform_device *pdev)
{
	int ret = platform_device_register(pdev);

	if (ret)
		return ret; // expected-warning {{[RL4] after platform_device_register() the device is initialized (even when it fails), but this error path returns without platform_device_put()}}
	return 0;
}

/* Correct: a static board device is not followed on failure. */
static struct platform_device board_dev = { .name = "board", .id = -1 };

int register_static(void)
{
	return platform_device_register(&board_dev);
}

/* UA1: use after platform_device_unregister(). */
void unregister_then_use(struct platform_device *pdev)
{
	platform_device_unregister(pdev);
	pdev->id = 0; // expected-warning {{[UA1] Platform device accessed after platform_device_unregister()}}
}

/* UA1 through put_device() on the embedded struct device. */
void put_device_then_use(struct platform_device *pdev)
{
	platform_device_del(pdev);
	put_device(&pdev->dev);
	pdev->id = 0; // expected-warning {{[UA1] Platform device accessed after platform_device_put()}}
}

/* UA5: put before del. */
void put_before_del(struct platform_device *pdev)
{
	platform_device_put(pdev);
	platform_device_del(pdev); // expected-warning {{[UA5] platform_device_del() after platform_device_put()}}
}

/* Correct: del, then put; or unregister alone. */
void del_then_put(struct platform_device *pdev)
{
	platform_device_del(pdev);
	platform_device_put(pdev);
}

void unregister_only(struct platform_device *pdev)
{
	platform_device_unregister(pdev);
}
