#!/bin/sh
# print.sh — print-ready and archival PDF, checked with the printers' and
# archivists' own tools: qpdf --check, pdfinfo -box, Ghostscript's tiffsep
# separations, pdffonts, qpdf --json (outline, page labels), pdftotext
# (reading order), and byte-identical rebuilds.
SUITE=print
. "$(dirname "$0")/lib.sh"
GALLEY=${GALLEY:-./galley}
SHARED=${SHARED:-../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
CHECK="python3 tests/print_check.py"
samples=$(ls samples/oligo-news/*.md)
export SOURCE_DATE_EPOCH=1782302400   # 2026-06-24 12:00 UTC

for tool in qpdf gs pdfinfo pdftotext pdffonts; do
  if ! command -v $tool >/dev/null 2>&1; then
    skip "$tool not installed (make deps): print output not checked"
    finish
    exit $?
  fi
done

build() {   # build NAME ARGS...: galley build into $TMP/NAME.pdf, boxes in NAME.json
  name=$1; shift
  if $GALLEY build -q -o "$TMP/$name.pdf" --dump-boxes "$TMP/$name.json" "$@" 2>"$TMP/$name.err"; then
    pass
  else
    fail "$name: build failed"; cat "$TMP/$name.err" >&2
  fi
}

build plain --layout newsletter-a4 $samples
build print --layout newsletter-a4 --print --edition "Late edition" $samples
build gray --layout newsletter-a4 --print --pdfx $samples
build cmyk --layout newsletter-a4 --print --pdfx-cmyk $samples
build tabloid --layout tabloid $samples

# ---- every PDF passes qpdf --check ----------------------------------------------
for f in plain print gray cmyk tabloid; do
  check "$f passes qpdf --check" sh -c "qpdf --check '$TMP/$f.pdf' >/dev/null 2>&1"
done

# ---- page boxes ------------------------------------------------------------------
# A4 is 595.28 x 841.89 pt; 3 mm is 8.50 pt; marks need 24 pt beyond the bleed.
$CHECK boxes "$TMP/plain.pdf" | sort -u > "$TMP/boxes"
check "plain: media, bleed and trim are the page" \
  grep -qx "0.00,0.00,595.28,841.89 0.00,0.00,595.28,841.89 0.00,0.00,595.28,841.89" "$TMP/boxes"
check "plain: one page size" test "$(wc -l < "$TMP/boxes")" -eq 1
$CHECK boxes "$TMP/print.pdf" | sort -u > "$TMP/boxes"
check "print: trim is the A4 page, bleed 3 mm beyond, marks beyond that" \
  grep -qx "0.00,0.00,660.28,906.90 24.00,24.00,636.28,882.90 32.50,32.50,627.78,874.39" "$TMP/boxes"
check "print: every page has the boxes" test "$(wc -l < "$TMP/boxes")" -eq 1
check "print: every page boxed" test "$($CHECK boxes "$TMP/print.pdf" | wc -l)" -eq \
  "$(pdfinfo "$TMP/print.pdf" | sed -n 's/^Pages: *//p')"
$CHECK boxes "$TMP/cmyk.pdf" | sort -u > "$TMP/boxes"
check "PDF/X keeps the boxes" \
  grep -qx "0.00,0.00,660.28,906.90 24.00,24.00,636.28,882.90 32.50,32.50,627.78,874.39" "$TMP/boxes"
build bleed --layout newsletter-a4 --print --bleed 0.125in $samples
check "--bleed 0.125in is 9 pt" sh -c "$CHECK boxes '$TMP/bleed.pdf' | grep ' 24.00,24.00,.* 33.00,33.00,' >/dev/null"
printf 'page: a4\nprint: {bleed: 5mm, edition: Weekend}\n' > "$TMP/print.yaml"
build block --layout "$TMP/print.yaml" $samples
check "a layout's print: block turns marks on, with its bleed" \
  sh -c "$CHECK boxes '$TMP/block.pdf' | grep ' 24.00,24.00,.* 38.17,38.17,' >/dev/null"
check "the slug names publication, edition, page label and build time" \
  sh -c "pdftotext -f 2 -l 2 '$TMP/print.pdf' - | grep -qF 'The Oligo News · Late edition · Page 2 · 2026-06-24 12:00 UTC'"
check "the layout's edition is on the slug" sh -c "pdftotext '$TMP/block.pdf' - | grep -qF '· Weekend ·'"

# ---- marks stay outside the bleed; photos at the trim run into it ----------------------
pdftoppm -gray -r 36 -f 1 -l 1 "$TMP/print.pdf" "$TMP/ring"
read -r in_bleed beyond <<EOF2
$($CHECK ring "$TMP"/ring-1.pgm 32.5 8.5 36)
EOF2
check "nothing drawn between trim and bleed edge ($in_bleed dark pixels)" test "$in_bleed" -eq 0
check "crop and registration marks beyond the bleed ($beyond dark pixels)" test "$beyond" -gt 40
printf 'page: a4\nmargins: {top: 36pt, bottom: 36pt, left: 0pt, right: 0pt}\ncolumns: 3\nphoto_columns: all\nprint: {bleed: 3mm}\n' > "$TMP/edge.yaml"
build edge --layout "$TMP/edge.yaml" samples/oligo-news/harbour-bridge.md
pdftoppm -gray -r 36 -f 1 -l 1 "$TMP/edge.pdf" "$TMP/edge"
read -r in_bleed beyond <<EOF2
$($CHECK ring "$TMP"/edge-1.pgm 32.5 8.5 36)
EOF2
check "a photo at the trim runs into the bleed ($in_bleed pixels)" test "$in_bleed" -gt 100

# ---- PDF/X: output intent, version, colour, fonts -----------------------------------------
# Debian 12 packages no PDF/X validator: tests/pdfx_check.py checks the keys
# PDF/X-1a:2003 requires through qpdf --json (header, /ID, Info with
# GTS_PDFXVersion, Title, dates and Trapped, the GTS_PDFX output intent,
# TrimBox within BleedBox within MediaBox on every page, no transparency,
# gray and CMYK colour only, every font embedded).
requirements="header id info intent boxes transparency colour fonts"
for f in gray cmyk; do
  qpdf --json "$TMP/$f.pdf" > "$TMP/$f.qjson"
  python3 tests/pdfx_check.py "$TMP/$f.pdf" > "$TMP/$f.pdfx"
  for req in $requirements; do
    check "$f: PDF/X-1a:2003 $req ($(grep " $req" "$TMP/$f.pdfx"))" grep -qx "ok $req" "$TMP/$f.pdfx"
  done
  # PDF/X-1a:2003 is based on PDF 1.4; galley's XMP (a 1.4 feature) makes it say so
  check "$f: PDF 1.4" sh -c "pdfinfo '$TMP/$f.pdf' | grep -q 'PDF version: *1.4'"
done
check "gray: only DeviceGray" sh -c "! grep -q DeviceCMYK '$TMP/gray.qjson'"
# control: a copy of the PDF/X file that breaks one requirement fails its check
for req in $requirements; do
  python3 tests/pdfx_check.py --spoil $req "$TMP/cmyk.pdf" "$TMP/spoilt.pdf" >/dev/null 2>&1
  python3 tests/pdfx_check.py "$TMP/spoilt.pdf" > "$TMP/spoilt.pdfx" 2>&1
  check "control: pdfx_check catches a file that breaks $req" grep -q "^FAIL $req:" "$TMP/spoilt.pdfx"
done
# Tagged PDF does not survive Ghostscript 10.00 (README: Print and archive):
# the PDF/X file must not claim structure it no longer has.
check "PDF/X says it is not tagged (no /MarkInfo, StructTreeRoot, StructParents)" \
  sh -c "pdfinfo '$TMP/cmyk.pdf' | grep -q '^Tagged: *no' && ! grep -qE '\"/(MarkInfo|StructTreeRoot|StructParents)\"' '$TMP/cmyk.qjson'"
for f in plain print; do   # PDF/X files: pdfx_check's fonts above
  check "$f: every font embedded" \
    sh -c "pdffonts '$TMP/$f.pdf' | tail -n +3 | awk '{ if (\$(NF-4) != \"yes\") bad = 1 } END { exit bad }'"
done

# A photo with an alpha channel: composited onto white, so PDF/X (no
# transparency) keeps the page as it is; else Ghostscript flattens the
# whole page into one picture and its text is gone.
python3 - "$TMP/alpha.png" <<'PY'
import struct, sys, zlib
w, h = 300, 200
rows = b''.join(b'\0' + bytes(v for x in range(w) for v in (x % 256, 80, 160, 255 * x // w))
                for _ in range(h))
chunk = lambda kind, data: struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0)) \
    + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
PY
printf -- '---\nheadline: Glass half clear\nimage: alpha.png\ncaption: A photo with transparency.\n---\n\nThe words of this story must stay words in every kind of PDF galley writes.\n' > "$TMP/alpha.md"
build alpha --layout newsletter-a4 --pdfx-cmyk "$TMP/alpha.md"
check "the transparent photo is in the PDF/X file" sh -c "test \$(pdfimages -list '$TMP/alpha.pdf' | tail -n +3 | wc -l) -eq 1"
check "PDF/X keeps a page with a transparent photo as text" \
  sh -c "pdftotext '$TMP/alpha.pdf' - | tr '\\n' ' ' | grep -q 'must stay words in every kind'"
check "no soft mask in a PDF with a transparent photo" \
  sh -c "$GALLEY build -q -o '$TMP/alpha0.pdf' '$TMP/alpha.md' && ! qpdf --json '$TMP/alpha0.pdf' | grep -q '\"/SMask\"'"

# K only: C, M and Y plates carry nothing but photos (boxes from the dump).
mkdir "$TMP/sep" "$TMP/sep4"
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=tiffsep -sCompression=none -r36 -sOutputFile="$TMP/sep/p%d.tif" "$TMP/cmyk.pdf"
$CHECK separations "$TMP/sep" "$TMP/cmyk.json" 32.5 36 > "$TMP/plates"
check "cmyk: text and rules are on the K plate only" \
  sh -c "awk '{ if (\$2 || \$3 || \$4) bad = 1 } END { exit bad }' '$TMP/plates'"
check "cmyk: the K plate carries the text" sh -c "awk '{ if (\$5 < 100) bad = 1; k += \$5 } END { exit bad || k < 10000 }' '$TMP/plates'"
check "cmyk: the photo is in colour" sh -c "awk '{ c += \$6 } END { exit !(c > 1000) }' '$TMP/plates'"
# control: Ghostscript's plain CMYK conversion makes four-colour black, and the check sees it
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sColorConversionStrategy=CMYK \
  -sProcessColorModel=DeviceCMYK -sOutputFile="$TMP/rich.pdf" "$TMP/print.pdf"
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=tiffsep -sCompression=none -r36 -sOutputFile="$TMP/sep4/p%d.tif" "$TMP/rich.pdf"
check "control: four-colour black is caught" \
  sh -c "$CHECK separations '$TMP/sep4' '$TMP/print.json' 32.5 36 | awk '{ if (\$2 > 1000) found = 1 } END { exit !found }'"

expect_error "--pdfx without Ghostscript" 2 "--pdfx needs Ghostscript (gs), which is not installed" -- \
  env PATH=/nonexistent $GALLEY build --pdfx -o "$TMP/nogs.pdf" $samples
check "no PDF without Ghostscript" test ! -e "$TMP/nogs.pdf"
mkdir "$TMP/bin" && printf '#!/bin/sh\necho "Unrecoverable error, exit code 1" >&2\nexit 1\n' > "$TMP/bin/gs" && chmod +x "$TMP/bin/gs"
expect_error "a failing Ghostscript" 2 "Ghostscript could not make the PDF/X file: Unrecoverable error, exit code 1 (ran: gs -q" -- \
  env PATH="$TMP/bin:$PATH" $GALLEY build --pdfx -o "$TMP/badgs.pdf" $samples
check "no PDF when Ghostscript fails" test ! -e "$TMP/badgs.pdf"
expect_error "bad --bleed" 2 "--bleed takes a length" -- $GALLEY build --print --bleed wide -o "$TMP/x.pdf" $samples
printf 'print: {bleeds: 3mm}\n' > "$TMP/bad.yaml"
expect_error "unknown print key" 2 "bad.yaml:1:9: unknown print key 'bleeds' (did you mean 'bleed'?)" -- \
  $GALLEY build --layout "$TMP/bad.yaml" -o "$TMP/x.pdf" $samples

# ---- reproducible ----------------------------------------------------------------------
# With SOURCE_DATE_EPOCH: without it the dates are the build's, and a PDF/X
# build under the sanitizers takes more than a second.
for f in plain print cmyk; do
  case $f in plain) args="";; print) args="--print --edition Late";; cmyk) args="--print --pdfx-cmyk";; esac
  SOURCE_DATE_EPOCH=1700000000 $GALLEY build -q --layout newsletter-a4 $args -o "$TMP/again-1.pdf" $samples
  SOURCE_DATE_EPOCH=1700000000 $GALLEY build -q --layout newsletter-a4 $args -o "$TMP/again-2.pdf" $samples
  check "$f: byte-identical rebuild" cmp -s "$TMP/again-1.pdf" "$TMP/again-2.pdf"
