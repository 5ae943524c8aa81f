# lib.sh — shared by the shell test scripts: counting, and assertions that
# print what they expected when they fail. Source it; set SUITE first.
passed=0
failed=0
skipped=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $SUITE: $*" >&2; }
skip() { skipped=$((skipped + 1)); echo "skip $SUITE: $*" >&2; }

# check NAME COMMAND...: passes when the command succeeds.
check() {
  name=$1; shift
  if "$@"; then pass; else fail "$name"; fi
}

# expect_error NAME STATUS MESSAGE -- galley ARGS...: the run exits with
# STATUS and its stderr contains MESSAGE.
expect_error() {
  name=$1; status=$2; message=$3; shift 4
  "$@" >"$TMP/stdout" 2>"$TMP/stderr"
  got=$?
  if [ "$got" -ne "$status" ]; then
    fail "$name: exit status $got, expected $status"; cat "$TMP/stderr" >&2; return
  fi
  if ! grep -qF -- "$message" "$TMP/stderr"; then
    fail "$name: stderr lacks: $message"; sed 's/^/    /' "$TMP/stderr" >&2; return
  fi
  pass
}

# same_render A.pdf B.pdf: prints "yes" when pdftoppm draws every page of
# the two alike, smoothed at 72, 100 and 150 dpi and unsmoothed at 72; else
# where they first differ.
same_render() {
  for opts in "-r 72" "-r 100" "-r 150" "-r 72 -aa no -aaVector no"; do
    rm -f "$TMP"/render-a-*.pgm "$TMP"/render-b-*.pgm
    pdftoppm $opts -gray "$1" "$TMP/render-a"
    pdftoppm $opts -gray "$2" "$TMP/render-b"
    for f in "$TMP"/render-a-*.pgm; do
      cmp -s "$f" "$TMP/render-b-${f##*/render-a-}" || { echo "no: $opts, page ${f##*/render-a-}"; return; }
    done
  done
  echo yes
}

finish() {
  if [ "$skipped" -gt 0 ]; then
    echo "$SUITE: $passed passed, $failed failed, $skipped skipped"
  else
    echo "$SUITE: $passed passed, $failed failed"
  fi
  [ "$failed" -eq 0 ]
}
