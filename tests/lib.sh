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

finish() {
  if [ "$skipped" -gt 0 ]; then
    echo "$SUITE: $passed passed, $failed failed, $skipped skipped"
  else
    echo "$SUITE: $passed passed, $failed failed"
  fi
  [ "$failed" -eq 0 ]
}