done

# ---- archive: metadata, outline, labels, tags -----------------------------------------------
pdfinfo "$TMP/print.pdf" > "$TMP/info"
check "title" grep -q '^Title: *The Oligo News$' "$TMP/info"
check "authors" grep -q '^Author: *Daniel Okafor; Maren Hollis' "$TMP/info"
check "subject: the sections" grep -q '^Subject: *Politics, Local, Education, Sport, World$' "$TMP/info"
check "keywords" grep -q '^Keywords: *Politics, .*, The Oligo News$' "$TMP/info"
check "creation date from SOURCE_DATE_EPOCH" grep -q '^CreationDate: *Wed Jun 24 12:00:00 2026 UTC' "$TMP/info"
check "XMP metadata stream" grep -q '^Metadata Stream: *yes' "$TMP/info"
check "tagged PDF (/MarkInfo)" grep -q '^Tagged: *yes' "$TMP/info"
pdfinfo -meta "$TMP/print.pdf" > "$TMP/xmp"
check "XMP title and date" sh -c "grep -q '<rdf:li xml:lang=\"x-default\">The Oligo News</rdf:li>' '$TMP/xmp' && grep -q '<xmp:CreateDate>2026-06-24T12:00:00Z</xmp:CreateDate>' '$TMP/xmp'"
qpdf --qdf --object-streams=disable "$TMP/plain.pdf" "$TMP/plain.qdf"
for role in H1 H2 P Art StructTreeRoot; do
  check "structure element $role" grep -aq "/$role\\b" "$TMP/plain.qdf"
