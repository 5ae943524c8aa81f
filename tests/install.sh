#!/bin/sh
# install.sh — make install into a temporary DESTDIR, then the installed
# galley run from another folder finds its layouts, fonts and man page.
SUITE=install
. "$(dirname "$0")/lib.sh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
here=$PWD
sanitize=""
[ "${BUILD:-}" = build/sanitize ] && sanitize="SANITIZE=1"

check "make install DESTDIR PREFIX" sh -c "make -s install DESTDIR='$TMP/stage' PREFIX=/opt/galley $sanitize >'$TMP/make.log' 2>&1"
root=$TMP/stage/opt/galley
check "the binary" test -x "$root/bin/galley"
check "the man page" test -s "$root/share/man/man1/galley.1"
check "the layouts" test "$(ls "$root/share/galley/layouts/"*.yaml | wc -l)" -eq "$(ls layouts/*.yaml | wc -l)"
check "the font configuration" test -s "$root/share/galley/fonts/fonts.conf"

mkdir "$TMP/elsewhere"
cp samples/oligo-news/council-budget.md "$TMP/elsewhere/story.md"
cd "$TMP/elsewhere" || exit 1
check "installed galley lists its layouts from another folder" sh -c "'$root/bin/galley' layouts | grep -q '^broadsheet '"
check "... builds with a shipped layout by name" "$root/bin/galley" build -q --layout broadsheet -o edition.pdf story.md
check "... a PDF" sh -c "head -c 5 edition.pdf | grep -q '%PDF-'"
check "... sees galley's fonts" sh -c "'$root/bin/galley' fonts | grep -q '^TeX Gyre Schola '"
check "... scaffolds a folder that builds at once" sh -c "'$root/bin/galley' new -q paper && cd paper && '$root/bin/galley' build -q -o edition.pdf edition.yaml && test -s edition.pdf"
if command -v man >/dev/null 2>&1; then
  check "the man page renders" sh -c "MANWIDTH=80 man -l '$root/share/man/man1/galley.1' 2>/dev/null | grep -q 'galley - lay out newspaper pages'"
else
  skip "man (man-db) not installed: the man page is not rendered"
fi
cd "$here" || exit 1
check "nothing installed outside DESTDIR" test ! -e /opt/galley/bin/galley -o -e /opt/galley/.not-ours

finish
