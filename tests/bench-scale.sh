#!/bin/sh
# bench-scale.sh — does galley stay linear? Builds the corpus (every article
# of ../shared/corpus/articles) once, 4 times and 16 times over in one run,
# and prints pages, wall and CPU time and peak memory, in total and per
# page, and what each step added per page (CPU time: steadier than wall
# time on a shared machine). Not part of make check: 16x takes minutes.
# Usage: GALLEY=./galley [LAYOUT=tabloid] [SCALES="1 4 16"] sh tests/bench-scale.sh
GALLEY=${GALLEY:-./galley}
SHARED=${SHARED:-../shared}
LAYOUT=${LAYOUT:-tabloid}
SCALES=${SCALES:-1 4 16}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
if [ ! -d "$SHARED/corpus/articles" ]; then
  echo "bench-scale: $SHARED/corpus/articles not found; set SHARED" >&2
  exit 2
fi
articles=$(ls "$SHARED"/corpus/articles/*.md)
count=$(echo "$articles" | wc -l)
printf '%-6s %8s %6s %8s %8s %12s %8s %8s %12s %12s\n' scale articles pages "wall s" "CPU s" "CPU ms/page" "peak MB" "MB/page" "+CPU ms/page" "+MB/page"
previous=""
for scale in $SCALES; do
  inputs=""
  i=0
  while [ "$i" -lt "$scale" ]; do inputs="$inputs $articles"; i=$((i + 1)); done
  if ! python3 tests/measure.py "$TMP/measured" $GALLEY build -q --layout "$LAYOUT" -o "$TMP/out.pdf" $inputs; then
    echo "bench-scale: the ${scale}x build failed" >&2
    exit 1
  fi
  read -r wall peak_kb seconds < "$TMP/measured"
  pages=$(pdfinfo "$TMP/out.pdf" | awk '/^Pages:/ {print $2}')
  python3 - "$scale" "$((scale * count))" "$pages" "$seconds" "$peak_kb" "$previous" "$wall" <<'PY'
import sys
scale, articles, pages, seconds, peak_kb, previous, wall = sys.argv[1:8]
pages, seconds, peak_mb = int(pages), float(seconds), int(peak_kb) / 1024
marginal = ("", "")
if previous:
    p0, s0, m0 = (float(x) for x in previous.split(","))
    if pages > p0:
        marginal = (f"{1000 * (seconds - s0) / (pages - p0):.0f}", f"{(peak_mb - m0) / (pages - p0):.2f}")
print(f"{scale + 'x':<6} {articles:>8} {pages:>6} {float(wall):>8.1f} {seconds:>8.1f} "
      f"{1000 * seconds / pages:>12.0f} {peak_mb:>8.0f} {peak_mb / pages:>8.2f} {marginal[0]:>12} {marginal[1]:>12}")
PY
  previous="$pages,$seconds,$((peak_kb / 1024))"
done
