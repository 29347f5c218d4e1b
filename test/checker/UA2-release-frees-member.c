// UA2 on members: after the put that runs the release, a kfree() of memory
// the release callback kfree()s through a member (platform_data, a name) is
// a double free. The platform core's release frees platform_data.
// RUN: %kbound_cc1 -verify %s
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct client {
	struct auxiliary_device auxdev;
	int id;
};

static void client_release(struct device *dev)
{
	struct auxiliary_device *auxdev = to_auxiliary_dev(dev);

	kfree(auxdev->dev.platform_data);
	kfree(container_of(auxdev, struct client, auxdev));
}

/* The usb-ljca shape (upstream 7c9631969287): the callee uninits on a failed
 * add, its release frees platform_data, the caller frees it again. */
static int new_client(struct device *parent, void *data)
{
	struct client *client = kzalloc(sizeof(*client), GFP_KERNEL);
	int ret;

	if (!client)
		return -ENOMEM;
	client->auxdev.name = "gpio";
	client->auxdev.dev.parent = parent;
	client->auxdev.dev.platform_data = data;
	client->auxdev.dev.release = client_release;
	ret = auxiliary_device_init(&client->auxdev);
	if (ret) {
		kfree(client);
		return ret;
	}
	ret = auxiliary_device_add(&client->auxdev);
	if (ret) {
		auxiliary_device_uninit(&client->auxdev);
		return ret;
	}
	return 0;
}

int enumerate_bad(struct device *parent)
{
	int *info = kzalloc(sizeof(*info), GFP_KERNEL);
	int ret;

	if (!info)
		return -ENOMEM;
	ret = new_client(parent, info);
	if (ret)
		kfree(info); // expected-warning {{[UA2] kfree() of memory that the device's release callback already freed}}
	return ret;
}

/* Correct: the release owns it once the call was made. (On an init failure
 * this leaks info, but frees nothing twice.) */
int enumerate_ok(struct device *parent)
{
	int *info = kzalloc(sizeof(*info), GFP_KERNEL);

	if (!info)
		return -ENOMEM;
	return new_client(parent, info);
}

/* Platform: platform_device_put() frees platform_data. */
int platform_data_twice(void *pdata)
{
	struct platform_device *pdev = platform_device_alloc("foo", -1);
	int ret;

	if (!pdev)
		return -ENOMEM;
	pdev->dev.platform_data = pdata;
	ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		kfree(pdata); // expected-warning {{[UA2] kfree() of memory that the device's release callback already freed}}
	}
	return ret;
}

/* Correct: platform_device_add_data() copies; the caller's copy is its own. */
int platform_data_copied(void)
{
	struct platform_device *pdev;
	int *pdata = kzalloc(sizeof(*pdata), GFP_KERNEL);
	int ret = -ENOMEM;

	if (!pdata)
		return -ENOMEM;
	pdev = platform_device_alloc("foo", -1);
	if (!pdev)
		goto out;
	ret = platform_device_add_data(pdev, pdata, sizeof(*pdata));
	if (!ret)
		ret = platform_device_add(pdev);
	if (ret)
		platform_device_put(pdev);
out:
	kfree(pdata);
	return ret;
}

struct foo_dev {
	struct device dev;
	char *name;
	int *buf;
};

static void foo_dev_release(struct device *dev)
{
	struct foo_dev *fd = container_of(dev, struct foo_dev, dev);

	kfree(fd->name);
	kfree(fd);
}

/* Generic: a member of the container the release frees. */
int foo_name_twice(struct device *parent)
{
	struct foo_dev *fd = kzalloc(sizeof(*fd), GFP_KERNEL);
	char *name = kzalloc(8, GFP_KERNEL);
	int ret;

	if (!fd || !name) {
		kfree(fd);
		kfree(name);
		return -ENOMEM;
	}
	fd->name = name;
	fd->dev.parent = parent;
	fd->dev.release = foo_dev_release;
	ret = device_register(&fd->dev);
	if (ret) {
		put_device(&fd->dev);
		kfree(name); // expected-warning {{[UA2] kfree() of memory that the device's release callback already freed}}
	}
	return ret;
}

/* Correct: a member the release does not free is the owner's to free. */
int foo_buf_ok(struct device *parent)
{
	struct foo_dev *fd = kzalloc(sizeof(*fd), GFP_KERNEL);
	int *buf = kzalloc(8, GFP_KERNEL);
	int ret;

	if (!fd || !buf) {
		kfree(fd);
		kfree(buf);
		return -ENOMEM;
	}
	fd->buf = buf;
	fd->dev.parent = parent;
	fd->dev.release = foo_dev_release;
	ret = device_register(&fd->dev);
	if (ret) {
		put_device(&fd->dev);
		kfree(buf);
	}
	return ret;
}

struct hw {
	const char *name;
	struct device dev;	/* not first: container_of() goes back */
	char *label;
};

static void hw_release(struct device *dev)
{
	struct hw *hwdev = container_of(dev, struct hw, dev);

	kfree(hwdev->label);
	kfree(hwdev);
}

/* The hwmon shape (upstream ada61aa0b118): the error path after a failed
 * device_register() calls the release callback by hand. */
struct device *hw_register_bad(struct device *parent)
{
	struct hw *hwdev = kzalloc(sizeof(*hwdev), GFP_KERNEL);
	struct device *hdev;
	int err;

	if (!hwdev)
		return ERR_PTR(-ENOMEM);
	hdev = &hwdev->dev;
	hdev->parent = parent;
	hdev->release = hw_release;
	err = device_register(hdev);
	if (err)
		goto free_hw;
	return hdev;
free_hw:
	hw_release(hdev); // expected-warning {{[UA2] hw_release() called directly on a device after device_register()}} expected-warning {{[RL4]}}
	return ERR_PTR(err);
}

/* Correct: by hand only before the device is initialized. */
struct device *hw_register_ok(struct device *parent, int early)
{
	struct hw *hwdev = kzalloc(sizeof(*hwdev), GFP_KERNEL);
	struct device *hdev;
	int err;

	if (!hwdev)
		return ERR_PTR(-ENOMEM);
	hdev = &hwdev->dev;
	hdev->parent = parent;
	hdev->release = hw_release;
	if (early) {
		hw_release(hdev);
		return ERR_PTR(-EINVAL);
	}
	err = device_register(hdev);
	if (err) {
		put_device(hdev);
		return ERR_PTR(err);
	}
	return hdev;
}

/* The release installed through a class's dev_release (hwmon's shape). */
struct cls_dev {
	struct device dev;
	int id;
};

static void cls_release(struct device *dev)
{
	kfree(container_of(dev, struct cls_dev, dev));
}

struct class {
	const char *name;
	void (*dev_release)(struct device *dev);
};

static const struct class cls_class = {
	.name = "cls",
	.dev_release = cls_release,
};

int cls_register_bad(void)
{
	struct cls_dev *cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	int err;

	if (!cd)
		return -ENOMEM;
	err = device_register(&cd->dev);
	if (err)
		cls_release(&cd->dev); // expected-warning {{[UA2] cls_release() called directly}} expected-warning {{[RL4]}}
	return err;
}
