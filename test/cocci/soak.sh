#!/usr/bin/env bash
# test/cocci/soak.sh [RUNS] [JOBS]: the long form of repeatable.test.
# Every rule in cocci/ over its whole input set (kernel-fixtures/drivers and
# every C file of test/cocci) once in sorted order with spatch -j 1, then
# RUNS times (default 15) in a shuffled order with -j 1 and RUNS times with
# -j JOBS (default 2) --chunksize 1, comparing each run's sorted reports
# with the first.  Prints one line per rule and a diff for a rule whose
# runs differ; exit status 0 when every rule repeated, 1 when one did not,
# 2 when spatch failed.  SPATCH=... picks another spatch.  Shuffle seeds
# are 1..2*RUNS (-j 1 runs odd, -j JOBS runs even), so a failing run can be
# replayed with Inputs/repeat_rules.py --rule NAME --seed S-1 --runs 1.
# Takes about 2*RUNS+1 times a -j 1 pass of all rules (some 16 s of CPU
# each on a 2-core machine), at most JOBS processes at a time.
set -euo pipefail
runs=${1:-15}
jobs=${2:-2}
case "$runs$jobs" in *[!0-9]*) echo "usage: $0 [RUNS] [JOBS]" >&2; exit 2 ;; esac
here=$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exec python3 "$here/Inputs/repeat_rules.py" --spatch "${SPATCH:-spatch}" \
	--runs "$runs" --jobs "$jobs"
