#!/bin/sh
# edition.sh — editions: the sample (8 tabloid pages, two sections), its
# display list (slots, text in slots, jumps, folios, links), the corpus as
# an auto-placed edition measured by pdfquality, bad edition files with
# their file:line:col errors, overset (status 3), ads, photos (JPEG kept as
# JPEG, CMYK with the right colours, missing photo), furniture languages.
SUITE=edition
. "$(dirname "$0")/lib.sh"
GALLEY=${GALLEY:-./galley}
SHARED=${SHARED:-../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
HERE=$(pwd)
SAMPLE=samples/oligo-news/edition.yaml

# ---- the sample edition ------------------------------------------------------------
$GALLEY build -v -o "$TMP/sample.pdf" --dump-boxes "$TMP/sample.json" $SAMPLE 2>"$TMP/err"
status=$?
if [ $status -ne 0 ]; then fail "sample edition: exit status $status"; cat "$TMP/err" >&2; else pass; fi
check "sample: 8 pages" sh -c "pdfinfo '$TMP/sample.pdf' | grep -q '^Pages: *8$'"
python3 tests/edition_check.py "$TMP/sample.json" A1 A2 A3 A4 B1 B2 B3 B4 >"$TMP/check" 2>&1
check "sample: slots, text in slots, jumps, folios, links" test $? -eq 0 || cat "$TMP/check" >&2
check "sample: the lead jumps from A1" sh -c "grep -q \"^A1 slot 'lead'.*jumps\" '$TMP/err'"
check "sample: its jump line names A3" sh -c "pdftotext -f 1 -l 1 '$TMP/sample.pdf' - | grep -q 'Continued on Page A3'"
check "sample: A3 says where it came from" sh -c "pdftotext -f 3 -l 3 '$TMP/sample.pdf' - | grep -q 'Continued from Page A1'"
# the PDF's objects are compressed: read them back through qpdf
qpdf --qdf --object-streams=disable "$TMP/sample.pdf" "$TMP/sample-qdf.pdf" 2>/dev/null
check "sample: PDF page labels A1.. and B1.." sh -c "tr -d '\n' < '$TMP/sample-qdf.pdf' | grep -Eq '/PageLabels.*/P \(A1\).*/P \(B4\)'"
check "sample: named destinations for the jumps" sh -c "grep -aq 'jump-0-from' '$TMP/sample-qdf.pdf' && grep -aq 'story-1' '$TMP/sample-qdf.pdf'"
check "sample: link annotations" sh -c "grep -aq '/Subtype /Link' '$TMP/sample-qdf.pdf'"
check "sample: an outline with the sections" sh -c "grep -aq '(A News)' '$TMP/sample-qdf.pdf' && grep -aq '(B Local)' '$TMP/sample-qdf.pdf'"
check "sample: nameplate and date line" sh -c "pdftotext -f 1 -l 1 '$TMP/sample.pdf' - | grep -q 'Wednesday, June 24, 2026'"
check "sample: volume and number" sh -c "pdftotext -f 1 -l 1 '$TMP/sample.pdf' - | grep -q 'Vol. XII, No. 173'"
check "sample: --verbose gives auto decisions" sh -c "grep -q 'auto -> ' '$TMP/err'"
check "sample: the lead photo is embedded as JPEG" sh -c "pdfimages -list -f 1 -l 1 '$TMP/sample.pdf' | grep -q ' jpeg '"
# Reading order: plain pdftotext's own order, which took the heads and
# columns of slots side by side for tables until the gutters carried hints,
# and read the sports story's league table column after column until its
# rows did (README, Print and archive): every story-page whole.
read -r segments broken rest <<EOF2
$(python3 tests/reading_order.py "$TMP/sample.pdf" "$TMP/sample.json" --all)
EOF2
echo "edition: sample, plain pdftotext: $segments story-pages, $broken broken: $rest"
check "sample: plain pdftotext reads all 25 story-pages whole ($((segments - broken)) of $segments${rest:+; broken: $rest})" \
  test "$segments" -eq 25 -a "$broken" -eq 0
check "sample: the league table comes out row by row" \
  sh -c "pdftotext -f 2 -l 2 '$TMP/sample.pdf' - | grep -q '^Oligo Rovers  *30  *+31  *67\$'"
# The hints change no pixel: the PDF and the same PDF with their glyphs taken
# out render alike.
hints=$(python3 tests/hintless.py "$TMP/sample.pdf" "$TMP/hintless.pdf")
same=$(same_render "$TMP/sample.pdf" "$TMP/hintless.pdf")
check "sample: its ${hints:-no} extractor hints change no pixel ($same)" test "$same" = yes -a "${hints:-0}" -gt 100
check "sample: the SVG ad is drawn as vectors (no image on B2)" sh -c "! pdfimages -list -f 6 -l 6 '$TMP/sample.pdf' | grep -q image"
python3 - "$TMP/sample.json" > "$TMP/inset" <<'PY'
import json, sys
page = json.load(open(sys.argv[1]))["pages"][0]["boxes"]
# the head shot set within the third column of the harbour story: its text above and below it
shots = [b for b in page if b["kind"] == "artwork" and b["width"] < 200]
ok = False
for shot in shots:
    col = [b for b in page if b["kind"] == "text" and b["story"] == shot["story"] and b.get("style") == "body"
           and abs(b["x"] - shot["x"]) < 12 and b["width"] <= shot["width"] + 1]
    above = [b for b in col if b["baseline"] < shot["y"]]
    below = [b for b in col if b["baseline"] - b["height"] > shot["y"] + shot["height"]]
    inside = [b for b in col if shot["y"] <= b["baseline"] <= shot["y"] + shot["height"]]
    ok = ok or (len(above) >= 2 and len(below) >= 2 and not inside)
print("ok" if ok else "no inset with text above and below it")
PY
check "sample: a head shot within a column, the text above and below it" grep -qx ok "$TMP/inset"
check "sample: a pull quote beside the lead's photo" sh -c "pdftotext -f 1 -l 1 '$TMP/sample.pdf' - | grep -q 'Without missiles'"
check "sample: the ad's words are text" sh -c "pdftotext -f 6 -l 6 '$TMP/sample.pdf' - | grep -q 'HARBOUR FERRY'"
SOURCE_DATE_EPOCH=1700000000 $GALLEY build -q -o "$TMP/a.pdf" $SAMPLE
SOURCE_DATE_EPOCH=1700000000 $GALLEY build -q -o "$TMP/b.pdf" $SAMPLE
check "sample: byte-identical builds" cmp -s "$TMP/a.pdf" "$TMP/b.pdf"
$GALLEY preview -q --pages 1 --dpi 30 -o "$TMP/front.png" $SAMPLE
check "sample: preview of the front page" test -s "$TMP/front.png"
check "sample: galley check finds no errors (headlines judged by their slots)" \
  sh -c "$GALLEY check -q $SAMPLE > '$TMP/check.txt' && grep -q '0 headlines too long' '$TMP/check.txt'"

# ---- bad edition files: message with file:line:col, status 2, no output ------------------------
S=$HERE/samples/oligo-news   # its length moves the columns of errors after it: ${#S}
head='publication: Test\ndate: 2026-06-24\nlayout: tabloid\n'
bad_edition() {   # NAME MESSAGE EDITION-TEXT
  printf '%b' "$3" > "$TMP/bad.yaml"
  rm -f "$TMP/bad.pdf"
  expect_error "$1" 2 "$2" -- $GALLEY build -o "$TMP/bad.pdf" "$TMP/bad.yaml"
  check "$1 leaves no output" test ! -e "$TMP/bad.pdf"
}
bad_edition "unknown page kind" "bad.yaml:5:11: unknown page kind 'frnt'; the layout" \
  "${head}pages:\n  - kind: frnt\n"
bad_edition "slot off the page" "bad.yaml:7:7: slot 'extra' (column 4, span 3, line 1, 20 lines) runs off the page" \
  "${head}pages:\n  - kind: inside\n    slots:\n      extra: {story: $S/council-budget.md, column: 4, span: 3, line: 1, lines: 20}\n"
bad_edition "slot below the page" "bad.yaml:7:7: slot 'top' (column 1, span 5, line 100, 54 lines) runs off the page: its lines go past the foot of the text area; the page has 5 columns and 108 lines" \
  "${head}pages:\n  - kind: inside\n    slots:\n      top: {story: $S/council-budget.md, line: 100}\n"
bad_edition "missing story file" "bad.yaml:7:12: story file 'nope.md' not found" \
  "${head}pages:\n  - kind: inside\n    slots:\n      top: nope.md\n"
bad_edition "two stories in one slot (list)" "bad.yaml:7:12: slot 'top' lists several stories; a slot holds one story" \
  "${head}pages:\n  - kind: inside\n    slots:\n      top: [$S/council-budget.md, $S/school-robotics.md]\n"
bad_edition "two stories in one slot (story and ad)" "bad.yaml:7:$((40 + ${#S})): slot 'top' already holds a story or an ad" \
  "${head}pages:\n  - kind: inside\n    slots:\n      top: {story: $S/council-budget.md, ad: $S/ads/ferry.svg}\n"
bad_edition "the same slot twice" "bad.yaml:8:7: key 'top' appears twice (first on line 7)" \
  "${head}pages:\n  - kind: inside\n    slots:\n      top: $S/council-budget.md\n      top: $S/school-robotics.md\n"
bad_edition "jump to a page that does not exist" "bad.yaml:8:$((46 + ${#S})): jump to page 'A7', which this edition does not have (pages A1 to A2)" \
  "${head}sections: [A]\npages:\n  - kind: inside\n    slots:\n      top: {story: $S/council-budget.md, jump: A7}\n  - kind: inside\n"
bad_edition "jump backwards" "bad.yaml:9:$((46 + ${#S})): jump to page 'A1', which is not after this page" \
  "${head}sections: [A]\npages:\n  - kind: inside\n  - kind: inside\n    slots:\n      top: {story: $S/council-budget.md, jump: A1}\n"
bad_edition "unknown section" "bad.yaml:6:29: unknown section 'C'; list it under 'sections:'" \
  "${head}sections: [A, B]\npages:\n  - {kind: inside, section: C}\n"
bad_edition "unknown key" "bad.yaml:4:1: unknown edition key 'pagess'" \
  "${head}pagess: []\n"
bad_edition "missing ad" "bad.yaml:7:16: ad artwork 'gone.pdf' not found" \
  "${head}pages:\n  - kind: inside-ad\n    slots:\n      ad: {ad: gone.pdf}\n"
bad_edition "no publication" "bad.yaml:1:1: the edition needs a 'publication:'" \
  "date: 2026-06-24\npages:\n  - kind: inside\n"
bad_edition "bad slot value" "bad.yaml:7:20: 'lines' is a number of grid lines, a fraction such as 1/2 or 40%, or rest; not 'many'" \
  "${head}pages:\n  - kind: inside\n    slots:\n      top: {lines: many}\n"

# ---- page kinds in a layout: errors name the layout's line and column --------------------------
cp layouts/house-*.txt "$TMP/" 2>/dev/null
sed '/^page_kinds:/,$d' layouts/tabloid.yaml > "$TMP/kinds.yaml"
printf '%b' "page_kinds:\n  inside:\n    slots:\n      a: {column: 1, span: 3, line: 1, lines: 50}\n      b: {column: 3, span: 3, line: 20, lines: 30}\n" >> "$TMP/kinds.yaml"
lines=$(wc -l < "$TMP/kinds.yaml")
bad_edition "overlapping slots in a layout" "kinds.yaml:$lines:7: slot 'b' overlaps slot 'a'" \
  "publication: Test\nlayout: kinds.yaml\npages:\n  - kind: inside\n"
sed '/^page_kinds:/,$d' layouts/tabloid.yaml > "$TMP/nokinds.yaml"
bad_edition "a layout without page kinds" "nokinds.yaml: the layout has no 'page_kinds:' mapping" \
  "publication: Test\nlayout: nokinds.yaml\npages:\n  - kind: inside\n"
for layout in tabloid broadsheet berliner newsletter-a4 newsletter-letter bench-tabloid; do
  for kind in front inside inside-ad section-front opinion; do
    printf '%b' "publication: Test\nlayout: $HERE/layouts/$layout.yaml\npages:\n  - kind: $kind\n" > "$TMP/kind.yaml"
    $GALLEY build -q -o "$TMP/kind.pdf" "$TMP/kind.yaml" 2>"$TMP/err"
    status=$?
    if [ $status -ne 0 ] && [ $status -ne 3 ]; then fail "$layout has page kind $kind: status $status"; cat "$TMP/err" >&2; else pass; fi
  done
done

# ---- a logo in the nameplate ----------------------------------------------------------------------
printf '%b' "${head}nameplate: {logo: $S/ads/ferry.svg}\npages:\n  - kind: front\n" > "$TMP/logo.yaml"
$GALLEY build -q -o "$TMP/logo.pdf" --dump-boxes "$TMP/logo.json" "$TMP/logo.yaml" 2>/dev/null
check "nameplate logo: drawn as artwork (vectors, its words are text)" sh -c "grep -q '\"kind\": \"artwork\"' '$TMP/logo.json' && pdftotext -f 1 -l 1 '$TMP/logo.pdf' - | grep -q 'HARBOUR FERRY'"

# ---- overset: reported, marked, status 3, the PDF still written --------------------------------
printf '%b' "${head}add_pages: false\npages:\n  - kind: front\n    slots: {rail: $S/harbour-bridge.md, lead: $S/weekend-results.md, second: $S/council-budget.md, third: $S/school-robotics.md}\n" > "$TMP/over.yaml"
$GALLEY build -q -o "$TMP/over.pdf" --dump-boxes "$TMP/over.json" "$TMP/over.yaml" 2>"$TMP/err"
check "overset: exit status 3" test $? -eq 3
check "overset: the report names story, page and words" sh -c "grep -Eq 'galley: overset: .*\\.md: \".*\" on page 1, slot .*: [0-9]+ words overset' '$TMP/err'"
check "overset: the PDF is written" test -s "$TMP/over.pdf"
check "overset: a mark in the PDF" sh -c "grep -q '\"kind\": \"mark\"' '$TMP/over.json'"
printf '%b' "${head}add_pages: false\nstories: [$S/council-budget.md, $S/school-robotics.md, $S/weekend-results.md, $S/harbour-bridge.md, $S/without-missiles.md]\npages:\n  - kind: inside\n    slots: {top: auto, left: auto}\n" > "$TMP/noslot.yaml"
$GALLEY build -q -o "$TMP/noslot.pdf" "$TMP/noslot.yaml" 2>"$TMP/err"
check "no slot left: exit status 3" test $? -eq 3
check "no slot left: reported" sh -c "grep -q 'has no slot: [0-9]* words overset' '$TMP/err'"

# ---- copy-fitting: a story a few lines too long fits with `fit: true` ---------------------------
fit_edition() {   # FIT LINES: the top story's depth; the two below share the rest
  below=$(($2 + 1))
  printf '%b' "${head}add_pages: false\npages:\n  - kind: inside\n    slots:\n      top: {story: $S/weekend-results.md, lines: $2}\n      left: {story: $S/council-budget.md, line: $below, lines: rest}\n      right: {story: $S/school-robotics.md, line: $below, lines: rest, fit: $1}\n" > "$TMP/fit.yaml"
}
fit_edition false 52
$GALLEY build -q -o "$TMP/nofit.pdf" "$TMP/fit.yaml" 2>"$TMP/err"
check "copy-fit: without fit the story is overset" sh -c "test $? -eq 3 && grep -q 'school-robotics.md.*words overset' '$TMP/err'"
fit_edition true 52
$GALLEY build -v -o "$TMP/fit.pdf" --dump-boxes "$TMP/fit.json" "$TMP/fit.yaml" 2>"$TMP/err"
check "copy-fit: with fit: true it fits (exit 0)" test $? -eq 0
check "copy-fit: galley says what it changed" sh -c "grep -Eq \"slot 'right': copy-fit .*school-robotics.md: (leading 10.50 -> 10|tracking -0)\" '$TMP/err'"
python3 tests/edition_check.py "$TMP/fit.json" >"$TMP/check" 2>&1
check "copy-fit: display list checks" test $? -eq 0 || cat "$TMP/check" >&2
check "copy-fit: the last words are printed" sh -c "pdftotext '$TMP/fit.pdf' - | grep -q 'school’s website'"
check "copy-fit: (and were not without fit)" sh -c "! pdftotext '$TMP/nofit.pdf' - | grep -q 'school’s website'"
fit_edition true 54   # two lines shallower: leading alone is not enough
$GALLEY build -v -o "$TMP/fit54.pdf" "$TMP/fit.yaml" 2>"$TMP/err"
check "copy-fit: tighter tracking when leading is not enough (exit 0)" test $? -eq 0
check "copy-fit: says the tracking it set" sh -c "grep -q \"slot 'right': copy-fit .*school-robotics.md: tracking -0\" '$TMP/err'"

# ---- added pages: what has no slot is flowed on -------------------------------------------------
printf '%b' "${head}sections: [{name: A, title: News}]\nstories: [$S/council-budget.md, $S/school-robotics.md, $S/weekend-results.md, $S/harbour-bridge.md, $S/without-missiles.md]\npages:\n  - kind: inside\n    slots: {top: auto, left: auto, right: auto}\n" > "$TMP/more.yaml"
$GALLEY build -v -o "$TMP/more.pdf" --dump-boxes "$TMP/more.json" "$TMP/more.yaml" 2>"$TMP/err"
check "added pages: exit 0" test $? -eq 0
check "added pages: labelled on from A1" sh -c "grep -q '\"label\": \"A2\"' '$TMP/more.json'"
python3 tests/edition_check.py "$TMP/more.json" >"$TMP/check" 2>&1
check "added pages: display list checks" test $? -eq 0 || cat "$TMP/check" >&2

# ---- photos and artwork --------------------------------------------------------------------------
$GALLEY build -q -o "$TMP/ad.pdf" samples/oligo-news/school-robotics.md
printf '%b' "${head}pages:\n  - kind: inside-ad\n    slots:\n      top: {story: $S/council-budget.md, image: missing-photo.jpg, caption: Gone}\n      left: $S/weekend-results.md\n      ad: {ad: ad.pdf, keyline: true}\n" > "$TMP/art.yaml"
expect_error "artwork: a missing photo is an error with the edition's file and line" 2 \
  "galley: error: $TMP/art.yaml:7: photo $TMP/missing-photo.jpg: cannot read the artwork: no such file; check the path; or give --placeholder-images" -- \
  $GALLEY build -o "$TMP/art.pdf" --dump-boxes "$TMP/art.json" "$TMP/art.yaml"
check "artwork: a missing photo: no PDF and no dump written" test ! -e "$TMP/art.pdf" -a ! -e "$TMP/art.json"
$GALLEY build --placeholder-images -o "$TMP/art.pdf" --dump-boxes "$TMP/art.json" "$TMP/art.yaml" 2>"$TMP/err"
check "artwork: builds with --placeholder-images" test $? -le 3
check "artwork: missing photo warns with the edition's file and line" sh -c "grep -q 'warning: .*art.yaml:7: .*missing-photo.jpg.*grey placeholder' '$TMP/err'"
check "artwork: missing photo is a placeholder" sh -c "grep -q '\"kind\": \"placeholder\"' '$TMP/art.json'"
check "artwork: the placeholder names the file" sh -c "grep -q '\"text\": \"missing-photo.jpg\"' '$TMP/art.json'"
check "artwork: a PDF ad keeps its text (vectors)" sh -c "pdftotext '$TMP/art.pdf' - | grep -q 'Barnacle'"
printf 'not a picture\n' > "$TMP/broken.png"
printf '%b' "${head}pages:\n  - kind: inside\n    slots:\n      top: {story: $S/council-budget.md, inset: {image: broken.png, column: 2, caption: Cut}}\n" > "$TMP/inset.yaml"
expect_error "artwork: an inset photo that is not an image is an error with its line" 2 \
  "galley: error: $TMP/inset.yaml:7: inset photo $TMP/broken.png: not an image galley can read; use PNG or JPEG; or give --placeholder-images" -- \
  $GALLEY build -o "$TMP/inset.pdf" "$TMP/inset.yaml"
check "artwork: a broken inset photo: no PDF" test ! -e "$TMP/inset.pdf"
printf '%b' "${head}pages:\n  - kind: inside-ad\n    slots:\n      ad: {ad: broken.png}\n" > "$TMP/badad.yaml"
expect_error "artwork: an ad that is not an image is an error with its line and column" 2 \
  "galley: error: $TMP/badad.yaml:7:16: cannot use the ad: $TMP/broken.png: not an image galley can read; use PNG or JPEG" -- \
  $GALLEY build -o "$TMP/badad.pdf" "$TMP/badad.yaml"
check "artwork: a broken ad: no PDF" test ! -e "$TMP/badad.pdf"

if [ -d "$SHARED/corpus/images" ]; then
  IMG=$(cd "$SHARED/corpus/images" && pwd)
  printf '%b' "${head}add_pages: false\npages:\n  - kind: inside\n    slots:\n      top: {story: $S/school-robotics.md, image: $IMG/cmyk-3x2-1200x800.jpg}\n      left: {story: $S/weekend-results.md, image: $IMG/classic-4x3-1600x1200.jpg}\n" > "$TMP/cmyk.yaml"
  $GALLEY build -q -o "$TMP/cmyk.pdf" --dump-boxes "$TMP/cmyk.json" "$TMP/cmyk.yaml" 2>/dev/null
  $GALLEY preview -q --dpi 20 -o "$TMP/cmyk.png" "$TMP/cmyk.yaml" 2>/dev/null
  pdftoppm -r 20 -f 1 -l 1 -png "$TMP/cmyk.pdf" "$TMP/cmykpdf"
  check "CMYK photo: the same colours in the PDF as decoded (not a negative)" \
    python3 tests/colour_check.py "$TMP/cmyk.json" "$TMP/cmyk.png" "$TMP"/cmykpdf*.png 20
  python3 - "$IMG/landscape-3x2-1800x1200.jpg" "$TMP/turned.jpg" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1, 6, 0) + struct.pack(">I", 0)
