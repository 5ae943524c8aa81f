#!/bin/sh
# faults.sh — the world failing around galley: an output folder it may not
# write, a full disk, an output that is a device, a FIFO or standard output,
# its fonts/ folder missing, a photo gone. Each gives a clear message and
# status 2 (a photo: a warning and a placeholder), never a partial or
# temporary file, never a crash. The full and read-only disks are small
# tmpfs mounts; they need root and are skipped, saying so, without it.
SUITE=faults
. "$(dirname "$0")/lib.sh"
GALLEY=${GALLEY:-./galley}
TMP=$(mktemp -d)
MNT=$TMP/mnt
mkdir -p "$MNT"
cleanup() {
  mountpoint -q "$MNT" 2>/dev/null && umount "$MNT"
  rm -rf "$TMP"
}
trap cleanup EXIT
article=samples/oligo-news/harbour-bridge.md
samples=$(ls samples/oligo-news/*.md)

no_output_left() {   # no_output_left NAME DIR: nothing named out.pdf* in DIR
  check "$1: no output or temporary file left" sh -c "! ls -A '$2' | grep -q '^out.pdf'"
}

# ---- an output folder galley may not write ----------------------------------------
mkdir -p "$TMP/locked"
chmod 555 "$TMP/locked"
if [ "$(id -u)" != 0 ]; then
  expect_error "output folder not writable" 2 "locked/out.pdf: cannot write the output: permission denied" -- \
    $GALLEY build -o "$TMP/locked/out.pdf" $article
  no_output_left "output folder not writable" "$TMP/locked"
elif command -v setpriv >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
  chmod 755 "$TMP"   # root's mktemp folder is 700: let nobody reach the locked folder
  expect_error "output folder not writable (as nobody)" 2 "locked/out.pdf: cannot write the output: permission denied" -- \
    setpriv --reuid=65534 --regid=65534 --clear-groups $GALLEY build -o "$TMP/locked/out.pdf" $article
  no_output_left "output folder not writable" "$TMP/locked"
else
  skip "running as root without setpriv: a folder root may not write cannot be made"
fi

# ---- full and read-only disks (small tmpfs) -----------------------------------------
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k galley-faults "$MNT" 2>/dev/null; then
  expect_error "full disk" 2 "mnt/out.pdf: cannot write the output: no space left on the device" -- \
    $GALLEY build -o "$MNT/out.pdf" $samples
  no_output_left "full disk" "$MNT"
  printf 'previous edition\n' > "$MNT/out.pdf"
  $GALLEY build -o "$MNT/out.pdf" $samples 2>/dev/null
  check "full disk: the previous file is kept whole" grep -qx "previous edition" "$MNT/out.pdf"
  check "full disk: no temporary file left" sh -c "test \"\$(ls -A '$MNT')\" = out.pdf"
  expect_error "full disk, preview" 2 "cannot write the output: no space left on the device" -- \
    $GALLEY preview --dpi 200 -o "$MNT/page-%d.png" $samples
  expect_error "full disk, --dump-boxes" 2 "boxes.json: cannot write the output: no space left on the device" -- \
    $GALLEY build -o "$TMP/out.pdf" --dump-boxes "$MNT/boxes.json" $samples
  rm -f "$MNT/out.pdf"
  mount -o remount,ro "$MNT"
  expect_error "read-only file system" 2 "mnt/out.pdf: cannot write the output: the file system is read-only" -- \
    $GALLEY build -o "$MNT/out.pdf" $article
  no_output_left "read-only file system" "$MNT"
  umount "$MNT"
else
  skip "cannot mount a tmpfs (not root, or no permission): full and read-only disks not tested"
fi

# ---- outputs that are not regular files: written directly, never renamed over --------
if [ -e /dev/full ]; then
  expect_error "/dev/full" 2 "/dev/full: cannot write: No space left on device" -- $GALLEY build -o /dev/full $article
  check "/dev/full is still a device" test -c /dev/full
fi
mkfifo "$TMP/fifo"
cat "$TMP/fifo" > "$TMP/from-fifo.pdf" &
reader=$!
check "a FIFO as the output" $GALLEY build -q -o "$TMP/fifo" $article
wait "$reader"
check "the whole PDF came through the FIFO" sh -c "head -c 5 '$TMP/from-fifo.pdf' | grep -q '%PDF-' && tail -c 6 '$TMP/from-fifo.pdf' | grep -q '%%EOF'"
check "the FIFO is still a FIFO" test -p "$TMP/fifo"
$GALLEY build -q -o - $article > "$TMP/stdout.pdf"
check "-o - writes the PDF to standard output" sh -c "head -c 5 '$TMP/stdout.pdf' | grep -q '%PDF-' && tail -c 6 '$TMP/stdout.pdf' | grep -q '%%EOF'"
if [ -e /dev/full ]; then
  expect_error "-o - into a full device" 2 "standard output: cannot write: No space left on device" -- \
    sh -c "$GALLEY build -o - $article > /dev/full"
fi
mkdir -p "$TMP/out.pdf.d"
expect_error "the output is a folder" 2 "out.pdf.d: cannot open for writing: Is a directory" -- $GALLEY build -o "$TMP/out.pdf.d" $article

# ---- galley's own data ---------------------------------------------------------------
mkdir -p "$TMP/data/layouts"
cp layouts/* "$TMP/data/layouts/"   # layouts name their house dictionaries beside them
rm -f "$TMP/out.pdf"
expect_error "fonts/ folder missing" 2 "fonts/fonts.conf: galley's font configuration is missing; reinstall galley or set GALLEY_DATADIR" -- \
  env GALLEY_DATADIR="$TMP/data" $GALLEY build -o "$TMP/out.pdf" $article
check "fonts/ folder missing: no output" test ! -e "$TMP/out.pdf"
mkdir -p "$TMP/data/fonts"
printf '<fontconfig><dir>%s/none</dir></fontconfig>\n' "$TMP" > "$TMP/data/fonts/fonts.conf"
expect_error "fonts/ names no fonts" 2 "style 'kicker' uses font family 'TeX Gyre Heros', which is not installed; install the Debian package fonts-texgyre" -- \
  env GALLEY_DATADIR="$TMP/data" $GALLEY build -o "$TMP/out.pdf" $article
printf '<fontconfig><dir>\n' > "$TMP/data/fonts/fonts.conf"
expect_error "fonts.conf is not XML" 2 "fonts/fonts.conf: fontconfig could not load this configuration; check its XML" -- \
  env GALLEY_DATADIR="$TMP/data" $GALLEY build -o "$TMP/out.pdf" $article

# ---- a photo that goes away ----------------------------------------------------------
mkdir -p "$TMP/story"
cp samples/oligo-news/images/harbour.png "$TMP/story/photo.png"
make_story() {   # make_story PARAGRAPHS: an article with a photo and a long body
  python3 - "$TMP/story/story.md" "$1" <<'PY'
import sys
body = "\n\n".join(f"Paragraph {i} of the story, long enough to need setting with care." for i in range(int(sys.argv[2])))
open(sys.argv[1], "w").write("---\nheadline: The photo goes\nimage: photo.png\ncaption: A caption.\n---\n\n" + body + "\n")
PY
}
make_story 10
rm "$TMP/story/photo.png"
$GALLEY build -o "$TMP/out.pdf" --dump-boxes "$TMP/boxes.json" "$TMP/story/story.md" 2>"$TMP/stderr"
check "photo deleted before the build: still builds" test -s "$TMP/out.pdf"
check "photo deleted before the build: warning" grep -qF "story.md:3: $TMP/story/photo.png: image not found; a grey placeholder is printed instead" "$TMP/stderr"
check "photo deleted before the build: placeholder" grep -q '"kind": *"placeholder"' "$TMP/boxes.json"
# During a build: the photo is decoded once, when its story is set, and drawn
# from memory, so deleting it any time after leaves the PDF whole; before,
# it is the case above. Deleted a moment into a long build, either happens;
# both must give a whole PDF and status 0.
make_story 3000
cp samples/oligo-news/images/harbour.png "$TMP/story/photo.png"
rm -f "$TMP/out.pdf"
$GALLEY build -q -o "$TMP/out.pdf" "$TMP/story/story.md" 2>"$TMP/stderr" &
build=$!
sleep 0.2
rm -f "$TMP/story/photo.png"
wait "$build"
check "photo deleted during the build: status 0" test $? -eq 0
check "photo deleted during the build: a whole PDF" sh -c "tail -c 6 '$TMP/out.pdf' | grep -q '%%EOF'"
printf 'not a PNG any more' > "$TMP/story/photo.png"
make_story 3
$GALLEY build -q -o "$TMP/out.pdf" "$TMP/story/story.md" 2>"$TMP/stderr"
check "photo overwritten with garbage: still builds" test $? -eq 0

finish