done
python3 - "$TMP/print.pdf" "$TMP/print.json" > "$TMP/outline" <<'PY'
import json, subprocess, sys
q = json.loads(subprocess.run(['qpdf', '--json', '--json-key=outlines', '--json-key=pagelabels', sys.argv[1]],
                              capture_output=True, text=True, check=True).stdout)
boxes = json.load(open(sys.argv[2]))['pages']
top = q['outlines']
print('pages', len(boxes), 'entries', len(top), 'labels', len(q['pagelabels']))
# each story is nested under the page its first line is on
first = {}
for page in boxes:
    for b in page['boxes']:
        if b['kind'] == 'text' and b['story'] >= 0:
            first.setdefault(b['story'], page['page'])
nested = sum(len(e['kids']) for e in top)
right_page = all(k['destpageposfrom1'] == e['destpageposfrom1'] for e in top for k in e['kids'])
print('stories', len(first), 'nested', nested, 'on their page', right_page)
PY
check "one outline entry per page, one page label per page" \
  sh -c "grep -qE '^pages ([0-9]+) entries \\1 labels \\1$' '$TMP/outline'"
check "one nested entry per story, on its first page" grep -qE '^stories 5 nested 5 on their page True$' "$TMP/outline"

# ---- what PDF/X keeps of it: Info, XMP (restored after Ghostscript), outline, labels ------------
pdfinfo "$TMP/cmyk.pdf" > "$TMP/xinfo"
check "PDF/X: title, authors, subject and dates in Info" sh -c "grep -q '^Title: *The Oligo News$' '$TMP/xinfo' && grep -q '^Author: *Daniel Okafor; Maren Hollis' '$TMP/xinfo' && grep -q '^Subject: *Politics, Local' '$TMP/xinfo' && grep -q '^CreationDate: *Wed Jun 24 12:00:00 2026 UTC' '$TMP/xinfo'"
check "PDF/X: an XMP metadata stream" grep -q '^Metadata Stream: *yes' "$TMP/xinfo"
pdfinfo -meta "$TMP/cmyk.pdf" > "$TMP/xxmp"
check "PDF/X: XMP title, date, PDF/X version and trapping, as in Info" sh -c "grep -q '<rdf:li xml:lang=\"x-default\">The Oligo News</rdf:li>' '$TMP/xxmp' && grep -q '<xmp:CreateDate>2026-06-24T12:00:00Z</xmp:CreateDate>' '$TMP/xxmp' && grep -q '<pdfxid:GTS_PDFXVersion>PDF/X-1a:2003</pdfxid:GTS_PDFXVersion>' '$TMP/xxmp' && grep -q '<pdf:Trapped>False</pdf:Trapped>' '$TMP/xxmp'"
python3 - "$TMP/cmyk.pdf" "$TMP/cmyk.json" > "$TMP/xoutline" <<'PY'
import json, subprocess, sys
q = json.loads(subprocess.run(['qpdf', '--json', '--json-key=outlines', '--json-key=pagelabels', sys.argv[1]],
                              capture_output=True, text=True, check=True).stdout)
