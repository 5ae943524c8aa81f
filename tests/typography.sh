#!/bin/sh
# typography.sh — issue 4's floors that need no peer, asserted in make check
# on the bench's size M (the first 40 English articles of ../shared/corpus,
# without deck, image, caption and credit) set in layouts/bench-tabloid.yaml.
# pdflatex's figures on the same job come from `make bench-quality`
# (measured 2026-11-27, pdfTeX 1.40.24 with microtype): loose lines 13.9 %,
# median gap 0.308 em, p95 gap 0.614 em. Column bottoms are read from
# galley's own display list (--dump-boxes): pdfquality's column chaining can
# run through a headline. Skipped when ../shared is not beside the project.
SUITE=typography
. "$(dirname "$0")/lib.sh"
GALLEY=${GALLEY:-./galley}
SHARED=${SHARED:-../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

if [ ! -d "$SHARED/corpus/articles" ] || [ ! -x "$SHARED/tools/pdfquality" ] ||
   [ ! -f "$SHARED/bench/peers/select_articles.py" ]; then
  skip "$SHARED (corpus, tools, bench/peers) not found: typography floors not measured"
  finish
  exit $?
fi

python3 "$SHARED/bench/peers/select_articles.py" "$SHARED/corpus/articles" "$TMP" M=40 2>/dev/null
python3 tests/bench/prepare.py "$TMP/list-M.txt" "$TMP/M"
if ! $GALLEY build -q --layout layouts/bench-tabloid.yaml --dump-boxes "$TMP/boxes.json" \
     -o "$TMP/M.pdf" "$TMP"/M/*.md 2>"$TMP/err"; then
  fail "bench articles did not build"; cat "$TMP/err" >&2
  finish
  exit $?
fi
pass
"$SHARED/tools/pdfquality" "$TMP/M.pdf" --source "$TMP/M" --json > "$TMP/q.json" 2>/dev/null
python3 - "$TMP/q.json" "$TMP/boxes.json" > "$TMP/verdict" <<'PY'
import json, sys
sys.path.insert(0, "tests/bench")
import quality_table
q = json.load(open(sys.argv[1]))
ju, hy, wo = q["justification"], q["hyphenation"], q["widows_orphans"]
lost = quality_table.lost_words(q["conservation"])
blocks, long = quality_table.display_list_blocks(sys.argv[2], 146.4)
checks = [
    ("missing words", lost, 0, "=="),
    ("collisions", q["collisions"]["overlapping_pairs"], 0, "=="),
    ("hyphen ladders", hy["ladders"], 0, "=="),
    ("loose lines %", ju["loose_pct"], 13.9 * 2 / 3, "<="),
    ("median gap em", ju["median_gap_em"], 0.308, "<="),
    ("p95 gap em", ju["p95_gap_em"], 0.614, "<="),
    ("widows", wo["widows"], 0, "=="),
    ("orphans", wo["orphans"], 0, "=="),
    ("baseline alignment %", q["baseline_alignment"]["aligned_pct"], 99.5, ">="),
    ("stories with columns more than a line apart", len(long), 0, "=="),
    ("multi-column blocks seen", blocks, 40, ">="),
]
for name, value, limit, op in checks:
    ok = {"==": value == limit, "<=": value <= limit, ">=": value >= limit}[op]
    print("%s|%s|%s %s %s" % ("pass" if ok else "fail", name, value, op, round(limit, 3)))
PY
if [ ! -s "$TMP/verdict" ]; then
  fail "pdfquality's figures could not be read"
fi
while IFS='|' read -r verdict name detail; do
  if [ "$verdict" = pass ]; then pass; else fail "$name: $detail"; fi
done < "$TMP/verdict"

finish
