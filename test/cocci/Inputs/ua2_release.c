// UA2 and device release callbacks.  Read by ../ua2_release.test.
//
// A release callback that frees its container is the correct idiom: the
// kfree() there is the release's own, whatever ran before it (a release
// that also deletes its own device, as rel_assigned() does, is UA7's
// concern, not UA2's).  Each release below is one way a function becomes
// a release callback; each bad_* function has the same body outside a
// release and is UA2.
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>

struct device_type {
	const char *name;
	void (*release)(struct device *dev);
};

extern void qp_set_type(struct device *dev, const struct device_type *type);

struct qp {
	struct auxiliary_device adev;
	void *ring;
};

/* Installed with qp->adev.dev.release = ... (no *_release name). */
static void rel_assigned(struct device *dev)
{
	struct qp *qp = container_of(to_auxiliary_dev(dev), struct qp, adev);

	auxiliary_device_delete(&qp->adev);
	kfree(qp);
}

/* Installed with dev->release = ... */
static void rel_through_ptr(struct device *dev)
{
	struct qp *qp = container_of(dev, struct qp, adev.dev);

	auxiliary_device_delete(&qp->adev);
	kfree(qp);
}

/* A device_type's .release. */
static void rel_of_type(struct device *dev)
{
	struct qp *qp = container_of(dev, struct qp, adev.dev);

	auxiliary_device_delete(&qp->adev);
	kfree(qp);
}

static const struct device_type qp_type = {
	.name = "qp",
	.release = rel_of_type,
};

/* Not installed in this file, but named *_release and taking a device. */
static void qp_spare_release(struct device *dev)
{
	struct qp *qp = container_of(dev, struct qp, adev.dev);

	auxiliary_device_delete(&qp->adev);
	kfree(qp);
}

int qp_setup(struct qp *qp, struct qp *qp2, struct device *parent)
{
	struct device *dev = &qp2->adev.dev;
	int ret;

	qp->adev.dev.parent = parent;
	qp->adev.dev.release = rel_assigned;
	dev->release = rel_through_ptr;
	qp_set_type(dev, &qp_type);
	ret = auxiliary_device_init(&qp->adev);
	if (ret)
		return ret;
	ret = auxiliary_device_add(&qp->adev);
	if (ret) {
		auxiliary_device_uninit(&qp->adev);
		return ret;
	}
	return 0;
}

/* Bug: the same body in a teardown function. */
void bad_teardown(struct qp *qp)
{
	auxiliary_device_delete(&qp->adev);
// CHECK: ua2_release.c:[[@LINE+1]]:{{.*}}: [UA2] kfree(qp) after auxiliary_device_delete(&qp->adev) without auxiliary_device_uninit()
	kfree(qp);
}

/* Bug: takes a struct device *, but is neither installed as a release nor
 * named like one: an unplug handler. */
static void bad_unplug(struct device *dev)
{
	struct qp *qp = container_of(dev, struct qp, adev.dev);

	auxiliary_device_delete(&qp->adev);
// CHECK: ua2_release.c:[[@LINE+1]]:{{.*}}: [UA2] kfree(qp) after auxiliary_device_delete(&qp->adev) without auxiliary_device_uninit()
	kfree(qp);
}

void qp_unplug_all(struct device *dev)
{
	bad_unplug(dev);
}
