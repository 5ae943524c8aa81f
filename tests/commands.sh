#!/bin/sh
# commands.sh — pipelines (- as input, -o - as output), -q and -v, the
# progress line (on a terminal only), galley fonts, layouts and new.
SUITE=commands
. "$(dirname "$0")/lib.sh"
GALLEY=${GALLEY:-./galley}
case $GALLEY in /*) ;; *) GALLEY=$PWD/$GALLEY ;; esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
story=samples/oligo-news/council-budget.md

# ---- pipelines --------------------------------------------------------------------------
check "-o - writes the PDF to standard output" sh -c "$GALLEY build -q -o - $story > '$TMP/out.pdf' && head -c 5 '$TMP/out.pdf' | grep -q '%PDF-'"
check "- reads an article from standard input" sh -c "$GALLEY build -q -o '$TMP/stdin.pdf' - < $story"
SOURCE_DATE_EPOCH=1 $GALLEY build -q -o "$TMP/a.pdf" $story
SOURCE_DATE_EPOCH=1 $GALLEY build -q -o - - < $story > "$TMP/b.pdf"
check "... the same PDF as from the file" cmp -s "$TMP/a.pdf" "$TMP/b.pdf"
check "cat | galley build -o - - | pdftotext" sh -c "cat $story | $GALLEY build -q -o - - | pdftotext - - | grep -q 'Port Oligo'"
printf -- '---\nheadline: [x\n---\n' > "$TMP/bad.md"
expect_error "errors in standard input are named <stdin>" 2 "<stdin>:3:1: invalid YAML" -- sh -c "$GALLEY build -o '$TMP/x.pdf' - < '$TMP/bad.md'"
expect_error "- only once" 2 "'-' (standard input) can be given only once" -- sh -c "$GALLEY build -o '$TMP/x.pdf' - - < $story"
check "preview -o - writes one picture" sh -c "$GALLEY preview -q --dpi 10 --pages 1 -o - samples/oligo-news/*.md | head -c 4 | grep -q PNG"
expect_error "... not several" 2 "-o - writes one picture to standard output; choose a page with --pages N, or use --sheet" -- sh -c "$GALLEY preview --dpi 10 -o - samples/oligo-news/*.md > /dev/null"
check "preview and check read standard input too" sh -c "$GALLEY check -q - < $story > /dev/null && $GALLEY preview -q --dpi 20 -o '$TMP/p.png' - < $story && test -s '$TMP/p.png'"

# ---- -q, -v, and the progress line ----------------------------------------------------------
check "-q: nothing on stderr" test -z "$($GALLEY build -q -o "$TMP/q.pdf" $story 2>&1)"
check "-v: what was built" sh -c "$GALLEY build -v -o '$TMP/v.pdf' $story 2>&1 | grep -qx 'galley: 1 article, 1 page -> $TMP/v.pdf'"
check "no progress line when stderr is not a terminal" test -z "$($GALLEY build -o "$TMP/n.pdf" $story 2>&1)"
if command -v script >/dev/null 2>&1; then
  script -qec "$GALLEY build -o '$TMP/t.pdf' $story" /dev/null > "$TMP/tty.txt" 2>&1
  check "a progress line on a terminal" grep -q 'galley: setting 1 article in type' "$TMP/tty.txt"
  check "... erased when done" grep -q "$(printf '\r\033\\[K')" "$TMP/tty.txt"
  script -qec "$GALLEY build -q -o '$TMP/t.pdf' $story" /dev/null > "$TMP/tty-q.txt" 2>&1
  check "... and not with -q" test ! -s "$TMP/tty-q.txt"
else
  skip "script (bsdutils) not installed: progress line not checked on a terminal"
fi

# ---- fonts, layouts --------------------------------------------------------------------------
check "fonts lists the layouts' families" sh -c "$GALLEY fonts | grep -q '^TeX Gyre Heros Cn '"
check "... with their folders" sh -c "$GALLEY fonts | grep '^TeX Gyre Schola ' | grep -q '/tex-gyre'"
check "fonts -v: faces and package" sh -c "$GALLEY fonts -v | grep '^TeX Gyre Schola ' | grep -q '4 faces.*fonts-texgyre'"
check "fonts --json" sh -c "$GALLEY fonts --json | python3 -c 'import json,sys; f = json.load(sys.stdin); assert any(x[\"family\"] == \"DejaVu Sans\" for x in f)'"
check "each family once" test -z "$($GALLEY fonts | awk '{ $NF = ""; print }' | sort | uniq -d)"
check "layouts lists every shipped layout" test "$($GALLEY layouts | grep -c '^[a-z]')" -eq "$(ls layouts/*.yaml | wc -l)"
check "... with page, columns and grid" sh -c "$GALLEY layouts | grep -q '^tabloid  *792 x 1224 pt, 5 columns of 134.4 pt, 12.0 pt gutters, 10.5 pt grid'"
check "... and page kinds" sh -c "$GALLEY layouts | grep -q 'page kinds: '"
check "layouts FILE describes a file" sh -c "$GALLEY layouts layouts/berliner.yaml | grep -q '^berliner '"
expect_error "layouts names a bad file's error" 2 "no/such.yaml: cannot read the layout" -- $GALLEY layouts no/such.yaml

# ---- new ---------------------------------------------------------------------------------------
check "new DIR" sh -c "cd '$TMP' && $GALLEY new paper > new.txt"
check "... edition.yaml, a layout, an article" sh -c "test -s '$TMP/paper/edition.yaml' && test -s '$TMP/paper/tabloid.yaml' && test -s '$TMP/paper/articles/first-story.md'"
check "... says how to build it" grep -q 'galley build -o edition.pdf edition.yaml' "$TMP/new.txt"
check "... whose edition builds at once" sh -c "cd '$TMP/paper' && $GALLEY build -q -o edition.pdf edition.yaml && test -s edition.pdf"
check "... and its articles as a continuous run" sh -c "cd '$TMP/paper' && $GALLEY build -q --layout tabloid.yaml -o run.pdf articles/*.md && test -s run.pdf"
check "... and proofs without errors" sh -c "cd '$TMP/paper' && $GALLEY check -q --layout tabloid.yaml articles/*.md > /dev/null"
check "new --layout newsletter-a4" sh -c "cd '$TMP' && $GALLEY new -q --layout newsletter-a4 letter && test -s letter/newsletter-a4.yaml"
expect_error "new refuses a folder in use" 2 "already exists and is not empty; choose a new folder" -- $GALLEY new "$TMP/paper"
expect_error "new needs one folder" 2 "name one folder to make, such as 'galley new my-paper'" -- $GALLEY new

finish