exif = b"Exif\x00\x00" + tiff
open(sys.argv[2], "wb").write(data[:2] + b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif + data[2:])
PY
  printf '%b' "${head}add_pages: false\npages:\n  - kind: inside\n    slots:\n      top: {story: $S/school-robotics.md, image: turned.jpg}\n" > "$TMP/turned.yaml"
  $GALLEY build -q -o "$TMP/turned.pdf" "$TMP/turned.yaml" 2>/dev/null
  check "JPEG turned by EXIF: embedded upright (decoded, 1200 x 1800)" sh -c "pdfimages -list '$TMP/turned.pdf' | grep -Eq ' 1200 +1800 +rgb .* image '"
  check "RGB JPEG photo: embedded as JPEG" sh -c "pdfimages -list '$TMP/cmyk.pdf' | grep -q 'rgb .* jpeg'"
else
  skip "$SHARED/corpus/images not found: CMYK photo not checked"
fi

# ---- a photo cropped around the focal point its article gives -----------------------------------
sed -e 's|^image: images/harbour.png|image: '"$S"'/images/harbour.png\nfocus: 25% 100%|' $S/harbour-bridge.md > "$TMP/focus.md"
printf '%b' "${head}pages:\n  - kind: inside\n    slots: {top: focus.md}\n" > "$TMP/focus.yaml"
$GALLEY build -q -o "$TMP/focus.pdf" --dump-boxes "$TMP/focus.json" "$TMP/focus.yaml" 2>/dev/null
check "photo: cropped around the article's focus" sh -c "grep -q '\"cropped\": true, \"focus\": \[0.25, 1.00\]' '$TMP/focus.json'"
printf '%b' "---\nheadline: H\nimage: x.png\nfocus: left\n---\nText\n" > "$TMP/badfocus.md"
printf '%b' "${head}pages:\n  - kind: inside\n    slots: {top: badfocus.md}\n" > "$TMP/badfocus.yaml"
expect_error "photo: a bad focus is an error with its place" 2 "badfocus.md:4:8: 'focus' is the point of the photo to keep" -- $GALLEY build -o "$TMP/badfocus.pdf" "$TMP/badfocus.yaml"

