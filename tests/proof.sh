#!/bin/sh
# proof.sh — galley check: its findings agree with ../shared/tools/pdfquality
# on the PDF galley build makes of the same input (the same widows, orphans
# and ladders, loose lines within one percentage point); each finding names
# its article file and line; errors give exit status 1; --json.
SUITE=proof
. "$(dirname "$0")/lib.sh"
GALLEY=${GALLEY:-./galley}
case $GALLEY in /*) ;; *) GALLEY=$PWD/$GALLEY ;; esac   # it is run from other folders too
SHARED=${SHARED:-../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
samples=$(echo samples/oligo-news/*.md)

# ---- agreement with pdfquality ------------------------------------------------------
agree() {   # agree NAME LAYOUT ARTICLES...: check and pdfquality on the same pages
  name=$1 layout=$2; shift 2
  $GALLEY build -q --layout "$layout" -o "$TMP/a.pdf" "$@" || { fail "$name: no PDF"; return; }
  $GALLEY check -q --json --layout "$layout" "$@" > "$TMP/check.json"
  "$SHARED/tools/pdfquality" "$TMP/a.pdf" --json > "$TMP/q.json" 2>"$TMP/qerr" ||
    { fail "$name: pdfquality failed"; cat "$TMP/qerr" >&2; return; }
  if python3 - "$TMP/check.json" "$TMP/q.json" > "$TMP/verdict" 2>&1 <<'PY'
import json, sys
c, q = (json.load(open(p)) for p in sys.argv[1:3])
wo, h, j = q["widows_orphans"], q["hyphenation"], q["justification"]
problems = []
for ours, theirs, what in ((c["counts"]["widow"], wo["widows"], "widows"),
                           (c["counts"]["orphan"], wo["orphans"], "orphans"),
                           (c["counts"]["ladder"], h["ladders"], "ladders"),
                           (c["pages"], q["pages"], "pages")):
    if ours != theirs:
        problems.append("%s: galley check %d, pdfquality %d" % (what, ours, theirs))
if j["loose_pct"] is None or c["loose_pct"] is None or abs(c["loose_pct"] - j["loose_pct"]) > 1.0:
    problems.append("loose lines: galley check %s %%, pdfquality %s %%" % (c["loose_pct"], j["loose_pct"]))
# the same widows and orphans, not just as many: page and baseline
ours = sorted((f["kind"], f["page"], round(f["y"], 1)) for f in c["findings"] if f["kind"] in ("widow", "orphan"))
theirs = sorted([("widow", w["page"], round(w["y"], 1)) for w in wo["widow_list"]] +
                [("orphan", o["page"], round(o["y"], 1)) for o in wo["orphan_list"]])
if ours != theirs:
    problems.append("different places: %s vs %s" % (ours, theirs))
print("\n".join(problems) or "widows %d, orphans %d, ladders %d, loose %.2f %% vs %.2f %%" % (
    wo["widows"], wo["orphans"], h["ladders"], c["loose_pct"], j["loose_pct"]))
sys.exit(1 if problems else 0)
PY
  then pass; else fail "$name: $(cat "$TMP/verdict")"; fi
}

if [ -x "$SHARED/tools/pdfquality" ] && command -v pdftotext >/dev/null 2>&1; then
  agree "samples, tabloid" layouts/tabloid.yaml $samples
  agree "samples, broadsheet" layouts/broadsheet.yaml $samples
  # pdfquality reads right-to-left lines as fragments (its README: "not
  # tested"), so Arabic and Hebrew articles are left out of the comparison
  corpus=$(grep -L '^language: *\(ar\|he\)' "$SHARED"/corpus/articles/*.md | head -n 12 | tr '\n' ' ')
  agree "12 corpus articles, broadsheet" layouts/broadsheet.yaml $corpus
  agree "12 corpus articles, newsletter-a4" layouts/newsletter-a4.yaml $corpus
else
  skip "$SHARED/tools/pdfquality or poppler-utils not found: agreement not measured"
fi

# ---- every finding names its file and line ------------------------------------------------
$GALLEY check $samples > "$TMP/report" 2>"$TMP/stderr"
check "check exits 0 without errors" test $? -eq 0
check "it says so" grep -qx 'galley check: no errors' "$TMP/report"
check "a summary line with every figure" grep -qE '^3 pages: 0 overset, 0 missing photos, 0 headlines too long; [0-9]+ widows?, [0-9]+ orphans?, [0-9]+ ladders?, 0 low-resolution photos; loose lines [0-9.]+ % \([0-9]+ of [0-9]+ justified lines\)$' "$TMP/report"
check "-v adds the line counts" sh -c "$GALLEY check -v $samples | grep -qE '^[0-9]+ body lines, [0-9]+ hyphenated \([0-9.]+ %\); [0-9]+ full justified lines'"
check "findings read FILE:LINE: warning: ..." grep -qE '^samples/oligo-news/[a-z-]+\.md:[0-9]+: warning: (widow|orphan|loose line)' "$TMP/report"
check "each finding's line holds the paragraph it quotes" python3 - "$TMP/report" <<'PY'
import re, sys
checked = 0
for line in open(sys.argv[1]):
    m = re.match(r'(.+?):(\d+): warning: .*?: "(.*)"$', line.strip())
    if not m:
        continue
    path, number, quoted = m.group(1), int(m.group(2)), m.group(3)
    words = [w for w in re.findall(r"[A-Za-z]{4,}", quoted)]
    if not words:
        continue
    source = open(path).read().split("\n")
    # the paragraph that starts on that line, up to the next blank line
    para = []
    for text in source[number - 1:]:
        if not text.strip():
            break
        para.append(text)
    para = " ".join(para)
    # (a first line may open with the dateline, which is not in the paragraph)
    assert any(w in para for w in words), (path, number, words, para[:80])
    checked += 1
assert checked >= 3, checked
PY

# ---- errors: missing and low-resolution photos, a headline that does not fit ------------------
python3 - "$TMP/tiny.png" <<'PY'
import struct, sys, zlib
w, h = 30, 20
raw = b"".join(b"\0" + bytes([200, 100, 50]) * w for _ in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + \
      chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
printf -- '---\nheadline: A small photo\nimage: tiny.png\n---\n\nText under a photo far too small for print.\n' > "$TMP/lowres.md"
printf -- '---\nheadline: A missing photo\n\nimage: nowhere.png\n---\n\nText.\n' > "$TMP/missing.md"
$GALLEY check "$TMP/lowres.md" > "$TMP/report" 2>&1
check "a low-resolution photo is a warning, not an error" test $? -eq 0
check "... naming the image line and its ppi" grep -qE "lowres.md:3: warning: photo .*tiny.png is [0-9]+ ppi at its printed size" "$TMP/report"
$GALLEY check -q "$TMP/missing.md" > "$TMP/report" 2>&1
check "a missing photo is an error: exit 1" test $? -eq 1
check "... naming the image line" grep -qF "missing.md:4: error: photo $TMP/nowhere.png cannot be read" "$TMP/report"
check "... and the verdict" grep -qx 'galley check: errors found' "$TMP/report"
printf 'headline_max_lines: 1\nheadline_min_size: 40pt\nheadline_columns: 1\n' > "$TMP/narrow.yaml"
printf -- '---\nheadline: A headline far too long for a single column at forty points\n---\n\nText.\n' > "$TMP/long.md"
$GALLEY check --layout "$TMP/narrow.yaml" "$TMP/long.md" > "$TMP/report" 2>&1
check "a headline that does not fit is an error" test $? -eq 1
check "... saying how many lines" grep -qE "long.md:1: error: the headline takes [0-9]+ lines, more than the layout's 1" "$TMP/report"
check "-q prints errors only" test -z "$($GALLEY check -q "$TMP/lowres.md" | grep warning)"
check "--json" sh -c "$GALLEY check --json '$TMP/long.md' '$TMP/missing.md' '$TMP/lowres.md' > '$TMP/r.json'; test \$? -eq 1"
check "... is JSON with every finding" python3 -c "
import json
r = json.load(open('$TMP/r.json'))
kinds = sorted(f['kind'] for f in r['findings'] if f['kind'] != 'loose-line')
assert kinds == ['low-res-photo', 'missing-image'], kinds
assert r['errors'] == 1 and r['counts']['missing-image'] == 1, r
assert all(f['file'] and f['line'] > 0 for f in r['findings']), r['findings']
"
mkdir "$TMP/clean"
check "check from another folder" sh -c "cd '$TMP/clean' && $GALLEY check -q '$PWD/samples/oligo-news/council-budget.md' >/dev/null"
check "... writes nothing" test -z "$(ls -A "$TMP/clean")"
expect_error "check needs articles" 2 "no article files given; try 'galley check --help'" -- $GALLEY check

finish
