#!/bin/sh
# valgrind.sh — valgrind memcheck over the unit tests, the fuzz targets'
# seeds and regressions, and galley building a subset of the corpus (and
# the samples) to PDF and PNG: no invalid read or write, no use of
# uninitialised memory, no definite leak (library-owned memory listed in
# tests/valgrind.supp aside). Run by `make valgrind`; uses the -O2 build.
# Usage: GALLEY=build/release/galley sh tests/valgrind.sh UNIT-TEST-BINARIES...
SUITE=valgrind
. "$(dirname "$0")/lib.sh"
GALLEY=${GALLEY:-./galley}
SHARED=${SHARED:-../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
if ! command -v valgrind >/dev/null 2>&1; then
  skip "valgrind not installed (make deps installs it)"
  finish
  exit $?
fi

memcheck() {   # memcheck NAME COMMAND...: the command succeeds and valgrind finds nothing
  name=$1; shift
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --num-callers=40 --suppressions=tests/valgrind.supp \
    "$@" >"$TMP/out" 2>"$TMP/log"
  status=$?
  if [ "$status" -eq 0 ]; then
    pass
  else
    fail "$name: status $status$( [ "$status" -eq 99 ] && echo ' (valgrind found errors)')"
    grep -E '^==[0-9]+== ' "$TMP/log" | head -40 >&2
  fi
}

for binary in "$@"; do
  case $binary in
    */replay-*) name=${binary##*/replay-}
                memcheck "fuzz $name inputs" "$binary" "tests/fuzz/$name" "tests/fuzz/regressions/$name" ;;
    *) memcheck "$(basename "$binary")" "$binary" ;;
  esac
done

samples=$(ls samples/oligo-news/*.md samples/oligo-news/*.txt)
memcheck "build the samples" $GALLEY build -q -o "$TMP/samples.pdf" --dump-boxes "$TMP/boxes.json" $samples
memcheck "preview a sample page" $GALLEY preview -q --dpi 30 --pages 1 -o "$TMP/page.png" $samples
if [ -d "$SHARED/corpus/articles" ]; then
  # A subset keeps CI short: English, German (hyphenation), Arabic (right to
  # left), Chinese (CJK fonts), a table-heavy FOMC statement, and raw text.
  subset=""
  for prefix in bbc-b bbc-c de- ar- zh- fomc-statement-1994 es- fr-; do
    subset="$subset $(ls "$SHARED"/corpus/articles/$prefix*.md | head -n 1)"
  done
  memcheck "build a corpus subset (newsletter-a4)" $GALLEY build -q --layout newsletter-a4 -o "$TMP/corpus.pdf" $subset
  memcheck "build a corpus subset (broadsheet)" $GALLEY build -q --layout broadsheet -o "$TMP/corpus.pdf" $subset
  memcheck "import raw corpus text" $GALLEY import -q -o "$TMP/imported/" "$SHARED"/corpus/raw/*.txt
else
  skip "$SHARED/corpus not found: corpus subset not checked"
fi

finish