printf '%b' "${head}pages:\n  - kind: inside\n    slots: {top: {story: $S/council-budget.md, image: $S/images/harbour.png, focus: 0% 50%}}\n" > "$TMP/focus2.yaml"
$GALLEY build -q -o "$TMP/focus2.pdf" --dump-boxes "$TMP/focus2.json" "$TMP/focus2.yaml" 2>/dev/null
check "photo: cropped around the slot's focus" sh -c "grep -q '\"cropped\": true, \"focus\": \[0.00, 0.50\]' '$TMP/focus2.json'"
bad_edition "a bad focus in a slot" "bad.yaml:6:$((67 + ${#S})): 'focus' is the point of the photo to keep" \
  "${head}pages:\n  - kind: inside\n    slots: {top: {story: $S/council-budget.md, image: x.png, focus: 150% 0}}\n"
check "edition metadata: the bylines are the PDF's authors" sh -c "pdfinfo '$TMP/sample.pdf' | grep -q '^Author: .*Raju Saha'"

# ---- furniture languages ----------------------------------------------------------------------------
for lang in de fr es; do
  sed -e "s/^language: en/language: $lang/" $SAMPLE > samples/oligo-news/.edition-$lang.yaml
  $GALLEY build -q -o "$TMP/$lang.pdf" samples/oligo-news/.edition-$lang.yaml 2>/dev/null
  pdftotext "$TMP/$lang.pdf" "$TMP/$lang.txt"
  rm -f samples/oligo-news/.edition-$lang.yaml