pages = len(json.load(open(sys.argv[2]))['pages'])
print('pages', pages, 'entries', len(q['outlines']), 'labels', len(q['pagelabels']),
      'nested', sum(len(e['kids']) for e in q['outlines']))
PY
check "PDF/X: the outline, nested, and page labels" grep -qE '^pages ([0-9]+) entries \1 labels \1 nested 5$' "$TMP/xoutline"

# ---- preflight: photo resolution, font licences ----------------------------------------------
$GALLEY build --layout newsletter-a4 -o "$TMP/res.pdf" --min-photo-ppi 600 samples/oligo-news/harbour-bridge.md 2>"$TMP/res.err"
check "a photo below --min-photo-ppi is named with its article" \
  grep -q "harbour-bridge.md:10: the photo .*harbour.png prints at [0-9]* ppi, below the minimum of 600" "$TMP/res.err"
$GALLEY build --layout newsletter-a4 -o "$TMP/res.pdf" --min-photo-ppi 50 samples/oligo-news/harbour-bridge.md 2>"$TMP/res.err"
check "no warning above the minimum" sh -c "! grep -q 'ppi' '$TMP/res.err'"
font=/usr/share/fonts/opentype/urw-base35/C059-Roman.otf
if [ -f "$font" ]; then
  mkdir -p "$TMP/data/fonts"
  cp -r layouts "$TMP/data/"
  cp fonts/fonts.conf "$TMP/data/fonts/"
  python3 - "$font" "$TMP/data/fonts/Restricted.otf" <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], 'rb').read())
