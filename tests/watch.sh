#!/bin/sh
# watch.sh — galley build --watch rebuilds within a bounded wait after an
# article, a photo or the layout changes, one summary line per build, and
# stops cleanly on SIGTERM.
SUITE=watch
. "$(dirname "$0")/lib.sh"
GALLEY=${GALLEY:-./galley}
TMP=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$TMP"' EXIT
LIMIT=${WATCH_LIMIT:-150}   # tenths of a second a rebuild may take (sanitizer builds are slow)

cp samples/oligo-news/council-budget.md "$TMP/story.md"
cp layouts/newsletter-a4.yaml "$TMP/page.yaml"
cp layouts/*.txt "$TMP/" 2>/dev/null   # the house dictionaries it names

lines() { n=$(grep -c ' built ' "$TMP/log" 2>/dev/null); echo "${n:-0}"; }
wait_for_builds() {   # wait_for_builds N: true once N summary lines are there
  waited=0
  while [ "$(lines)" -lt "$1" ] && [ $waited -lt "$LIMIT" ]; do sleep 0.1; waited=$((waited + 1)); done
  [ "$(lines)" -ge "$1" ]
}

$GALLEY build --watch --layout "$TMP/page.yaml" -o "$TMP/out.pdf" "$TMP/story.md" >"$TMP/log" 2>"$TMP/err" &
pid=$!
check "the first build" wait_for_builds 1
check "... writes the PDF" test -s "$TMP/out.pdf"
check "one summary line: pages, overset, warnings, time" \
  grep -qE '^[0-9]{2}:[0-9]{2}:[0-9]{2} built .*out.pdf: [0-9]+ pages?, 0 overset, [0-9]+ warnings?, [0-9.]+ s$' "$TMP/log"

sleep 0.3
printf '\nA new paragraph written while watching.\n' >> "$TMP/story.md"
check "an edited article rebuilds" wait_for_builds 2
check "... with the new words" sh -c "pdftotext '$TMP/out.pdf' - | grep -q 'new paragraph written'"

sleep 0.3
sed 's/^columns: 3/columns: 2/' "$TMP/page.yaml" > "$TMP/page.new" && mv "$TMP/page.new" "$TMP/page.yaml"
check "a layout saved by rename rebuilds" wait_for_builds 3

sleep 0.3
touch "$TMP/unrelated.txt"
sleep 1
check "an unrelated file in the folder does not" test "$(lines)" -eq 3

printf -- '---\nheadline: [broken\n---\n' > "$TMP/story.md"
waited=0
while ! grep -q 'failed' "$TMP/log" && [ $waited -lt "$LIMIT" ]; do sleep 0.1; waited=$((waited + 1)); done
check "a broken article is reported, the PDF kept" grep -q 'failed: .*out.pdf kept as it was' "$TMP/log"
check "... with the error" grep -q 'story.md:3:1: invalid YAML' "$TMP/err"
check "... and the old PDF is still there" test -s "$TMP/out.pdf"

kill -TERM "$pid"
waited=0
while kill -0 "$pid" 2>/dev/null && [ $waited -lt 50 ]; do sleep 0.1; waited=$((waited + 1)); done
check "SIGTERM stops the watch" sh -c "! kill -0 $pid 2>/dev/null"
wait "$pid"
check "... with status 0" test $? -eq 0
pid=""
check "no temporary file left" sh -c "! ls '$TMP' | grep -q 'out.pdf.'"
expect_error "--watch needs a file" 2 "--watch rebuilds a file; give one with -o FILE.pdf" -- $GALLEY build --watch -o - "$TMP/story.md"

finish
