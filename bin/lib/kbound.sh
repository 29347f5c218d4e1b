# shellcheck shell=bash
# bin/lib/kbound.sh: what bin/kbound, bin/kbound-kernel-scan, bin/kbound-check
# and test/kernel/*.sh share. Sourced, never run. Set KB_PROG before sourcing
# to name the program in messages (default: kbound).
#
#   ROOT, BUILD       the checkout, and its build directory (KBOUND_BUILD,
#                     default ROOT/build, ROOT/build/llvm-N for LLVM N != 19)
#   LLVM              the LLVM installation, chosen here only (kb_set_llvm):
#                     KBOUND_LLVM_DIR, KBOUND_LLVM=N (bin/kbound --llvm N) or
#                     the newest installed; LLVM_SUFFIX is kbuild's LLVM=
#                     value and the tools' suffix (-19), CLANG, SCAN_BUILD,
#                     CCC (ccc-analyzer), LIT its tools; BUILD follows it
#   kb_plugin_fits    a plugin built for this clang, or a clear error
#   JOBS              parallel jobs (KBOUND_JOBS, default nproc)
#   die, note         messages; die exits 2
#   kb_tokens         the API words, as one grep -E expression (from the
#                     build's share/kbound/api-tokens.ere)
#   kb_lock TREE      one kbound run on TREE at a time
#   kb_kbuild_vars    make variables that keep a kernel tree's configuration
#   kb_install_shim   the clang-19 stand-in that hands kbuild's compiles to
#                     ccc-analyzer (the per-object benchmarks)
#   kb_scan_plugin    a copy of the plugin that the scan can load
#   kb_check_shim     bin/kbound-check as kbuild's CHECK=
#   kb_rules, kb_run_rule   the Coccinelle rules, one spatch run each
#   kb_facts_prune    drop facts units whose source changed
#   kb_facts_db       build a tree's facts database after its facts pass
#
# Paths may contain spaces and shell-special characters (', $, &): quote
# every expansion.

KB_PROG=${KB_PROG:-kbound}
die() { echo "$KB_PROG: error: $*" >&2; exit 2; }
note() { echo "$KB_PROG: $*" >&2; }

ROOT=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd) ||
	die "cannot find the kbound checkout from ${BASH_SOURCE[0]}"