tables = struct.unpack('>H', data[4:6])[0]
for i in range(tables):
    tag, _, offset, _ = struct.unpack('>4sIII', data[12 + 16 * i: 28 + 16 * i])
    if tag == b'OS/2':
        data[offset + 8: offset + 10] = struct.pack('>H', 0x0002)   # restricted licence
open(sys.argv[2], 'wb').write(data)
PY
  printf 'page: a4\nstyles:\n  body: {font: C059, size: 9pt}\n' > "$TMP/data/restricted.yaml"
  expect_error "a font that may not be embedded is refused" 2 \
    "the font 'C059' may not be embedded in a PDF (its licence flags, OS/2 fsType 0x0002, say restricted licence)" -- \
    env GALLEY_DATADIR="$TMP/data" $GALLEY build --layout "$TMP/data/restricted.yaml" -o "$TMP/restricted.pdf" $samples
  check "no PDF with a restricted font" test ! -e "$TMP/restricted.pdf"
else
  skip "fonts-urw-base35 not installed: font licence refusal not tested"
fi

# ---- reading order ---------------------------------------------------------------------------
# galley draws story after story, column after column: pdftotext -raw (the
# content stream's order) returns every story whole. Plain pdftotext orders
# by position; cutoff rules, photos and gutters carry invisible text twins
# (src/extracthint.h) so that it does not take stacked stories' or
# neighbouring columns for a table nor read the text beside a photo before
# the columns below it.
read -r segments broken rest <<EOF2
$(python3 tests/reading_order.py "$TMP/tabloid.pdf" "$TMP/tabloid.json" --raw)
EOF2
check "samples, tabloid: content order is story by story, column by column ($broken of $segments broken: $rest)" test "$broken" -eq 0
read -r segments broken rest <<EOF2
$(python3 tests/reading_order.py "$TMP/plain.pdf" "$TMP/plain.json")
EOF2
check "samples, newsletter: plain pdftotext returns each story whole ($broken of $segments broken: $rest)" test "$broken" -eq 0
read -r segments broken rest <<EOF2
$(python3 tests/reading_order.py "$TMP/tabloid.pdf" "$TMP/tabloid.json")
EOF2
check "samples, tabloid: plain pdftotext returns each story whole, the table row by row ($broken of $segments broken: $rest)" \
  test "$segments" -ge 5 -a "$broken" -eq 0