done
check "German furniture" sh -c "grep -q 'Fortsetzung auf Seite A3' '$TMP/de.txt' && grep -q 'Mittwoch, 24. Juni 2026' '$TMP/de.txt' && grep -q 'Jahrgang XII, Nr. 173' '$TMP/de.txt'"
check "French furniture" sh -c "grep -q 'Suite en page A3' '$TMP/fr.txt' && grep -q 'mercredi 24 juin 2026' '$TMP/fr.txt'"
check "Spanish furniture" sh -c "grep -q 'Continúa en la página A3' '$TMP/es.txt' && grep -q 'miércoles, 24 de junio de 2026' '$TMP/es.txt'"

# ---- the corpus as an edition with auto placement -----------------------------------------------------
if [ ! -d "$SHARED/corpus/articles" ] || [ ! -x "$SHARED/tools/pdfquality" ]; then
  skip "$SHARED/corpus or pdfquality not found: corpus edition not measured"
  finish
  exit $?
fi
ARTICLES=$(cd "$SHARED/corpus/articles" && pwd)
cat > "$TMP/corpus.yaml" <<EOF
publication: Corpus Daily
date: 2026-11-27
sections: [{name: A, title: News}, {name: B, title: World}]
stories: ["$ARTICLES/*.md"]
pages:
  - {kind: front, section: A}
  - {kind: inside}
  - {kind: opinion}
  - {kind: section-front, section: B}
  - {kind: inside}
