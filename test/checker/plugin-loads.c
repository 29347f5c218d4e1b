// The plugin loads into clang-19 and registers the kbound package.
// RUN: %clang_cc1 -load %kbound_plugin -analyzer-checker-help \
// RUN:   | FileCheck %s --check-prefix=HELP
// HELP-DAG: kbound.RegistrationLeak
// HELP-DAG: kbound.TypeTag
// HELP-DAG: kbound.UseAfterUnbind

// Enabling the whole package analyzes a file without complaint.
// RUN: %kbound_cc1 -verify %s

// A file that is not a shared object is refused with a clear error.
// RUN: not %clang_cc1 -load %S/Inputs/not-a-plugin.so -analyze \
// RUN:   -analyzer-checker=core %s 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: error: unable to load plugin '{{.*}}not-a-plugin.so'

// A plugin built for another analyzer API version is refused, not run.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -shared -fPIC -x c %S/Inputs/old-api-plugin.c -o %t/old.so
// RUN: %clang_cc1 -load %t/old.so -analyze -analyzer-checker=core %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OLD
// OLD: warning: checker plugin 'old.so' is not compatible with this version of the analyzer
// OLD: note: current API version is '19.{{.*}}', but plugin was compiled with version '18.1.0'

// expected-no-diagnostics
int main(void) { return 0; }
