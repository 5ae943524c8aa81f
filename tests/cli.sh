#!/bin/sh
# cli.sh — galley as a user meets it: help, bad input (exit status 2, one
# clear message, no output file left behind), outputs, determinism.
SUITE=cli
. "$(dirname "$0")/lib.sh"
GALLEY=${GALLEY:-./galley}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
samples=$(ls samples/oligo-news/*.md)

# ---- help -----------------------------------------------------------------
check "--help exits 0" $GALLEY --help >/dev/null
check "--help lists build" sh -c "$GALLEY --help | grep -q '  build'"
check "--version" sh -c "$GALLEY --version | grep -qx 'galley [0-9.]*'"
check "build --help lists its options" sh -c "$GALLEY build --help | grep -q -- '--dump-boxes'"
expect_error "no command" 2 "Usage: galley COMMAND" -- $GALLEY
expect_error "unknown command" 2 "galley: error: unknown command 'bild'; try 'galley --help'" -- $GALLEY bild
expect_error "unknown option" 2 "Unknown option --colour; try 'galley build --help'" -- $GALLEY build --colour -o "$TMP/x.pdf" $samples
expect_error "no output" 2 "say where the PDF goes with -o FILE.pdf" -- $GALLEY build $samples
expect_error "no articles" 2 "no article files given" -- $GALLEY build -o "$TMP/x.pdf"

# ---- bad input: message, status 2, and no output -------------------------------
bad() {   # bad NAME MESSAGE ARTICLE-TEXT [LAYOUT-TEXT]
  name=$1; message=$2
  printf '%b' "$3" > "$TMP/story.md"
  layout=layouts/tabloid.yaml
  if [ -n "${4:-}" ]; then printf '%b' "$4" > "$TMP/page.yaml"; layout=$TMP/page.yaml; fi
  rm -f "$TMP/out.pdf"
  expect_error "$name" 2 "$message" -- $GALLEY build --layout "$layout" -o "$TMP/out.pdf" "$TMP/story.md"
  check "$name leaves no output" test ! -e "$TMP/out.pdf"
  check "$name leaves no temporary file" sh -c "! ls '$TMP' | grep -q 'out.pdf.'"
}
good='---\nheadline: A headline\n---\n\nA paragraph.\n'
bad "malformed YAML" "story.md:3:1: invalid YAML: flow sequence without a closing bracket" '---\nheadline: [oops\n---\nText\n'
bad "unclosed front matter" "story.md:1:1: the front matter block opened here is never closed" '---\nheadline: H\n\nText\n'
bad "invalid UTF-8" "story.md:5:5: invalid UTF-8 (byte 0xFF)" '---\nheadline: H\n---\n\nBad \377 byte\n'
bad "empty article" "story.md: the file is empty" ''
bad "missing headline" "story.md:2:1: the article has no headline" '---\ndeck: D\n---\nText\n'
bad "no front matter" "story.md:1:1: no front matter" 'Just some text.\n'
bad "unknown page size" "page.yaml:1:7: unknown page size 'folio'" "$good" 'page: folio\n'
bad "unknown style key" "page.yaml:2:21: unknown style key 'colour'" "$good" 'styles:\n  body: {size: 9pt, colour: red}\n'
bad "unknown layout key" "page.yaml:1:1: unknown layout key 'gutters' (did you mean 'gutter'?)" "$good" 'gutters: 12pt\n'
bad "zero columns" "page.yaml:1:10: 'columns' must be a whole number from 1 to 24, not '0'" "$good" 'columns: 0\n'
bad "columns too narrow" "narrower than 3 ems of body text" "$good" 'page: a4\ncolumns: 16\n'
bad "margins larger than the page" "the margins leave no room" "$good" 'page: a4\nmargins: 400pt\n'
bad "unknown font" "style 'headline' uses font family 'Nonesuch Grotesk', which is not installed" "$good" 'styles:\n  headline: {font: Nonesuch Grotesk, size: 40pt}\n'
expect_error "missing article" 2 "no/such.md: cannot read the article: no such file; check the path" -- $GALLEY build -o "$TMP/x.pdf" no/such.md
expect_error "missing layout" 2 "no/such.yaml: cannot read the layout: no such file" -- $GALLEY build --layout no/such.yaml -o "$TMP/x.pdf" $samples
printf '%b' "$good" > "$TMP/ok.md"
printf '%s\n' '---' 'headline: [x' '---' 'Text' > "$TMP/bad.md"
expect_error "every bad article is reported" 2 "bad.md:3:1: invalid YAML" -- $GALLEY build -o "$TMP/x.pdf" "$TMP/bad.md" "$TMP/ok.md" "$TMP/bad.md"
check "two reports for two bad files" test "$(grep -c 'error:' "$TMP/stderr")" -eq 2

# ---- output that cannot be written ----------------------------------------------
touch "$TMP/plainfile"
expect_error "output inside a file" 2 "cannot write the output" -- $GALLEY build -o "$TMP/plainfile/out.pdf" $samples
expect_error "output folder missing" 2 "cannot write the output" -- $GALLEY build -o "$TMP/no/such/dir/out.pdf" $samples
echo "previous edition" > "$TMP/keep.pdf"
$GALLEY build -o "$TMP/keep.pdf" "$TMP/bad.md" 2>/dev/null
check "a failed build keeps the old file" grep -q "previous edition" "$TMP/keep.pdf"

# ---- good output -------------------------------------------------------------------
check "build samples" $GALLEY build -q -o "$TMP/sample.pdf" --dump-boxes "$TMP/boxes.json" $samples
check "the PDF starts as a PDF" sh -c "head -c 5 '$TMP/sample.pdf' | grep -q '%PDF-'"
if command -v pdfinfo >/dev/null 2>&1; then
  pages=$(pdfinfo "$TMP/sample.pdf" | awk '/^Pages:/ {print $2}')
  check "samples fill more than one tabloid page" test "$pages" -ge 2
  check "every font embedded" sh -c "pdffonts '$TMP/sample.pdf' | awk 'NR > 2 && \$(NF-4) != \"yes\" {bad=1} END {exit bad}'"
  check "title and creator in the metadata" sh -c "pdfinfo '$TMP/sample.pdf' | grep -q '^Creator: *galley '"
  check "authors from the bylines" sh -c "pdfinfo '$TMP/sample.pdf' | grep -q '^Author:.*Raju Saha'"
  check "pdftotext gives the user's words back" sh -c "pdftotext '$TMP/sample.pdf' - | tr -s ' \n' ' ' | grep -q 'Strait of Hormuz'"
else
  skip "poppler-utils not installed: PDF structure not checked"
fi
check "dump is JSON with every page" python3 -c "
import json, sys
d = json.load(open('$TMP/boxes.json'))
assert len(d['pages']) >= 2
texts = [b for p in d['pages'] for b in p['boxes'] if b['kind'] == 'text']
assert any(b['style'] == 'headline' for b in texts)
for b in texts:
    assert 0 <= b['x'] and b['x'] + b['width'] <= d['page_width'] + 0.5, b
"
SOURCE_DATE_EPOCH=1782259200 $GALLEY build -q -o "$TMP/a.pdf" $samples
SOURCE_DATE_EPOCH=1782259200 $GALLEY build -q -o "$TMP/b.pdf" $samples
check "same input, same bytes" cmp -s "$TMP/a.pdf" "$TMP/b.pdf"
# Stories are set on worker threads and pages drawn while the flow goes on;
# neither the thread count nor drawing from the finished display list (as
# --dump-boxes does) may change a byte. More stories than threads.
SOURCE_DATE_EPOCH=1782259200 $GALLEY build -q -j 1 -o "$TMP/j1.pdf" $samples $samples $samples
SOURCE_DATE_EPOCH=1782259200 $GALLEY build -q -j 3 -o "$TMP/j3.pdf" $samples $samples $samples
SOURCE_DATE_EPOCH=1782259200 $GALLEY build -q -j 2 --dump-boxes "$TMP/j2.json" -o "$TMP/j2.pdf" \
  $samples $samples $samples
check "-j 1 and -j 3 give the same bytes" cmp -s "$TMP/j1.pdf" "$TMP/j3.pdf"
check "pages drawn while composing equal pages drawn after" cmp -s "$TMP/j1.pdf" "$TMP/j2.pdf"
expect_error "a negative -j is refused" 2 "-j takes a number of threads from 1 to 64, not -1" -- \
  $GALLEY build -q -j -1 -o "$TMP/neg.pdf" $samples
check "nothing written for a refused -j" test ! -e "$TMP/neg.pdf"
check "creation date from SOURCE_DATE_EPOCH" sh -c "pdfinfo -isodates '$TMP/a.pdf' | grep -q '^CreationDate: *2026-06-24T00:00:00Z'"

# ---- preview --------------------------------------------------------------------------
check "preview pages 1-2" $GALLEY preview -q --dpi 50 --pages 1-2 -o "$TMP/page-%d.png" $samples
check "page 1 picture" test -s "$TMP/page-1.png"
check "page 2 picture" test -s "$TMP/page-2.png"
check "no page 3 picture" test ! -e "$TMP/page-3.png"
check "picture is 11 x 17 in at 50 dpi" python3 -c "
import struct
d = open('$TMP/page-1.png', 'rb').read(24)
assert d[:8] == b'\x89PNG\r\n\x1a\n'
assert struct.unpack('>II', d[16:24]) == (550, 850), struct.unpack('>II', d[16:24])
"
expect_error "bad page list" 2 "--pages takes page numbers and ranges" -- $GALLEY preview --pages x -o "$TMP/p.png" $samples

# ---- warnings ---------------------------------------------------------------------------
printf '%b' '---\nheadline: Photo missing\nimage: nowhere.png\ncaption: A caption.\n---\n\nText \0364\0217\0277\0275 here.\n' > "$TMP/warn.md"
expect_error "missing photo is an error with its line" 2 "galley: error: $TMP/warn.md:3: photo $TMP/nowhere.png: image not found; check the path (it is relative to the file that names it); or give --placeholder-images to proof the pages with a placeholder in its place" -- \
  $GALLEY build -o "$TMP/warn.pdf" "$TMP/warn.md"
check "missing photo: no PDF written" test ! -e "$TMP/warn.pdf"
expect_error "missing photo: preview writes no picture either" 2 "warn.md:3: photo $TMP/nowhere.png: image not found" -- \
  $GALLEY preview -o "$TMP/warn-%d.png" "$TMP/warn.md"
check "missing photo: no picture written" sh -c "! ls '$TMP' | grep -q '^warn-'"
$GALLEY build --placeholder-images -o "$TMP/warn.pdf" --dump-boxes "$TMP/warn.json" "$TMP/warn.md" 2>"$TMP/stderr"
check "--placeholder-images: builds, status 0" test $? -eq 0 -a -s "$TMP/warn.pdf"
check "--placeholder-images: a warning with its line" grep -qF "galley: warning: $TMP/warn.md:3: photo $TMP/nowhere.png: image not found; check the path (it is relative to the file that names it); a grey placeholder, crossed out, is printed instead" "$TMP/stderr"
check "--placeholder-images: the placeholder drawn" grep -q '"kind": *"placeholder"' "$TMP/warn.json"
check "undrawable character is named" grep -qF "warn.md:7: no configured font can draw U+10FFFD" "$TMP/stderr"

# ---- import: scraped plain text -------------------------------------------------------
raw=samples/oligo-news/oligo-news-without-missiles.txt
check "import --help lists its options" sh -c "$GALLEY import --help | grep -q -- '--date-order'"
$GALLEY import "$raw" > "$TMP/imported.md" 2> "$TMP/stderr"
check "import writes the article to standard output" grep -qx "headline: Without Missiles We Would Be Like Gaza" "$TMP/imported.md"
check "import splits the deck off" grep -qx "deck: Iran Rejects Missile Curbs In Any US Deal" "$TMP/imported.md"
check "import reads the byline date" grep -qx "date: 2026-06-24" "$TMP/imported.md"
check "import says what it found" grep -qF "galley: imported $raw: source \"The Oligo News\", headline \"Without Missiles We Would Be Like Gaza\"" "$TMP/stderr"
check "import lists what it removed" grep -qF '4 paragraphs; removed 1 line: 15 "Latest Videos"' "$TMP/stderr"
check "import warns about the missing image" grep -qF "$raw:7: the text mentions the image 6d2ca9.png, which is not beside it" "$TMP/stderr"
check "the imported article builds" $GALLEY build -q -o "$TMP/imported.pdf" "$TMP/imported.md"
check "--keep-all keeps the furniture" sh -c "$GALLEY import -q --keep-all '$raw' | grep -qx 'Latest Videos'"
mkdir -p "$TMP/raw"
cp "$raw" "$TMP/raw/a.txt"
printf 'Second headline here\n\nBy Ann Lee 6/1/2015\n\nBody text of the second article.\n' > "$TMP/raw/b.txt"
expect_error "several files need a folder" 2 "2 text files give 2 articles; say which folder they go in with -o DIR/" -- $GALLEY import "$TMP/raw/a.txt" "$TMP/raw/b.txt"
check "import -o DIR/ writes one article per file" sh -c "$GALLEY import -q -o '$TMP/articles/' '$TMP/raw/a.txt' '$TMP/raw/b.txt' && test -s '$TMP/articles/a.md' && test -s '$TMP/articles/b.md'"
check "an ambiguous date is a warning" sh -c "$GALLEY import '$TMP/raw/b.txt' 2>&1 >/dev/null | grep -qF 'b.txt:3: the date 6/1/2015 could be 6 January or June 1, 2015'"
check "--date-order mdy" sh -c "$GALLEY import -q --date-order mdy '$TMP/raw/b.txt' | grep -qx 'date: 2015-06-01'"
expect_error "bad --date-order" 2 "--date-order takes dmy or mdy, not 'ymd'" -- $GALLEY import --date-order ymd "$TMP/raw/b.txt"
$GALLEY build -o "$TMP/mixed.pdf" samples/oligo-news/harbour-bridge.md "$raw" 2> "$TMP/stderr"
check "build takes .txt articles" test -s "$TMP/mixed.pdf"
check "build says once what it imported" test "$(grep -c '^galley: imported ' "$TMP/stderr")" -eq 1
check "build -q imports quietly" test -z "$($GALLEY build -q -o "$TMP/mixed.pdf" "$raw" 2>&1)"
: > "$TMP/empty.txt"
expect_error "import an empty file" 2 "empty.txt: the file is empty; there is no text to import" -- $GALLEY import "$TMP/empty.txt"
printf 'Headline\n\nBad \377 byte.\n' > "$TMP/bad.txt"
expect_error "import invalid UTF-8" 2 "bad.txt:3:5: invalid UTF-8 at byte offset 14 (byte 0xFF); save the file as UTF-8 text" -- $GALLEY import "$TMP/bad.txt"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' > "$TMP/picture.txt"
expect_error "import a binary file" 2 "picture.txt: is not text (a NUL byte at byte offset 8)" -- $GALLEY import "$TMP/picture.txt"
rm -rf "$TMP/articles"
expect_error "one bad text stops the import" 2 "empty.txt: the file is empty" -- $GALLEY import -o "$TMP/articles/" "$TMP/raw/a.txt" "$TMP/empty.txt"
check "... and nothing is written" test ! -e "$TMP/articles/a.md"
expect_error "build with a bad .txt" 2 "empty.txt: the file is empty" -- $GALLEY build -o "$TMP/x.pdf" "$TMP/empty.txt"

# ---- --verbose: paragraphs the composer leaves to Pango ----------------------------
printf -- '---\nheadline: Arabic\nlanguage: ar\n---\n\nAn English paragraph the composer sets.\n\nمرحبا بالعالم، هذه فقرة عربية طويلة بما يكفي لتنكسر على عدة أسطر في عمود ضيق.\n\nوهذه فقرة ثانية.\n' > "$TMP/arabic.md"
note="arabic.md:8: 2 justified paragraphs set with Pango's own line breaking instead of the paragraph composer (right-to-left or bidirectional text; the first is here)"
expect_error "--verbose names the paragraphs Pango broke" 0 "$note" -- $GALLEY build -v -o "$TMP/arabic.pdf" "$TMP/arabic.md"
check "... once per story" test "$(grep -c 'galley: note:' "$TMP/stderr")" -eq 1
$GALLEY build -o "$TMP/arabic.pdf" "$TMP/arabic.md" 2> "$TMP/stderr"
check "... and only with --verbose" test ! -s "$TMP/stderr"
expect_error "an English story is all composed" 0 "1 article, 1 page" -- $GALLEY build -v -o "$TMP/x.pdf" samples/oligo-news/harbour-bridge.md
check "... and --verbose says nothing of Pango" sh -c "! grep -q 'galley: note:' '$TMP/stderr'"
printf 'news-pa-per\nbad-\n' > "$TMP/house.txt"
bad "bad hyphenation exceptions" "house.txt:2:4: a break point needs a letter on each side" "$good" "hyphenation:\n  exceptions: $TMP/house.txt\nstyles:\n  body: {language: en}\n"
bad "missing hyphenation exceptions" "page.yaml:2:15: the hyphenation exceptions file" "$good" 'hyphenation:\n  exceptions: nowhere.txt\n'

# ---- drop caps and pull quotes, read through --dump-boxes and pdftotext ----
cat > "$TMP/dropcap.md" <<'EOF2'
---
headline: Council opens the new harbour bridge
dropcap: 3
pullquote: "'The bridge is finally safe,' the harbour master said"
---

The council opened the new harbour bridge on Tuesday after six weeks of repairs, and the harbour master said the works had gone as planned despite the storms of the past month.

Traffic will return to the bridge from Friday morning, when the temporary ferry stops running and the bus routes go back to their usual stops along the quay.

The repairs cost less than the council had budgeted, and the money left over will go to the new lighting on the footpath, which residents have asked for since the winter.

Engineers will inspect the bridge again in the autumn, and the council says it will publish their report in full on its website and in the library.
EOF2
check "drop cap article builds" $GALLEY build -q -o "$TMP/dropcap.pdf" --dump-boxes "$TMP/dropcap.json" "$TMP/dropcap.md"
check "the drop cap reads as its word in the dump" grep -q '"style": "dropcap", "story": 0, "text": "T", "actual_text": "The"' "$TMP/dropcap.json"
check "the rest of its word carries no text" grep -q '"text": "he council opened[^"]*"[^}]*"silent_bytes": 2' "$TMP/dropcap.json"
check "pdftotext reads The, not T he" sh -c "pdftotext '$TMP/dropcap.pdf' - | tr -s ' \n' ' ' | grep -q 'The council opened'"
check "the pull quote is set in its style" grep -q '"style": "pullquote"' "$TMP/dropcap.json"

# a blockquote marked <!-- pullquote --> is the pull quote, set like the front matter's
cat > "$TMP/marked.md" <<'EOF2'
---
headline: Council opens the new harbour bridge
---

The council opened the new harbour bridge on Tuesday after six weeks of repairs, and the harbour master said the works had gone as planned despite the storms of the past month.

<!-- pullquote -->
> 'The bridge is finally safe,'
> the harbour master said

Traffic will return to the bridge from Friday morning, when the temporary ferry stops running and the bus routes go back to their usual stops along the quay.

> An ordinary quote stays in the body.

The repairs cost less than the council had budgeted, and the money left over will go to the new lighting on the footpath, which residents have asked for since the winter.
EOF2
check "an article with a marked blockquote builds" $GALLEY build -q -o "$TMP/marked.pdf" --dump-boxes "$TMP/marked.json" "$TMP/marked.md"
check "the marked blockquote is set as the pull quote" sh -c "grep '\"style\": \"pullquote\"' '$TMP/marked.json' | grep -q 'finally safe'"
check "... and not as a quote in the body" sh -c "! grep '\"style\": \"quote\"' '$TMP/marked.json' | grep -q 'finally safe'"
check "an unmarked blockquote stays a quote" sh -c "grep '\"style\": \"quote\"' '$TMP/marked.json' | grep -q 'ordinary quote'"
grep -v 'pullquote -->' "$TMP/marked.md" > "$TMP/unmarked.md"
check "without its marker, the quote is an ordinary one" $GALLEY build -q -o "$TMP/unmarked.pdf" --dump-boxes "$TMP/unmarked.json" "$TMP/unmarked.md"
# the pull quote's rules: across two tabloid columns and their gutter
check "the pull quote is set between two rules" test "$(grep -c '"width": 280.80, "height": 0.00' "$TMP/marked.json")" -eq 2
check "... which the unmarked quote has not" test "$(grep -c '"width": 280.80, "height": 0.00' "$TMP/unmarked.json")" -eq 0

finish
