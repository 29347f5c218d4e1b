// UA5: auxiliary_device_uninit() before auxiliary_device_delete().
//
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %s
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua5_uninit_before_delete.cocci %s \
// RUN:   | sort -t: -k2,2n | FileCheck %s --implicit-check-not=[UA5]
// RUN: %spatch -D org --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua5_uninit_before_delete.cocci %s | count 2
// RUN: %spatch -D context --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua5_uninit_before_delete.cocci %s | FileCheck %s --check-prefix=CTX
// RUN: %spatch -D patch --very-quiet --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua5_uninit_before_delete.cocci %s > %t.diff
// RUN: FileCheck %s --check-prefix=PATCH < %t.diff
// RUN: cp %s %t.c && patch -s %t.c < %t.diff
// RUN: %clang_cc1 -fsyntax-only -I %fixtures_include %t.c
// RUN: %spatch -D report --very-quiet --no-show-diff --no-includes --include-headers \
// RUN:   --cocci-file %cocci/ua5_uninit_before_delete.cocci %t.c | count 0

#include <linux/auxiliary_bus.h>
#include <linux/slab.h>

struct foo {
	struct auxiliary_device adev;
	struct foo *next;
	int busy;
};

/* Bug: adjacent, swapped. */
void bad_swapped(struct foo *f)
{
// CHECK: ua5.c:[[@LINE+4]]:{{[0-9]+-[0-9]+}}: [UA5] auxiliary_device_uninit(&f->adev) before auxiliary_device_delete() at line [[@LINE+5]]
// CTX: -{{[[:space:]]+}}auxiliary_device_uninit(&f->adev);
// PATCH: -{{[[:space:]]+}}auxiliary_device_uninit(&f->adev);
// PATCH: +{{[[:space:]]+}}auxiliary_device_uninit(&f->adev);
	auxiliary_device_uninit(&f->adev);
	auxiliary_device_delete(&f->adev);
}

/* Bug: the device is used in between; the patch moves the uninit down. */
void bad_used_between(struct foo *f)
{
// CHECK: ua5.c:[[@LINE+1]]:{{[0-9]+-[0-9]+}}: [UA5] auxiliary_device_uninit(&f->adev) before auxiliary_device_delete()
	auxiliary_device_uninit(&f->adev);
	f->busy = dev_name(&f->adev.dev) != NULL;
	auxiliary_device_delete(&f->adev);
}

/* Correct: a loop whose body deletes then uninits. */
void good_loop(struct foo *head)
{
	struct foo *f;

	for (f = head; f; f = f->next) {
		auxiliary_device_delete(&f->adev);
		auxiliary_device_uninit(&f->adev);
	}
}

/* Correct: two different devices. */
void good_two(struct foo *a, struct foo *b)
{
	auxiliary_device_delete(&a->adev);
	auxiliary_device_uninit(&a->adev);
	auxiliary_device_delete(&b->adev);
	auxiliary_device_uninit(&b->adev);
}

/* Correct: devices added in a loop; the failing element is uninit alone
 * (its add failed), then while (--i >= 0) deletes and uninits the earlier
 * ones: once i changes, arr[i] is another device. */
int good_loop_unwind(struct foo **arr, int n)
{
	int i, ret;

	for (i = 0; i < n; i++) {
		ret = auxiliary_device_init(&arr[i]->adev);
		if (ret)
			goto unwind;
		ret = auxiliary_device_add(&arr[i]->adev);
		if (ret) {
			auxiliary_device_uninit(&arr[i]->adev);
			goto unwind;
		}
	}
	return 0;
unwind:
	while (--i >= 0) {
		auxiliary_device_delete(&arr[i]->adev);
		auxiliary_device_uninit(&arr[i]->adev);
	}
	return ret;
}
