// A bare put_device() of a device this path did not set up drops one
// reference, often the one the driver took with get_device() when it stored
// the device (dell_smbios_unregister_device()); the caller holds its own.
// A use after it is not reported. An unregister is a teardown: a use after
// it is UA1 whoever set the device up.
// RUN: %kbound_cc1 -verify %s
#include <linux/device.h>
#include <linux/printk.h>

struct entry {
	struct device *device;
	int id;
};
void entry_unlink(struct entry *e);
void note_name(const char *name);

static struct entry entries[8];
void lock(void);
void unlock(void);

/* Quiet: drops the reference taken when the device was stored. */
void unregister_stored(struct device *d)
{
	int i;

	lock();
	for (i = 0; i < 8; i++) {
		if (entries[i].device == d) {
			entry_unlink(&entries[i]);
			put_device(d);
			break;
		}
	}
	unlock();
	note_name(d->driver->name);
}

struct foo {
	struct device dev;
	int id;
};

/* UA1: the unregister may free it (its release frees the container). */
int unregister_then_use(struct foo *foo)
{
	device_unregister(&foo->dev);
	return foo->id; // expected-warning {{[UA1]}}
}
