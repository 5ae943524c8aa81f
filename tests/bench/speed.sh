#!/bin/sh
# speed.sh — `make bench`: galley's speed and memory beside the floor
# program and pdflatex on ../shared/bench/peers' continuous-edition job,
# sizes S, M and L (10, 40 and 160 articles).
#
# galley builds copies of the articles without deck, image, caption and
# credit (tests/bench/prepare.py) in layouts/bench-tabloid.yaml, with every
# quality feature on; the floor (bare Pango wrapping + cairo PDF) and
# pdflatex get the same articles through ../shared/bench/peers/convert.py,
# as ../shared/bench/peers/run.sh gives them. Each pair is timed by the
# peers' own harness (bench.py: RUNS runs after WARMUP, the two programs
# alternating, medians and pair-by-pair ratios; wall, CPU and peak memory).
# galley's PDFs from -j 1 and -j 2 are compared byte for byte. speed_table.py
# prints one table with the issue's floors and writes it to TABLE.
#
# Environment: SHARED (default ../shared), OUT (default out/bench), RUNS (5),
# WARMUP (1), SIZES ("S M L"), GALLEY (default ./galley), TABLE (default
# out/bench.md). pdflatex is installed from Debian's TeX Live packages (the
# ones ../shared/bench/peers/INSTALL.sh names) when missing and this runs
# as root; else it is left out and said so.
# Exit status: 0 every floor passed, 1 a floor failed, 2 the bench could not run.
set -eu

SHARED=${SHARED:-../shared}
OUT=${OUT:-out/bench}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
SIZES=${SIZES:-"S M L"}
GALLEY=${GALLEY:-./galley}
TABLE=${TABLE:-out/bench.md}
PEERS_DIR=$SHARED/bench/peers
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}

for need in "$SHARED/corpus/articles" "$PEERS_DIR/select_articles.py" "$PEERS_DIR/bench.py" \
            "$PEERS_DIR/floor/floor.c"; do
  if [ ! -e "$need" ]; then
    echo "bench: $need is missing; the bench needs ../shared (corpus, bench/peers) beside the project, or SHARED=DIR naming it" >&2
    exit 2
  fi
done

if ! command -v pdflatex > /dev/null || ! kpsewhich multicol.sty microtype.sty tgschola.sty > /dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "bench: installing pdflatex (Debian's TeX Live packages)" >&2
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        texlive-latex-base texlive-latex-recommended texlive-latex-extra \
        texlive-fonts-recommended tex-gyre fonts-texgyre; } \
      > "${TMPDIR:-/tmp}/galley-bench-install.log" 2>&1 || true
  fi
fi
HAVE_PDFLATEX=1
if ! command -v pdflatex > /dev/null || ! kpsewhich multicol.sty microtype.sty tgschola.sty > /dev/null 2>&1; then
  echo "bench: pdflatex is not installed, so it is left out; install it with" >&2
  echo "    sudo $PEERS_DIR/INSTALL.sh" >&2
  HAVE_PDFLATEX=0
fi

WORK=$OUT/work
rm -rf "$OUT"
mkdir -p "$WORK"
# timings on a busy machine mean little: the table says how busy it was
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start" > "$OUT/machine.txt"
python3 "$PEERS_DIR/select_articles.py" "$SHARED/corpus/articles" "$WORK" S=10 M=40 L=160 \
  2> "$WORK/selection.log"
FLOOR=$WORK/floor
cc -O2 -o "$FLOOR" "$PEERS_DIR/floor/floor.c" $(pkg-config --cflags --libs pangocairo) -lm

time_pair() {   # time_pair NAME 'BASELINE' CMD...
  name=$1 baseline=$2
  shift 2
  nice -n 0 python3 "$PEERS_DIR/bench.py" -n "$RUNS" --warmup "$WARMUP" --vs "$baseline" -- "$@" \
    > "$OUT/$name.txt"
}

for size in $SIZES; do
  d=$WORK/$size
  mkdir -p "$d/latex"
  python3 tests/bench/prepare.py "$WORK/list-$size.txt" "$d/copies"
  python3 "$PEERS_DIR/convert.py" floor "$d/floor.txt" @"$WORK/list-$size.txt" 2> "$d/words.txt"
  echo "bench: size $size, $(wc -l < "$WORK/list-$size.txt") articles: $(cat "$d/words.txt")"
  # galley's own inputs, one command; the same PDF whatever the thread count
  set -- "$GALLEY" build --layout layouts/bench-tabloid.yaml -q
  if ! "$@" -j 1 -o "$d/galley-j1.pdf" "$d"/copies/*.md || ! "$@" -j 2 -o "$d/galley-j2.pdf" "$d"/copies/*.md; then
    echo "bench: galley failed on size $size" >&2
    exit 2
  fi
  if cmp -s "$d/galley-j1.pdf" "$d/galley-j2.pdf"; then echo same > "$d/threads.txt"; else echo differ > "$d/threads.txt"; fi
  time_pair "$size-floor" "$FLOOR $d/floor.txt $d/floor.pdf" "$@" -o "$d/galley.pdf" "$d"/copies/*.md
  if [ "$HAVE_PDFLATEX" = 1 ]; then
    python3 "$PEERS_DIR/convert.py" latex "$d/latex/in.tex" @"$WORK/list-$size.txt" 2> /dev/null
    time_pair "$size-pdflatex" \
      "pdflatex -interaction=batchmode -halt-on-error -output-directory $d/latex $d/latex/in.tex" \
      "$@" -o "$d/galley.pdf" "$d"/copies/*.md
  fi
done

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end" >> "$OUT/machine.txt"
status=0
python3 tests/bench/speed_table.py "$OUT" "$TABLE" $SIZES || status=$?
exit $status
