#!/bin/sh
# smoke.sh — runs each fuzz target for FUZZ_SECONDS from its seed corpus
# (tests/fuzz/NAME/, read only: new inputs go to a scratch folder) and fails
# when any target finds a crash, a leak, a hang or a broken invariant.
# Usage: FUZZ_SECONDS=30 sh tests/fuzz/smoke.sh build/fuzz/fuzz-NAME...
# Crashing inputs are kept in build/fuzz/crashes/NAME/ for the regression
# suite (tests/fuzz/regressions/).
seconds=${FUZZ_SECONDS:-30}
status=0
for binary in "$@"; do
  name=${binary##*/fuzz-}
  seeds=tests/fuzz/$name
  if [ ! -d "$seeds" ]; then
    echo "fuzz-smoke: $name has no seed folder $seeds" >&2
    status=1
    continue
  fi
  scratch=$(mktemp -d)
  crashes=build/fuzz/crashes/$name
  mkdir -p "$crashes"
  regressions=
  [ -d "tests/fuzz/regressions/$name" ] && regressions=tests/fuzz/regressions/$name
  dict=
  [ -f "tests/fuzz/$name.dict" ] && dict=-dict=tests/fuzz/$name.dict
  # A fixed seed: CI explores the same inputs each run (campaigns do not).
  # Fast unwinding: full stacks (for tests/lsan.supp's cairo entry) are only
  # needed when a PDF is drawn, and no target draws one; they cost 17x here.
  ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=1 \
  LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$binary" -seed=1 -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 -max_len=8192 \
      -print_final_stats=1 -artifact_prefix="$crashes/" $dict "$scratch" "$seeds" $regressions \
      >"$scratch.log" 2>&1
  result=$?
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$scratch.log")
  if [ "$result" -eq 0 ]; then
    echo "fuzz-smoke: $name: ${runs:-?} runs in ${seconds} s, no crash"
  else
    echo "fuzz-smoke: $name FAILED (status $result); input kept in $crashes/" >&2
    grep -E 'ERROR|SUMMARY|fuzz:|^    #[0-9]' "$scratch.log" | head -40 >&2
    status=1
  fi
  rm -rf "$scratch" "$scratch.log"
done
exit $status
