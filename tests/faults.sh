#!/bin/sh
# faults.sh — the world failing around galley: an output folder it may not
# write, a full disk, an output that is a device, a FIFO or standard output,
# its fonts/ folder missing, a photo gone. Each gives a clear message and
# status 2 (a photo: a warning and a placeholder only when asked for with
# --placeholder-images), never a partial or
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
OUT=$TMP/photo-out
mkdir -p "$OUT"
make_story 10
rm "$TMP/story/photo.png"
expect_error "photo deleted before the build" 2 "galley: error: $TMP/story/story.md:3: photo $TMP/story/photo.png: image not found; check the path" -- \
  $GALLEY build -o "$OUT/out.pdf" "$TMP/story/story.md"
check "photo deleted before the build: says what to do" grep -qF "or give --placeholder-images to proof the pages" "$TMP/stderr"
no_output_left "photo deleted before the build" "$OUT"
printf 'the last good PDF' > "$TMP/kept.pdf"
$GALLEY build -q -o "$TMP/kept.pdf" "$TMP/story/story.md" 2>/dev/null
check "photo deleted before the build: an existing PDF is left as it was" grep -qx 'the last good PDF' "$TMP/kept.pdf"
$GALLEY build --placeholder-images -o "$OUT/out.pdf" --dump-boxes "$TMP/boxes.json" "$TMP/story/story.md" 2>"$TMP/stderr"
check "photo deleted, --placeholder-images: status 0" test $? -eq 0
check "photo deleted, --placeholder-images: a warning" grep -qF "galley: warning: $TMP/story/story.md:3: photo $TMP/story/photo.png: image not found" "$TMP/stderr"
check "photo deleted, --placeholder-images: a placeholder" grep -q '"kind": *"placeholder"' "$TMP/boxes.json"
rm -f "$OUT/out.pdf" "$TMP/boxes.json"
# During a build: the articles are read first (the second from a pipe that
# the test holds open, so the build waits there), then set in order, each
# photo decoded when its story is set and drawn from memory. The photo goes
# while the build waits.
make_story 3
cp samples/oligo-news/images/harbour.png "$TMP/story/photo.png"
mkfifo "$TMP/feed"
$GALLEY build -o "$OUT/out.pdf" "$TMP/story/story.md" - <"$TMP/feed" 2>"$TMP/stderr" &
build=$!
exec 3>"$TMP/feed"
sleep 0.2
rm -f "$TMP/story/photo.png"
printf -- '---\nheadline: From the wire\n---\n\nText.\n' >&3
exec 3>&-
wait "$build"
check "photo deleted during the build: status 2" test $? -eq 2
check "photo deleted during the build: the message" grep -qF "galley: error: $TMP/story/story.md:3: photo $TMP/story/photo.png: image not found" "$TMP/stderr"
no_output_left "photo deleted during the build" "$OUT"
printf 'not a PNG any more' > "$TMP/story/photo.png"
expect_error "photo overwritten with garbage" 2 "story.md:3: photo $TMP/story/photo.png: not an image galley can read; use PNG or JPEG" -- \
  $GALLEY build -o "$OUT/out.pdf" "$TMP/story/story.md"
no_output_left "photo overwritten with garbage" "$OUT"

finish
