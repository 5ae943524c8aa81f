#!/bin/sh
# run.sh — runs every test suite and prints the closing line
# "N passed, N failed" (", N skipped" when any were skipped).
# Usage: GALLEY=path/to/galley sh tests/run.sh UNIT-TEST-BINARIES...
total_passed=0
total_failed=0
total_skipped=0
status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

count() {   # reads a suite's "SUITE: N passed, N failed[, N skipped]" line
  line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    echo "FAIL $1: printed no result line" >&2
    total_failed=$((total_failed + 1))
    status=1
    return
  fi
  p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
  f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
  s=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
  total_skipped=$((total_skipped + ${s:-0}))
}

run_suite() {   # run_suite NAME COMMAND...
  name=$1; shift
  "$@" >"$log" 2>&1
  suite_status=$?
  cat "$log"
  count "$name"
  [ "$suite_status" -eq 0 ] || status=1
}

for binary in "$@"; do
  run_suite "$(basename "$binary")" "$binary"
done
# Fuzz targets replayed over their seeds and the inputs that once failed.
for replay in "${BUILD:-build/release}"/tests/replay-*; do
  [ -x "$replay" ] || continue
  name=${replay##*/replay-}
  run_suite "fuzz-$name" "$replay" "tests/fuzz/$name" "tests/fuzz/regressions/$name"
done
run_suite cli sh tests/cli.sh
run_suite print sh tests/print.sh
run_suite help sh tests/help.sh
run_suite commands sh tests/commands.sh
run_suite preview sh tests/preview.sh
run_suite watch sh tests/watch.sh
run_suite proof sh tests/proof.sh
run_suite install sh tests/install.sh
run_suite edition sh tests/edition.sh
run_suite hostile sh tests/hostile.sh
run_suite faults sh tests/faults.sh
run_suite corpus sh tests/corpus.sh
run_suite typography sh tests/typography.sh
run_suite archive sh tests/archive.sh

if [ "$total_skipped" -gt 0 ]; then
  echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
else
  echo "$total_passed passed, $total_failed failed"
fi
[ "$total_failed" -eq 0 ] && [ "$status" -eq 0 ]
