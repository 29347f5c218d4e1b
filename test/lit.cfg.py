# -*- Python -*-
# The kbound lit suite: checker (-verify), cocci (spatch + FileCheck),
# fixtures (ASan runs of the fixture drivers) and runtime unit tests.
import os
import subprocess
import sys
import tempfile

# Paths go into RUN lines quoted (sh), %s/%t and friends too (QuotedShTest):
# the checkout may live in a folder with spaces, quotes or '$' in its name.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kbound_lit_format import QuotedShTest, sh  # noqa: E402

config.name = "kbound"
config.test_format = QuotedShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.kbound_obj_root, "test")
# Inputs/ hold headers and inputs used by tests; kernel/ holds the scripts for
# real-kernel runs, which need a kernel tree and are not part of this suite.
config.excludes = ["Inputs", "kernel", "lit.cfg.py", "lit.site.cfg.py.in",
                   "CMakeLists.txt", "README.md", "kbound_lit_format.py",
                   "__pycache__"]

config.environment["KBOUND_REAL_SPATCH"] = config.kbound_spatch or "spatch"
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
# The scripts under test (bin/kbound-check, bin/kbound) use the build under
# test, not whatever build/ the checkout happens to hold.
config.environment["KBOUND_BUILD"] = obj
clang = config.kbound_clang
resource_dir = subprocess.check_output(
    [clang, "-print-resource-dir"], text=True).strip()
# The configured clang's version (kbound builds against LLVM 14 to 19, see
# docs/llvm-versions.md); tests that print it take it from here.
clang_version = subprocess.check_output(
    [clang, "-dumpversion"], text=True).strip()
llvm_major = clang_version.split(".")[0]
# The plugin only loads into the clang major it was built for: a build
# configured against another LLVM than the clang given here cannot pass.
try:
    with open(os.path.join(config.kbound_obj_root, "share", "kbound",
                           "llvm-major")) as f:
        built_major = f.read().strip()
except OSError:
    built_major = llvm_major
if built_major != llvm_major:
    lit_config.fatal("this build's plugin is for LLVM %s, but the configured "
                     "clang %s is %s" % (built_major, clang, clang_version))
fixtures_include = os.path.join(src, "kernel-fixtures", "include")
plugin = os.path.join(obj, "checker", "kbound.so")

clang_cc1 = "%s -cc1 -internal-isystem %s -nostdsysteminc" % (
    sh(clang), sh(os.path.join(resource_dir, "include")))
kbound_cc1 = ("%s -analyze -load %s -analyzer-checker=core,kbound -I %s"
              % (clang_cc1, sh(plugin), sh(fixtures_include)))

# Every path is one quoted shell word (a path followed by /name stays one
# word: '/my dir/x'/name). Longest names first: lit substitutes in order,
# and %kbound is a prefix of the others.
config.substitutions += [
    ("%kbound_plugin", sh(plugin)),
    ("%kbound_facts_cc1", "%s -load %s -plugin kbound-facts -I %s" % (
        clang_cc1, sh(plugin), sh(fixtures_include))),
    ("%kbound_facts_db", "%s %s" % (
        sh(sys.executable), sh(os.path.join(src, "bin", "kbound-facts-db.py")))),
    ("%kbound_cc1", kbound_cc1),
    ("%kbound", sh(os.path.join(src, "bin", "kbound"))),
    ("%llvm_root", sh(config.llvm_root)),
    ("%llvm_major", llvm_major),
    ("%clang_version", clang_version),
    ("%clang_cc1", clang_cc1),
    ("%clang", sh(clang)),
    ("%fixtures_include", sh(fixtures_include)),
    ("%fixtures_src", sh(os.path.join(src, "kernel-fixtures"))),
    ("%fixture_bin", sh(os.path.join(obj, "kernel-fixtures", "plain"))),
    ("%fixture_asan", sh(os.path.join(obj, "kernel-fixtures", "asan"))),
    ("%scan_build", sh(config.kbound_scan_build)),
    # spatch through spatch-safe-paths.sh: it cannot take a file under a
    # folder with spaces or quotes in -D context/patch (see there).
    ("%spatch", sh(os.path.join(src, "test", "spatch-safe-paths.sh"))),
    ("%cocci", sh(os.path.join(src, "cocci"))),
    ("%root", sh(src)),
    ("%build", sh(obj)),
    # %expect_exit N CMD...: run CMD, succeed if and only if it exits with
    # status N (lit's own 'not' only knows zero and non-zero). Redirections
    # after CMD apply to it.
    ("%expect_exit", "bash -c '\"$@\"; test $? -eq \"$0\"'"),
]

if os.geteuid() == 0:
    config.available_features.add("root")
    # "nobody-tmp": user 65534 can run a script from a fresh temporary folder
    # (setpriv exists, the temporary folder is reachable by everyone). The
    # tests that run kbound unprivileged copy what they run there, so they
    # do not depend on the checkout's own permissions.
    try:
        probe = tempfile.mkdtemp(prefix="kbound-lit-")
        os.chmod(probe, 0o755)
        r = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
             "test", "-r", probe, "-a", "-x", probe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if r.returncode == 0:
            config.available_features.add("nobody-tmp")
        os.rmdir(probe)
    except OSError:
        pass
if config.kbound_spatch:
    config.available_features.add("spatch")
# The build folder's path has no white space or quotes: spatch's -D patch
# and -D context (diff through /bin/sh, unquoted) work on files under it.
import re as _re
if _re.match(r"^[A-Za-z0-9._/+,:=@-]*$", obj):
    config.available_features.add("safe-build-path")