hints=$(python3 tests/hintless.py "$TMP/plain.pdf" "$TMP/hintless.pdf")
same=$(same_render "$TMP/plain.pdf" "$TMP/hintless.pdf")
check "samples, newsletter: the ${hints:-no} extractor hints (gutters without rules too) change no pixel ($same)" \
  test "$same" = yes -a "${hints:-0}" -gt 10
check "PDF/X has no hint glyphs that read as text (Ghostscript drops /ActualText): no line of a lone full stop" \
  sh -c "! pdftotext '$TMP/cmyk.pdf' - | grep -qx '[ .]*[.][ .]*'"
# PDF/X carries the hints in their form without /ActualText (one glyph
# mapped to white space in ToUnicode) where the plain PDF has them, but for
# the gutters without a rule: that form's glyphs come out black, and there
# nothing would hide them.
read -r mine theirs matched <<EOF2
$($CHECK hints "$TMP/cmyk.pdf" "$TMP/print.pdf")
EOF2
check "PDF/X: the reading-order hints read as white space where the PDF's do ($matched of $mine at the place of one of $theirs)" \
  test "$mine" -gt 0 -a "$matched" -eq "$mine" -a "$theirs" -gt "$mine"
# Plain pdftotext on the corpus: each story whole on every one of its pages
# in each layout, with the gutters' hints (warhols-photo-legacy's column
# beside the white of its narrow photo, zh-simplified's crossheads at one
# height across columns broke before them).
# plain_order LABEL PDF DUMP [TOLERATED...]: every story-page whole but the
# tolerated articles'
plain_order() {
  label=$1 pdf=$2 dump=$3; shift 3
  read -r segments broken rest <<EOF2
$(python3 tests/reading_order.py "$pdf" "$dump" --all)
EOF2
  others=""
  for pair in $rest; do
    name=$(basename "$(ls "$SHARED"/corpus/articles/*.md | sed -n "$((${pair#*:} + 1))p")" .md)
    case " $* " in *" $name "*) ;; *) others="$others $pair($name)";; esac
  done
  echo "print: corpus, $label, plain pdftotext: $segments story-pages, $broken broken: ${rest:-none}"
  check "corpus, $label: plain pdftotext returns each story whole on every page${*:+ but those of $*} ($((segments - broken)) of $segments${others:+; broken:$others})" \
    test "$segments" -ge 100 -a -z "$others"
}
if [ -d "$SHARED/corpus/articles" ]; then
  for layout in newsletter-a4 broadsheet tabloid; do   # tabloid last: its PDF is used below
    $GALLEY build -q --layout $layout -o "$TMP/corpus.pdf" --dump-boxes "$TMP/corpus.json" "$SHARED"/corpus/articles/*.md
    check "corpus, $layout: passes qpdf --check" sh -c "qpdf --check '$TMP/corpus.pdf' >/dev/null 2>&1"
    read -r segments broken rest <<EOF2
$(python3 tests/reading_order.py "$TMP/corpus.pdf" "$TMP/corpus.json" --raw)
EOF2
    check "corpus, $layout: content order story by story ($broken of $segments broken: $rest)" test "$broken" -eq 0
    plain_order $layout "$TMP/corpus.pdf" "$TMP/corpus.json"
  done
  # PDF/X (hints without /ActualText): as the PDF but for two stories:
  # wikinews-interviews, whose kicker and byline, set in capitals by their
  # style, extract without /ActualText as other letters ("PaUl BUDD"),
  # which pdftotext places elsewhere; and zh-simplified, whose Chinese
  # headline Ghostscript's rewritten font gives boxes 30 pt taller, up over
  # the columns of the story above. 127 of 129 (before the hints: 110).
  $GALLEY build -q --layout tabloid --pdfx-cmyk -o "$TMP/corpusx.pdf" --dump-boxes "$TMP/corpusx.json" \
    "$SHARED"/corpus/articles/*.md
  plain_order "tabloid, PDF/X" "$TMP/corpusx.pdf" "$TMP/corpusx.json" \
    wikinews-interviews-president-of-the-international zh-simplified
  # PDF/X loses no word: pdfquality finds the same words missing as in the
  # plain PDF (the corpus's one known disagreement), Arabic aside: Ghostscript
  # drops /ActualText, so its words extract as presentation forms.
  if [ -x "$SHARED/tools/pdfquality" ]; then
    for f in corpus corpusx; do
      "$SHARED/tools/pdfquality" "$TMP/$f.pdf" --source "$SHARED/corpus/articles" --json > "$TMP/$f.q" 2>/dev/null
      python3 - "$TMP/$f.q" > "$TMP/$f.missing" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))['conservation'].get('missing_runs', [])
for run in runs:
    if not run['file'].rsplit('/', 1)[-1].startswith('ar-'):
        print(run['file'].rsplit('/', 1)[-1], run['text'])
PY
    done
    check "corpus: PDF/X loses no word the plain PDF has ($(wc -l < "$TMP/corpusx.missing") runs missing, as plain: $(wc -l < "$TMP/corpus.missing"))" \
      cmp -s "$TMP/corpus.missing" "$TMP/corpusx.missing"
  fi
else
  skip "$SHARED/corpus not found: corpus reading order not measured"
fi

finish
