// The plugin loads into the configured clang (LLVM 14 to 19) and registers
// one checker per check ID in the kbound package; the models underneath are
// hidden.
// RUN: %clang_cc1 -load %kbound_plugin -analyzer-checker-help \
// RUN:   | FileCheck %s --check-prefix=HELP
// HELP-DAG: kbound.RL1 
// HELP-DAG: kbound.RL2 
// HELP-DAG: kbound.RL3 
// HELP-DAG: kbound.RL4 
// HELP-DAG: kbound.RL5 
// HELP-DAG: kbound.TM1 
// HELP-DAG: kbound.TM3 
// HELP-DAG: kbound.TM4 
// HELP-DAG: kbound.TM5 
// HELP-DAG: kbound.UA1 
// HELP-DAG: kbound.UA2 
// HELP-DAG: kbound.UA3 
// HELP-DAG: kbound.UA4 
// HELP-DAG: kbound.UA5 
// HELP-DAG: kbound.UA6 
// HELP-NOT: kbound.{{[A-Za-z]*}}Model
// The package options that add rows to the API table are listed.
// RUN: %clang_cc1 -load %kbound_plugin -analyzer-checker-option-help \
// RUN:   | FileCheck %s --check-prefix=OPTS
// OPTS-DAG: kbound:ExtraCreateFunctions
// OPTS-DAG: kbound:ExtraDropFunctions
// OPTS-DAG: kbound:ExtraFunctions

// Enabling the whole package analyzes a file without complaint.
// RUN: %kbound_cc1 -verify %s

// A file that is not a shared object is refused with a clear error.
// RUN: not %clang_cc1 -load %S/Inputs/not-a-plugin.so -analyze \
// RUN:   -analyzer-checker=core %s 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: error: unable to load plugin '{{.*}}not-a-plugin.so'

// A plugin built for another analyzer API version is refused, not run.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -shared -fPIC -x c %S/Inputs/old-api-plugin.c -o %t/old.so
// The analyzer names its own version, the configured clang's, exactly.
// RUN: %clang_cc1 -load %t/old.so -analyze -analyzer-checker=core %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OLD -DVERSION=%clang_version
// OLD: warning: checker plugin 'old.so' is not compatible with this version of the analyzer
// OLD: note: current API version is '[[VERSION]]', but plugin was compiled with version '13.0.0'

// expected-no-diagnostics
int main(void) { return 0; }