# kb_set_llvm DIR: use the LLVM installation DIR (its clang analyzes, the
# plugin is built against it). Sets LLVM, LLVM_MAJOR, LLVM_SUFFIX (kbuild's
# LLVM= value and Debian's tool suffix, -19), CLANG, SCAN_BUILD, LIT, CCC,
# and BUILD: one build per clang major (a plugin loads into one clang major
# only), build/ for LLVM 19 and build/llvm-N for the others, unless
# KBOUND_BUILD names one.
kb_set_llvm() {
	LLVM=${1%/}
	LLVM_SUFFIX=
	# Debian names its versioned tools clang-19, scan-build-19 and kbuild
	# takes LLVM=-19; an LLVM directory not named llvm-N has unsuffixed
	# tools.
	case "${LLVM##*/}" in
	llvm-[0-9]*) LLVM_SUFFIX=-${LLVM##*/llvm-} ;;
	esac
	CLANG=$LLVM/bin/clang
	SCAN_BUILD=$LLVM/bin/scan-build
	LIT=$LLVM/build/utils/lit/lit.py
	CCC=/usr/share/clang/scan-build$LLVM_SUFFIX/libexec/ccc-analyzer
	[ -x "$CCC" ] || CCC=$LLVM/libexec/ccc-analyzer
	LLVM_MAJOR=${LLVM_SUFFIX#-}
	if [ -z "$LLVM_MAJOR" ] && [ -x "$CLANG" ]; then
		LLVM_MAJOR=$("$CLANG" -dumpversion 2>/dev/null || true)
		LLVM_MAJOR=${LLVM_MAJOR%%.*}
	fi
	if [ -n "${KBOUND_BUILD:-}" ]; then
		BUILD=$KBOUND_BUILD
	elif [ "${LLVM_MAJOR:-19}" = 19 ]; then
		BUILD=$ROOT/build
	else
		BUILD=$ROOT/build/llvm-$LLVM_MAJOR
	fi
}

# kb_newest_llvm: the newest Debian LLVM of those kbound is tested with (14
# to 19) whose clang is installed; 19 when none is. --llvm N picks another.
kb_newest_llvm() {
	local d n best=
	for d in /usr/lib/llvm-[0-9]*; do
		n=${d##*/llvm-}
		[[ $n =~ ^[0-9]+$ ]] && [ "$n" -ge 14 ] && [ "$n" -le 19 ] &&
			[ -x "$d/bin/clang" ] || continue
		[ -z "$best" ] || [ "$n" -gt "$best" ] && best=$n
	done
	echo "/usr/lib/llvm-${best:-19}"
}

# Which LLVM: KBOUND_LLVM_DIR (a directory), KBOUND_LLVM (a major version;
# bin/kbound --llvm N sets it), or the newest installed.
if [ -n "${KBOUND_LLVM_DIR:-}" ]; then
	kb_set_llvm "$KBOUND_LLVM_DIR"
elif [ -n "${KBOUND_LLVM:-}" ]; then
	[[ $KBOUND_LLVM =~ ^[0-9]+$ ]] && [ "$KBOUND_LLVM" -ge 14 ] ||
		die "KBOUND_LLVM / --llvm '$KBOUND_LLVM': give a major version, 14 or later (e.g. 19)"
	kb_set_llvm "/usr/lib/llvm-$KBOUND_LLVM"
else
	kb_set_llvm "$(kb_newest_llvm)"
fi

# kb_plugin_fits PLUGIN: die, saying what to do, unless PLUGIN was built for
# this clang's major version (the build records it in
# share/kbound/llvm-major): loaded into another major, a plugin dies with a
# "symbol lookup error" before kbound could say anything.
kb_plugin_fits() {
	local rec=$(dirname "$(dirname "$1")")/share/kbound/llvm-major built
	local have=$LLVM_MAJOR	# kb_set_llvm's: no clang run per checked file
	[ -r "$rec" ] || return 0
	built=$(head -n1 "$rec" || true)
	[ -z "$have" ] || [ "$built" = "$have" ] ||
		die "the plugin $1 was built for clang $built, but this run uses $CLANG (clang $have). Build one for clang $have: bin/kbound --llvm $have test (or set KBOUND_BUILD to a build made with it)"
}

JOBS=${KBOUND_JOBS:-$(nproc 2>/dev/null || echo 2)}

# kb_readable PATH...: die plainly when this user cannot read a part of the
# checkout (a clone in root's 0700 home run by another user, say) rather
# than fail somewhere inside the build.
kb_readable() {
	local p
	for p in "$@"; do
		if [ -d "$p" ]; then
			[ -r "$p" ] && [ -x "$p" ] && continue
		elif [ -r "$p" ]; then
			continue
		elif [ ! -e "$p" ] && [ -x "$(dirname "$p")" ]; then
			continue	# missing, not unreadable: the caller says what is wrong
		fi
		die "user $(id -un 2>/dev/null || id -u) (uid $(id -u)) cannot read the kbound checkout at $p.
Run kbound as the user who cloned it, or make the checkout readable (chmod -R a+rX $(printf '%q' "$ROOT"), and every folder above it searchable)."
	done
}

# kb_tokens [BUILD_DIR]: the words every user of the APIs kbound checks
# spells, as one extended regular expression (grep -E): a file that spells
# none has nothing for kbound to find. The build generates it from the
# checker's API table (checker/KboundAPI.def) into
# BUILD_DIR/share/kbound/api-tokens.ere (default BUILD_DIR: $BUILD); this is
# the one place that reads it. Prints nothing and returns 2 (with a message)
# when it is missing: call it as tokens=$(kb_tokens) || exit 2.
kb_tokens() {
	local file=${1:-$BUILD}/share/kbound/api-tokens.ere ere=
	[ -r "$file" ] && IFS= read -r ere <"$file"
	[ -n "$ere" ] ||
		die "$file is missing or empty: the build generates it from checker/KboundAPI.def (run bin/kbound test, or cmake --build $(printf '%q' "${1:-$BUILD}"))"
	printf '%s\n' "$ere"
}

# kb_lock TREE: one kbound or test/kernel run on TREE at a time (two would
# race on the same .o/.cmd files). The lock file lives outside the tree (a
# scan writes nothing there but what make writes): under /tmp, named by a
# hash of the tree's path, readable by all so that another user's run on the
# same tree waits too (flock works on a read-only descriptor). The lock is
# file descriptor 9, held until the process exits.
kb_lock() {
	local dir=${TMPDIR:-/tmp}/kbound-locks file
	mkdir -p "$dir" 2>/dev/null && chmod 1777 "$dir" 2>/dev/null
	file=$dir/$(printf '%s' "$(cd "$1" && pwd -P)" | sha256sum | cut -c1-16).lock
	[ -e "$file" ] || { : >>"$file" && chmod 0644 "$file"; } 2>/dev/null
	exec 9<"$file" || die "cannot open the lock $file for $1"
	if ! flock -n 9; then
		note "waiting for another run on $1 to finish"
		flock 9
	fi
}

# kb_kbuild_vars TREE [VAR=VALUE...]: the make variables (one a line) that
# make kbuild in TREE use the tools TREE was configured with, so that
# building the scanned objects never reconfigures it (kbuild rewrites .config
# when CC, LD or AR differ from the configuration's:
# include/config/auto.conf.cmd records them). Variables given on kbound's
# command line are used as they are, after the same check. Dies, saying
# what to pass, when the tools cannot be matched.
kb_kbuild_vars() {
	local tree=$1 cmdfile=$1/include/config/auto.conf.cmd
	shift
	local given=("$@") v
	[ -f "$cmdfile" ] || { for v in "${given[@]}"; do printf '%s\n' "$v"; done; return 0; }
	python3 "$ROOT/bin/kbound-kbuildvars.py" "$tree" "${given[@]}" ||
		exit 2
}

# kb_install_shim DIR: DIR/clang$LLVM_SUFFIX, to put first on PATH under
# `scan-build --keep-cc --use-cc=$CLANG make LLVM=$LLVM_SUFFIX`. kbuild's
# command lines stay those of a plain build (CC=ccc-analyzer on make's
# command line would be recorded in include/config/auto.conf.cmd and re-run
# syncconfig); the shim hands every call to ccc-analyzer, which compiles with
# the real clang and analyzes. For each `-c -o X.o` it appends "X.o<TAB>status"
# to $KBOUND_OUT/compiles.tsv (X relative to $KBOUND_TREE), under a time limit
# of $KBOUND_TIMEOUT seconds (0 or unset: none). With KBOUND_SHIM_MEASURE=1
# each object also gets $KBOUND_OUT/objects/<X with / as __>/ holding its
# reports, stderr and a /usr/bin/time measurement, appended to the line as
# wall, user+sys seconds and peak KiB.
kb_install_shim() {
	mkdir -p "$1" || die "cannot write $1"
	cat >"$1/clang$LLVM_SUFFIX" <<'EOF'
#!/bin/sh
# Stands in for clang during a kbound scan; see kb_install_shim in
# bin/lib/kbound.sh.
o= prev= c=0
for a; do
	[ "$prev" = -o ] && o=$a
	[ "$a" = -c ] && c=1
	prev=$a
done
case "$c:$o" in
1:*.o) ;;
*) exec "$KBOUND_CCC" "$@" ;;
esac
obj=${o#./}
obj=${obj#"$KBOUND_TREE"/}
if [ "${KBOUND_TIMEOUT:-0}" != 0 ]; then
	set -- timeout -k 10 "$KBOUND_TIMEOUT" "$KBOUND_CCC" "$@"
else
	set -- "$KBOUND_CCC" "$@"
fi
if [ "${KBOUND_SHIM_MEASURE:-0}" != 1 ]; then
	"$@"
	rc=$?
	printf '%s\t%s\n' "$obj" "$rc" >>"$KBOUND_OUT/compiles.tsv"
	exit $rc
fi
dir=$KBOUND_OUT/objects/$(printf '%s' "$obj" | sed 's,/,__,g')
mkdir -p "$dir"
CCC_ANALYZER_HTML=$dir
export CCC_ANALYZER_HTML
/usr/bin/time -f '%e %U %S %M' -o "$dir/time" "$@" 2>"$dir/stderr"
rc=$?
cat "$dir/stderr" >&2
set -- $(tail -n1 "$dir/time")
printf '%s\t%s\t%s\t%s\t%s\n' "$obj" "$rc" "$1" "$(echo "$2 + $3" | bc)" "$4" \
	>>"$KBOUND_OUT/compiles.tsv"
exit $rc
EOF
	chmod +x "$1/clang$LLVM_SUFFIX" || die "cannot write $1"
	export KBOUND_CCC=$CCC
}

# kb_user_tmp: print this user's own folder under /tmp (no white space in
# its path: scan-build and kbuild split at it), created 0700; dies unless
# this user owns it: someone else's folder must not provide code we run.
kb_user_tmp() {
	local dir=/tmp/kbound-$(id -u)
	mkdir -p "$dir" && chmod 700 "$dir" || die "cannot create $dir"
	[ -O "$dir" ] || die "$dir is not owned by $(id -un)"
	printf '%s\n' "$dir"
}

# kb_scan_plugin PLUGIN: set KB_PLUGIN to a copy of PLUGIN for the scan to
# load. A copy, so that a rebuild of the plugin during a long scan cannot
# fail the objects analyzed meanwhile; kept by content hash in this user's
# own cache under /tmp (scan-build passes plugins to ccc-analyzer in one
# space-separated variable, so no white space in its path), so that repeated
# and concurrent runs share one copy. Dies unless the copy loads into clang
# and provides the kbound checkers: a plugin that does not load would
# otherwise leave a scan that quietly finds nothing.
KB_PLUGIN=
kb_scan_plugin() {
	local plugin=$1 cache hash dest help
	[ -f "$plugin" ] || die "$plugin not built"
	kb_plugin_fits "$plugin"
	cache=$(kb_user_tmp)/plugins || exit 2
	hash=$(sha256sum "$plugin" | cut -c1-16) || die "cannot read $plugin"
	dest=$cache/$hash/kbound.so
	if [ ! -f "$dest" ]; then
		mkdir -p "$cache/$hash" &&
			cp "$plugin" "$dest.$$" && mv -f "$dest.$$" "$dest" ||
			die "cannot copy the plugin to $dest"
	fi
	help=$("$CLANG" -cc1 -load "$dest" -analyzer-checker-help 2>&1 || true)
	[[ $help == *$'\n  kbound.'* ]] ||
		die "the analyzer plugin $plugin does not load into $CLANG:
$(printf '%s\n' "$help" | grep -i -m3 error)"
	KB_PLUGIN=$dest
}

# kb_check_shim DIR: print the path of an executable that runs bin/kbound-check,
# for kbuild's CHECK= (kbuild splits $(CHECK) at white space, and the
# checkout's path may have some): DIR/kbound-check, or one in this user's
# folder under /tmp when DIR's path has white space.
kb_check_shim() {
	local dir=$1
	case "$dir" in *[[:space:]]*) dir=$(kb_user_tmp)/check-$$ || exit 2 ;; esac
	mkdir -p "$dir" || die "cannot write $dir"
	printf '#!/bin/sh\nexec %q "$@"\n' "$ROOT/bin/kbound-check" >"$dir/kbound-check" &&
		chmod +x "$dir/kbound-check" || die "cannot write $dir/kbound-check"
	printf '%s\n' "$dir/kbound-check"
}

# kb_facts_prune UNITS: drop the facts units (docs/facts-db.md) whose source
# changed or went away since they were extracted, so that the database is
# never built from stale facts of a file this scan did not select.
kb_facts_prune() {
	local unit src sha n=0
	for unit in "$1"/*.tsv; do
		[ -f "$unit" ] || continue
		src=$(cat "$unit.src" 2>/dev/null) || src=
		sha=$(cat "$unit.sha" 2>/dev/null) || sha=
		if [ -z "$src" ] || [ ! -f "$src" ] ||
			[ "$(sha256sum <"$src" | cut -d' ' -f1)" != "$sha" ]; then
			rm -f "$unit" "$unit.key" "$unit.src" "$unit.sha"
			n=$((n + 1))
		fi
	done
	[ $n -eq 0 ] || note "facts: $n unit(s) of changed or removed sources dropped"
	return 0
}

# kb_facts_db FDIR OUT START: after a facts pass into FDIR/units (its
# extract.log says what each unit did), drop stale units, build
# FDIR/facts.sqlite, say what it took since START (seconds since the epoch)
# and copy the log to OUT. Sets FACTS_DB. Dies when the database cannot be
# built (OUT/facts.log has why).
kb_facts_db() {
	local fdir=$1 out=$2 start=$3 nx nr nf
	kb_facts_prune "$fdir/units"
	python3 "$ROOT/bin/kbound-facts-db.py" "$fdir/facts.sqlite" "$fdir/units" 2>>"$out/facts.log" ||
		die "building the facts database failed; see $out/facts.log"
	nx=$(grep -c $'\textracted$' "$fdir/extract.log")
	nr=$(grep -c $'\treused$' "$fdir/extract.log")
	nf=$(grep -c $'\tfailed$' "$fdir/extract.log")
	note "facts: $nx unit(s) extracted, $nr reused, $nf failed, in $(($(date +%s) - start)) s; database $fdir/facts.sqlite ($(tail -n 1 "$out/facts.log" | sed 's/^kbound-facts-db: //; s/ -> .*//'))"
	cp "$fdir/extract.log" "$out/facts-extract.log"
	FACTS_DB=$fdir/facts.sqlite
}

# kb_rules: the Coccinelle rules, one path a line.
kb_rules() {
	local rule
	for rule in "$ROOT"/cocci/*.cocci; do
		[ -e "$rule" ] && printf '%s\n' "$rule"
	done
	return 0
}

# kb_run_rule RULE DEST SPATCH_ARGS...: RULE in report mode, its report in
# DEST/<rule>.txt, spatch's stderr in DEST/<rule>.err; SPATCH_ARGS name the
# files (--dir D, --file-groups F) and the include options. Non-zero (and a
# note) when spatch fails. spatch -j keeps its workers' files in the current
# folder unless told otherwise (a tree the user cannot write, or should not
# litter): here, a fresh folder under /tmp.
kb_run_rule() {
	local rule=$1 dest=$2 name tmp rc=0
	shift 2
	name=$(basename "$rule" .cocci)
	# Every rule reports the same at -j 1 and -j N, whatever the order of
	# the files (test/cocci/repeatable.test; TM2's finalize join once lost
	# a file's facts, fixed in the rule).
	tmp=$(mktemp -d /tmp/kbound-spatch.XXXXXX) || die "cannot create a folder under /tmp"
	spatch -D report --very-quiet --no-show-diff --cocci-file "$rule" \
		-j "$JOBS" --tmp-dir "$tmp/spatch" "$@" \
		>"$dest/$name.txt" 2>"$dest/$name.err" || rc=$?
	rm -rf "$tmp"
	[ $rc -eq 0 ] || { note "rule $name failed; see $dest/$name.err"; return 1; }
}
