# -*- Python -*-
# The kbound lit suite: checker (-verify), cocci (spatch + FileCheck),
# fixtures (ASan runs of the fixture drivers) and runtime unit tests.
import os
import subprocess

import lit.formats

config.name = "kbound"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.kbound_obj_root, "test")
# Inputs/ hold headers and inputs used by tests; kernel/ holds the scripts for
# real-kernel runs, which need a kernel tree and are not part of this suite.
config.excludes = ["Inputs", "kernel", "lit.cfg.py", "lit.site.cfg.py.in",
                   "CMakeLists.txt", "README.md"]

llvm_bin = os.path.join(config.llvm_root, "bin")
config.environment["PATH"] = os.pathsep.join(
    [llvm_bin, os.environ.get("PATH", "")])
for var in ("HOME", "TMPDIR", "LANG", "LC_ALL"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
# Sanitizer runtimes: fail the process on the first report, deterministic.
config.environment["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=0:exitcode=23"
config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"

src = config.kbound_src_root
obj = config.kbound_obj_root
clang = config.kbound_clang
resource_dir = subprocess.check_output(
    [clang, "-print-resource-dir"], text=True).strip()
fixtures_include = os.path.join(src, "kernel-fixtures", "include")
plugin = os.path.join(obj, "checker", "kbound.so")

clang_cc1 = "%s -cc1 -internal-isystem %s/include -nostdsysteminc" % (
    clang, resource_dir)
kbound_cc1 = ("%s -analyze -load %s -analyzer-checker=core,kbound -I %s"
              % (clang_cc1, plugin, fixtures_include))

# Longest names first: lit substitutes in order, and %kbound is a prefix of
# the others.
config.substitutions += [
    ("%kbound_plugin", plugin),
    ("%kbound_cc1", kbound_cc1),
    ("%kbound", os.path.join(src, "bin", "kbound")),
    ("%clang_cc1", clang_cc1),
    ("%clang", clang),
    ("%fixtures_include", fixtures_include),
    ("%fixtures_src", os.path.join(src, "kernel-fixtures")),
    ("%fixture_bin", os.path.join(obj, "kernel-fixtures", "plain")),
    ("%fixture_asan", os.path.join(obj, "kernel-fixtures", "asan")),
    ("%scan_build", config.kbound_scan_build),
    ("%spatch", config.kbound_spatch or "spatch"),
    ("%cocci", os.path.join(src, "cocci")),
    ("%root", src),
    ("%build", obj),
]

if os.geteuid() == 0:
    config.available_features.add("root")
if config.kbound_spatch:
    config.available_features.add("spatch")
