#!/bin/sh
# archive.sh — `galley archive`: one PDF per article and an index linking to
# them; only what changed is rebuilt; the same bytes from scratch, from -j1
# and -j2, and from the --plan run through GNU parallel; a bad article is
# reported and the others still built; the whole corpus with no word lost
# (../shared/tools/pdfquality).
SUITE=archive
. "$(dirname "$0")/lib.sh"
GALLEY=${GALLEY:-./galley}
SHARED=${SHARED:-../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SOURCE_DATE_EPOCH=1750000000

mkdir -p "$TMP/in"
cp -r samples/oligo-news/* "$TMP/in/"
names="council-budget harbour-bridge school-robotics weekend-results without-missiles oligo-news-without-missiles"
articles="$TMP/in/*.md $TMP/in/*.txt"

# ---- the command line ---------------------------------------------------------
check "--help lists archive" sh -c "$GALLEY --help | grep -q '  archive'"
check "archive --help lists --plan" sh -c "$GALLEY archive --help | grep -q -- '--plan'"
expect_error "no folder" 2 "say which folder the archive goes in with -o DIR/" -- $GALLEY archive $articles
expect_error "no articles" 2 "no article files given" -- $GALLEY archive -o "$TMP/x/"
mkdir -p "$TMP/other"; cp "$TMP/in/council-budget.md" "$TMP/other/"
expect_error "two articles, one name" 2 "would both be archived as $TMP/x/council-budget.pdf" -- \
  $GALLEY archive -o "$TMP/x/" "$TMP/in/council-budget.md" "$TMP/other/council-budget.md"
printf -- '---\nheadline: H\n---\nText\n' > "$TMP/other/index.md"
expect_error "an article named index" 2 "would be written over the archive's index" -- \
  $GALLEY archive -o "$TMP/x/" "$TMP/other/index.md"

# ---- one PDF per article, and the index -----------------------------------------
a=$TMP/a
if $GALLEY archive -q -j 2 -o "$a/" $articles 2>"$TMP/err"; then pass; else fail "archive of the samples"; cat "$TMP/err" >&2; fi
check "nothing said with -q" test ! -s "$TMP/err"
for f in $names index; do
  check "$f.pdf written" test -s "$a/$f.pdf"
  check "$f.pdf passes qpdf --check" sh -c "qpdf --check '$a/$f.pdf' >/dev/null 2>&1"
done
check "no temporary file left" sh -c "! ls -A '$a' | grep -q '\.pdf\.'"
check "one PDF per article and the index" test "$(ls "$a" | wc -l)" -eq 7
check "the article's headline in its PDF" sh -c "pdftotext '$a/harbour-bridge.pdf' - | grep -q 'Harbour bridge to close'"
check "its PDF is set in the archive layout (A4)" sh -c "pdfinfo '$a/harbour-bridge.pdf' | grep -q 'Page size: *595.* x 841.*'"
pdftotext "$a/index.pdf" "$TMP/index.txt"
for headline in "Harbour bridge to close" "Council backs leaner budget" "Westfield pupils" "Oligo Rovers clinch"; do
  check "index lists '$headline'" grep -q "$headline" "$TMP/index.txt"
done
check "index gives bylines and dates" grep -qE "By Maren Hollis.{1,2}· 24 June 2026" "$TMP/index.txt"
pages=$(pdfinfo "$a/harbour-bridge.pdf" | sed -n 's/^Pages: *//p')
check "index gives the pages of the PDF ($pages)" grep -qE "24 June 2026.{1,2}· Local.{1,2}· $pages.{1,2}pages" "$TMP/index.txt"
qpdf --json "$a/index.pdf" > "$TMP/index.json"
python3 - "$TMP/index.json" $names > "$TMP/links" <<'PY'
import json, sys
objects = json.load(open(sys.argv[1]))["qpdf"][1]
links = {}
for obj in objects.values():
    value = obj.get("value") if isinstance(obj, dict) else None
    if not isinstance(value, dict) or value.get("/Subtype") != "/Link":
        continue
    action = value.get("/A", {})
    links[action.get("/F", "").removeprefix("u:")] = (action.get("/S"), action.get("/D"))
for name in sys.argv[2:]:
    print(name, *links.get(name + ".pdf", ("none", None)))
PY
while read -r name kind dest; do
  if [ "$kind" = /GoToR ] && [ "$dest" = "[0, '/Fit']" ]; then pass; else fail "index link to $name.pdf: $kind $dest"; fi
done < "$TMP/links"
check "a link per article" test "$(wc -l < "$TMP/links")" -eq 6

# ---- progress: on a terminal only -----------------------------------------------------
$GALLEY archive -v --force -o "$TMP/e/" $articles 2>"$TMP/err"
check "no progress line when stderr is a file" sh -c "! grep -q 'articles built' '$TMP/err'"
if command -v script >/dev/null 2>&1; then
  script -qec "$GALLEY archive --force -j 2 -o '$TMP/e/' $articles" /dev/null > "$TMP/tty" 2>&1
  check "progress line on a terminal" grep -q "galley: archive: 6 of 6 articles built" "$TMP/tty"
else
  skip "script (bsdutils) not installed: the progress line on a terminal was not seen"
fi

# ---- incremental --------------------------------------------------------------------
$GALLEY archive -v -o "$a/" $articles 2>"$TMP/err"
check "unchanged: every PDF up to date" test "$(grep -c 'galley: up to date:' "$TMP/err")" -eq 7
check "unchanged: nothing built" sh -c "! grep -q 'galley: built' '$TMP/err'"
cp "$a/council-budget.pdf" "$TMP/council-before.pdf"
touch -d '2000-01-01' "$a"/*.pdf
printf '\nOne more paragraph, added later.\n' >> "$TMP/in/harbour-bridge.md"
$GALLEY archive -v -o "$a/" $articles 2>"$TMP/err"
check "changed article rebuilt" grep -q "galley: built $a/harbour-bridge.pdf" "$TMP/err"
check "index rebuilt" grep -q "galley: built $a/index.pdf" "$TMP/err"
check "the others not rebuilt" test "$(grep -c 'galley: built' "$TMP/err")" -eq 2
check "the others' files untouched" test -z "$(find "$a" -name '*.pdf' -newer "$TMP/council-before.pdf" ! -name harbour-bridge.pdf ! -name index.pdf)"
check "the change is in the PDF" sh -c "pdftotext '$a/harbour-bridge.pdf' - | grep -q 'added later'"
rm "$a/school-robotics.pdf"
$GALLEY archive -v -o "$a/" $articles 2>"$TMP/err"
check "a deleted PDF is built again" grep -q "galley: built $a/school-robotics.pdf" "$TMP/err"
cp layouts/archive.yaml "$TMP/arch.yaml"; cp layouts/house-en.txt "$TMP/"
$GALLEY archive -v --layout "$TMP/arch.yaml" -o "$a/" $articles 2>"$TMP/err"
check "another layout: all rebuilt" test "$(grep -c 'galley: built' "$TMP/err")" -eq 7

# ---- the same bytes: from scratch, -j 1 and -j2, and the plan ---------------------------
b=$TMP/b; c=$TMP/c
$GALLEY archive -q -j 1 -o "$b/" $articles
$GALLEY archive -q -j 2 -o "$c/" $articles
same() {   # same DIR1 DIR2: every PDF byte for byte
  for n in $names index; do cmp -s "$1/$n.pdf" "$2/$n.pdf" || return 1; done
}
check "-j 1 and -j 2 give the same bytes" same "$b" "$c"
check "a rebuild in the old folder gives the same bytes" same "$a" "$b"
check "the record is written" grep -q '^\[article harbour-bridge\]' "$b/.galley-archive"

$GALLEY archive --plan -o "$TMP/p/" $articles > "$TMP/plan"
check "plan: a command per article and the index's" test "$(wc -l < "$TMP/plan")" -eq 7
check "plan: absolute paths" sh -c "head -n 1 '$TMP/plan' | grep -q ' /.*/galley build --layout /.*/archive.yaml -o $TMP/p/council-budget.pdf -- $TMP/in/council-budget.md\$'"
check "plan: SOURCE_DATE_EPOCH carried" sh -c "grep -c '^env SOURCE_DATE_EPOCH=1750000000 ' '$TMP/plan' | grep -qx 7"
check "plan: the index last" sh -c "tail -n 1 '$TMP/plan' | grep -q 'archive --index-only'"
check "plan: nothing built" test ! -e "$TMP/p/index.pdf"
if command -v parallel >/dev/null 2>&1; then
  head -n -1 "$TMP/plan" | (unset SOURCE_DATE_EPOCH; parallel -j 2 --halt now,fail=1) 2>"$TMP/err" \
    && (unset SOURCE_DATE_EPOCH; sh -c "$(tail -n 1 "$TMP/plan")") 2>>"$TMP/err"
  check "plan run by GNU parallel" test $? -eq 0
  check "plan gives the same bytes" same "$b" "$TMP/p"
  $GALLEY archive -v -o "$TMP/p/" $articles 2>"$TMP/err"
  check "after the plan, all up to date" test "$(grep -c 'galley: up to date:' "$TMP/err")" -eq 7
else
  skip "GNU parallel not installed (Debian package parallel): the plan was not run"
fi
expect_error "--index-only without the PDFs" 2 "$TMP/q/council-budget.pdf is missing; run the plan's command" -- \
  $GALLEY archive --index-only -o "$TMP/q/" $articles

# ---- a bad article among good ones ---------------------------------------------------
mkdir -p "$TMP/bad"
printf -- '---\nheadline: [oops\n---\nText\n' > "$TMP/bad/broken.md"
$GALLEY archive -q -o "$TMP/d/" $articles "$TMP/bad/broken.md" 2>"$TMP/err"
check "bad article: status 2" test $? -eq 2
check "bad article: file:line:col" grep -q "broken.md:3:1: invalid YAML" "$TMP/err"
check "bad article: no PDF" test ! -e "$TMP/d/broken.pdf"
check "bad article: the others built" same "$b" "$TMP/d"

# ---- the corpus: no word lost ------------------------------------------------------------
if [ ! -d "$SHARED/corpus/articles" ] || [ ! -x "$SHARED/tools/pdfquality" ]; then
  skip "$SHARED/corpus or $SHARED/tools/pdfquality not found: corpus archive not measured"
  finish
  exit $?
fi
corpus=$TMP/corpus
if nice -n 10 $GALLEY archive -q -j 2 -o "$corpus/" "$SHARED"/corpus/articles/*.md 2>"$TMP/err"; then
  pass
else
  fail "corpus archive"; cat "$TMP/err" >&2
fi
count=$(ls "$SHARED"/corpus/articles/*.md | wc -l)
check "corpus: a PDF per article" test "$(ls "$corpus"/*.pdf | wc -l)" -eq $((count + 1))
# every article's PDF in one file, measured against every source at once
pdfunite $(ls "$corpus"/*.pdf | grep -v '/index.pdf$') "$TMP/all.pdf"
"$SHARED/tools/pdfquality" "$TMP/all.pdf" --source "$SHARED/corpus/articles" --json > "$TMP/q.json" 2>"$TMP/qerr"
python3 - "$TMP/q.json" > "$TMP/verdict" <<'PY'
import json, sys
cons = json.load(open(sys.argv[1]))["conservation"]
# The corpus writes "risqu\&#233;": galley prints "risqué", pdfquality (no
# CommonMark backslash escapes) expects "risqu" and "é" (tests/corpus.sh).
known = {("bbc-gadgets-galore-on-show-at-fair.md", "risqu"), ("bbc-gadgets-galore-on-show-at-fair.md", "é")}
lost = [(run["file"].rsplit("/", 1)[-1], w) for run in cons.get("missing_runs", [])
        for w in run["text"].split()]
unexplained = [x for x in lost if x not in known]
print(cons["missing"] - len(lost) + len(unexplained), unexplained[:10])
PY
read -r missing detail < "$TMP/verdict"
if [ "$missing" = 0 ]; then pass; else fail "corpus archive: $missing words missing $detail"; fi
check "corpus: risqué is printed" sh -c "pdftotext '$corpus/bbc-gadgets-galore-on-show-at-fair.pdf' - | grep -q 'risqué'"
pdftotext "$corpus/index.pdf" "$TMP/corpus-index.txt"
check "corpus index: $count articles" grep -q "^$count articles" "$TMP/corpus-index.txt"

finish