EOF
for layout in tabloid broadsheet; do
  nice -n 10 $GALLEY build -q --layout $layout -o "$TMP/c-$layout.pdf" --dump-boxes "$TMP/c-$layout.json" "$TMP/corpus.yaml" 2>"$TMP/c-err"
  status=$?
  if [ $status -ne 0 ] && [ $status -ne 3 ]; then fail "corpus edition $layout: status $status"; cat "$TMP/c-err" >&2; continue; fi
  pass
  python3 tests/edition_check.py "$TMP/c-$layout.json" >"$TMP/check" 2>&1
  check "corpus edition $layout: display list checks" test $? -eq 0 || cat "$TMP/check" >&2
  "$SHARED/tools/pdfquality" "$TMP/c-$layout.pdf" --source "$ARTICLES" --json > "$TMP/q.json" 2>/dev/null
  python3 - "$TMP/q.json" "$TMP/c-err" "$layout" > "$TMP/verdict" <<'PY'
import json, re, sys
q = json.load(open(sys.argv[1]))
overset = {}
for line in open(sys.argv[2]):
    m = re.match(r'galley: overset: (\S+\.md): .*: (\d+) words overset', line)
    if m:
        overset[m.group(1).rsplit("/", 1)[-1]] = overset.get(m.group(1).rsplit("/", 1)[-1], 0) + int(m.group(2))
# the corpus writes "risqu\&#233;": galley prints "risqué", pdfquality expects "risqu" + "é"
known = {("bbc-gadgets-galore-on-show-at-fair.md", "risqu"), ("bbc-gadgets-galore-on-show-at-fair.md", "é")}
unexplained, by_file = [], {}
for run in q["conservation"].get("missing_runs", []):
    name = run["file"].rsplit("/", 1)[-1]
    words = [w for w in run["text"].split() if (name, w) not in known]
    by_file[name] = by_file.get(name, 0) + run["length"]
    if name not in overset:
        unexplained += words
print("missing-unreported", len(unexplained), unexplained[:10])
over = [f for f in by_file if f in overset and by_file[f] > overset[f] + 10]
print("missing-beyond-report", len(over), over[:3])
print("articles", 0 if q["conservation"]["source_words"] > 30000 else 1, q["conservation"]["source_words"])
print("collisions", q["collisions"]["overlapping_pairs"], q["collisions"].get("pairs", [])[:2])
PY
  while read -r what count detail; do
    if [ "$count" = 0 ]; then pass; else fail "corpus edition $layout: $what $count $detail"; fi
  done < "$TMP/verdict"
done

finish
