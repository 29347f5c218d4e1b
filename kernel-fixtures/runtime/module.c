// SPDX-License-Identifier: GPL-2.0
/* Modules linked into one executable: module_init/module_exit constructors
 * record their functions here; the harness loads (inits in link order) and
 * unloads (exits in reverse) them. */
#include "kbound_internal.h"
#include <linux/module.h>

struct kb_module {
	const char *name;
	int (*init)(void);
	void (*exit)(void);
	bool loaded;
};

#define KB_MAX_MODULES 64
static struct kb_module kb_modules[KB_MAX_MODULES];
static int kb_nr_modules;

static struct kb_module *kb_module_get(const char *name)
{
	int i;

	for (i = 0; i < kb_nr_modules; i++)
		if (!strcmp(kb_modules[i].name, name))
			return &kb_modules[i];
	if (kb_nr_modules == KB_MAX_MODULES) {
		fprintf(stderr, "kbound: too many modules\n");
		abort();
	}
	kb_modules[kb_nr_modules].name = name;
	return &kb_modules[kb_nr_modules++];
}

void __kbound_register_initcall(const char *modname, int (*init)(void))
{
	kb_module_get(modname)->init = init;
}

void __kbound_register_exitcall(const char *modname, void (*exit)(void))
{
	kb_module_get(modname)->exit = exit;
}

int kbound_modules_load(void)
{
	int i, failed = 0;

	for (i = 0; i < kb_nr_modules; i++) {
		struct kb_module *m = &kb_modules[i];
		int ret;

		if (m->loaded)
			continue;
		ret = m->init ? m->init() : 0;
		if (ret) {
			/* Like insmod: a failed init leaves the module out,
			 * and its exit is never called. */
			kbound_note_probe_failure("module_init", m->name, ret);
			failed++;
			continue;
		}
		m->loaded = true;
	}
	return failed;
}

void kbound_modules_unload(void)
{
	int i;

	for (i = kb_nr_modules - 1; i >= 0; i--) {
		struct kb_module *m = &kb_modules[i];

		if (!m->loaded)
			continue;
		if (m->exit)
			m->exit();
		m->loaded = false;
	}
}
