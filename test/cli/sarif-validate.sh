#!/usr/bin/env bash
# sarif-validate.sh CACHE FILE...: validate SARIF logs with Microsoft's SARIF
# multitool (npm package @microsoft/sarif-multitool), against both the SARIF
# 2.1.0 rules and GitHub code scanning's (--rule-kind "Sarif;Gh").
#
# The first run installs the package into CACHE (npm install --prefix, one
# install at a time under a lock); later runs are offline. It prints every
# error and warning and exits 0 when there are none, 1 when there are, and 2
# when it could not validate (no npm, a failed install, a multitool that did
# not run or analyzed no file): a test that uses it fails, never skips.
#
# The package's own command (npx sarif-multitool, its bin.js) runs the tool
# through a shell that splits "Sarif;Gh" and paths with spaces, so the
# native executable it points to (require('@microsoft/sarif-multitool')) is
# run directly.
set -uo pipefail
PKG=@microsoft/sarif-multitool@5.7.0
cache=${1:?usage: sarif-validate.sh CACHE FILE...}
shift
[ $# -gt 0 ] || { echo "sarif-validate: no SARIF file given" >&2; exit 2; }
fail() { echo "sarif-validate: $*" >&2; exit 2; }
command -v node >/dev/null && command -v npm >/dev/null ||
	fail "node and npm are needed to install $PKG"
mkdir -p "$cache" || fail "cannot create $cache"
# Node trusts only its own CA list; also trust the system's (a proxy's CA
# is installed there; lit passes no NODE_EXTRA_CA_CERTS to the test).
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ]; then
	for ca in "${SSL_CERT_FILE:-}" /etc/ssl/certs/ca-certificates.crt; do
		[ -n "$ca" ] && [ -f "$ca" ] && { export NODE_EXTRA_CA_CERTS=$ca; break; }
	done
fi
mod=$cache/node_modules/@microsoft/sarif-multitool
exec 9>"$cache/.lock" && flock 9 || fail "cannot lock $cache/.lock"
if [ ! -f "$mod/package.json" ]; then
	npm install --prefix "$cache" --cache "$cache/npm-cache" --no-audit \
		--no-fund --loglevel=error "$PKG" >"$cache/install.log" 2>&1 ||
		{ cat "$cache/install.log" >&2; fail "npm install $PKG failed"; }
fi
exec 9>&-
tool=$(node -e 'process.stdout.write(require(process.argv[1]))' "$mod") ||
	fail "cannot find the multitool's executable in $mod"
[ -x "$tool" ] || fail "$tool is not executable"
# No ICU on a minimal machine: .NET's invariant globalization mode.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
tmp=$(mktemp -d) || fail "cannot create a temporary folder"
trap 'rm -rf "$tmp"' EXIT
rc=0
for file in "$@"; do
	[ -f "$file" ] || fail "$file: no such file"
	"$tool" validate --rule-kind "Sarif;Gh" --log ForceOverwrite \
		-o "$tmp/validation.sarif" "$file" >"$tmp/out.txt" 2>&1 ||
		{ cat "$tmp/out.txt" >&2; fail "the multitool failed on $file"; }
	# Its exit status is 0 whatever it finds: read its own SARIF log.
	python3 - "$tmp/validation.sarif" "$file" <<'PY' || rc=$?
import json, sys
try:
    run = json.load(open(sys.argv[1]))["runs"][0]
except (OSError, ValueError, KeyError, IndexError) as e:
    print("sarif-validate: no validation log for %s: %s" % (sys.argv[2], e))
    sys.exit(2)
inv = (run.get("invocations") or [{}])[0]
notes = inv.get("toolConfigurationNotifications", []) + inv.get("toolExecutionNotifications", [])
errs = [n for n in notes if n.get("level", "warning") == "error"]
if errs or not inv.get("executionSuccessful", False):
    for n in errs:
        print("sarif-validate: %s: %s" % (sys.argv[2], n.get("message", {}).get("text")))
    sys.exit(2)
bad = [r for r in run.get("results", []) if r.get("level", "warning") in ("error", "warning")]
print("%s: %d error(s) and warning(s)" % (sys.argv[2], len(bad)))
sys.exit(1 if bad else 0)
PY
	[ $rc -ne 2 ] || exit 2
	[ $rc -eq 0 ] || grep -E ': (error|warning) ' "$tmp/out.txt"
done
exit $rc
