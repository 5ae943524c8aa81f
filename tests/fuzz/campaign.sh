#!/bin/sh
# campaign.sh NAME SECONDS [RUNS] — a long fuzzing run of one target, at low
# priority, keeping going past crashes (each is saved). The corpus grows in
# build/fuzz/corpus/NAME (seeded from tests/fuzz/NAME), crashes go to
# build/fuzz/crashes/NAME/, the log to build/fuzz/NAME.log.
# Run one at a time on a shared machine; `make fuzz` first.
name=$1; seconds=$2; runs=${3:-10000000}
corpus=build/fuzz/corpus/$name
crashes=build/fuzz/crashes/$name
mkdir -p "$corpus" "$crashes"
# The campaign runs a copy: -fork re-executes the binary for each job, and
# a `make fuzz` meanwhile must not change the code under test half-way.
binary=build/fuzz/campaign-$name
cp "build/fuzz/fuzz-$name" "$binary" || exit 1
dict=
[ -f "tests/fuzz/$name.dict" ] && dict=-dict=tests/fuzz/$name.dict
# Fast unwinding: full stacks (for tests/lsan.supp's cairo entry) are only
# needed when a PDF is drawn, and no target draws one; they cost 17x here.
ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=1 \
LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
exec nice -n 15 "$binary" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$seconds" -runs="$runs" -timeout=60 -rss_limit_mb=2048 -max_len=8192 \
  -print_final_stats=1 -artifact_prefix="$crashes/" $dict "$corpus" "tests/fuzz/$name" \
  >"build/fuzz/$name.log" 2>&1
