#!/usr/bin/env bash
# %spatch in the lit suite: spatch ($KBOUND_REAL_SPATCH), reached through
# symlinks when a path argument holds a character outside [A-Za-z0-9._/+,:=@-].
# spatch runs diff through /bin/sh with file names unquoted (-D context and
# -D patch), so a file under a folder named "kb dir" or "it's" breaks it;
# the checkout, and so the tests' files, may live in such a folder. Each
# such path under the checkout is reached through one link to the checkout,
# /tmp/kbound-spatch.XXXXXX/root (so a rule that finds the checkout's other
# files relative to its own path still does); any other such path's folder
# is linked as /tmp/kbound-spatch.XXXXXX/N, and in
# spatch's output the link's name is replaced by the real folder: relative
# to the current folder when that path has no such character (the tests'
# scripts parse "file:line: message" with \S+ for the file), else absolute.
# Without such an argument spatch runs as it is.
set -uo pipefail
spatch=${KBOUND_REAL_SPATCH:-spatch}
safe='^[A-Za-z0-9._/+,:=@-]*$'
need=0
for a in "$@"; do
	case "$a" in /* | --*=/*) [[ $a =~ $safe ]] || need=1 ;; esac
done
[ $need -eq 1 ] || exec "$spatch" "$@"

root=$(cd -P "$(dirname "$0")/.." && pwd) || exit 2
tmp=$(mktemp -d /tmp/kbound-spatch.XXXXXX) || exit 2
trap 'rm -rf "$tmp"' EXIT
declare -A link_of=()
links=() dirs=()
shown_as() {	# the real folder as shown: relative to here if that is safe
	local shown
	shown=$(realpath -m --relative-to="$PWD" "$1")
	[[ $shown =~ $safe ]] || shown=$1
	printf '%s\n' "$shown"
}
args=()
for a in "$@"; do
	opt=
	case "$a" in --*=/*) opt=${a%%=*}=; a=${a#*=} ;; esac
	if [[ $a == "$root"/* ]] && ! [[ $a =~ $safe ]]; then
		if [ -z "${link_of[$root]:-}" ]; then
			ln -s "$root" "$tmp/root" || exit 2
			link_of[$root]=$tmp/root
			links+=("$tmp/root") dirs+=("$(shown_as "$root")")
		fi
		a=$tmp/root${a#"$root"}
	elif [[ $a == /* ]] && ! [[ $a =~ $safe ]]; then
		dir=$(dirname "$a") base=$(basename "$a")
		# A folder is passed as LINK/ (find, under --dir, does not
		# follow a symlink given as its start).
		if [ -d "$a" ]; then dir=${a%/} base=/; fi
		if [ -z "${link_of[$dir]:-}" ]; then
			link=$tmp/${#links[@]}
			ln -s "$dir" "$link" || exit 2
			link_of[$dir]=$link
			links+=("$link") dirs+=("$(shown_as "$dir")")
		fi
		a=${link_of[$dir]}${base:+/${base#/}}
	fi
	args+=("$opt$a")
done
"$spatch" "${args[@]}" >"$tmp/out" 2>"$tmp/err"
rc=$?
# The links' names back to the real folders (longest first: /tmp/x/1 before
# /tmp/x/10 cannot clash, each ends at a '/' or the name's end).
unmap() {
	local i
	for i in "${!links[@]}"; do
		export "KB_L$i=${links[$i]}" "KB_D$i=${dirs[$i]}"
	done
	KB_N=${#links[@]} perl -pe '
		BEGIN { @m = map { [$ENV{"KB_L$_"}, $ENV{"KB_D$_"}] } reverse 0 .. $ENV{KB_N} - 1 }
		for my $p (@m) { s/\Q$p->[0]\E(?=\/|\b|$)/$p->[1]/g }'
}
unmap <"$tmp/out"
unmap <"$tmp/err" >&2
exit $rc
