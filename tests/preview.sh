#!/bin/sh
# preview.sh — pictures of pages: PNG pages by list, SVG, the contact sheet,
# the overlay, and the terminal preview (under tmux, whose capture-pane
# shows what a user would see).
SUITE=preview
. "$(dirname "$0")/lib.sh"
GALLEY=${GALLEY:-./galley}
TMP=$(mktemp -d)
[ -n "$KEEP" ] || trap 'rm -rf "$TMP"' EXIT
samples=$(echo samples/oligo-news/*.md)

png_size() {   # png_size FILE: "WIDTH HEIGHT"
  python3 -c "
import struct, sys
d = open(sys.argv[1], 'rb').read(24)
assert d[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
print(*struct.unpack('>II', d[16:24]))" "$1"
}

# ---- page lists, formats ------------------------------------------------------
check "--pages 1,3" $GALLEY preview -q --dpi 20 --pages 1,3 -o "$TMP/p-%d.png" $samples
check "... page 1" test -s "$TMP/p-1.png"
check "... no page 2" test ! -e "$TMP/p-2.png"
check "... page 3" test -s "$TMP/p-3.png"
check "--page N still works" $GALLEY preview -q --dpi 20 --page 2 -o "$TMP/one.png" $samples
check "... one page, the name as given" test "$(png_size "$TMP/one.png")" = "220 340"
check "SVG from the -o name" $GALLEY preview -q --pages 2 -o "$TMP/page-%d.svg" $samples
check "... is SVG in points" grep -q '<svg[^>]*width="792pt" height="1224pt"' "$TMP/page-2.svg"
check "... with the page's glyphs" grep -q '<use xlink:href="#glyph' "$TMP/page-2.svg"
check "--format svg" $GALLEY preview -q --format svg --pages 1 -o "$TMP/f-%d.pic" $samples
check "... SVG whatever the name" grep -q '<svg' "$TMP/f-1.pic"
expect_error "a page that is not there" 2 "the articles make 3 pages; there is no page 9 to draw" -- $GALLEY preview --pages 9 -o "$TMP/x.png" $samples
check "pages past the end are a warning" sh -c "$GALLEY preview --dpi 10 --pages 3-9 -o '$TMP/end-%d.png' $samples 2>&1 | grep -q 'pages after 3 were not drawn' && test -s '$TMP/end-3.png'"
expect_error "bad format" 2 "--format takes png or svg, not 'gif'" -- $GALLEY preview --format gif -o "$TMP/x.gif" $samples
expect_error "bad dpi" 2 "--dpi must be between 10 and 1200" -- $GALLEY preview --dpi 5 -o "$TMP/x.png" $samples
expect_error "nowhere to draw" 2 "say where the pictures go with -o out/page-%d.png" -- $GALLEY preview $samples

# ---- contact sheet -------------------------------------------------------------------
check "--sheet" $GALLEY preview -q --sheet -o "$TMP/sheet.png" $samples
pages=$($GALLEY build -v -o "$TMP/s.pdf" $samples 2>&1 | sed -nE 's/.* ([0-9]+) pages? .*/\1/p')
# 24 dpi: 264 x 408 px pages, 16 px apart, 18 px for the label, all in one row
check "the sheet holds every page in a row" test "$(png_size "$TMP/sheet.png")" = "$((16 + pages * (264 + 16))) $((16 + 408 + 18 + 16))"
check "--sheet --pages 2-3 --dpi 10" $GALLEY preview -q --sheet --dpi 10 --pages 2-3 -o "$TMP/sheet2.png" $samples
check "... two thumbnails" test "$(png_size "$TMP/sheet2.png")" = "$((16 + 2 * (110 + 16))) $((16 + 170 + 18 + 16))"
expect_error "a sheet is a PNG" 2 "a contact sheet (--sheet) is a PNG" -- $GALLEY preview --sheet -o "$TMP/s.svg" $samples

# ---- overlay: guides in non-photo blue, on top of the page ------------------------------
check "--overlay" $GALLEY preview -q --overlay --dpi 30 --pages 1 -o "$TMP/ov.png" $samples
check "plain" $GALLEY preview -q --dpi 30 --pages 1 -o "$TMP/plain.png" $samples
check "the overlay draws blue guides the page lacks" python3 -c "
import zlib, struct, sys
def pixels(path):
    d = open(path, 'rb').read()
    w, h = struct.unpack('>II', d[16:24])
    i, idat = 8, b''
    while i < len(d):
        n, kind = struct.unpack('>I4s', d[i:i + 8])
        if kind == b'IDAT': idat += d[i + 8:i + 8 + n]
        i += 12 + n
    raw = zlib.decompress(idat)
    bpp = d[25] == 6 and 4 or 3
    return w, h, raw, bpp
def bluish(path):
    w, h, raw, bpp = pixels(path)
    stride = w * bpp + 1
    count = 0
    prev = bytearray(w * bpp)
    for y in range(h):
        f, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
        for x in range(len(line)):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        for x in range(0, len(line), bpp):
            r, g, bl = line[x], line[x + 1], line[x + 2]
            count += bl > r + 40 and bl > 150
    return count
plain, over = bluish('$TMP/plain.png'), bluish('$TMP/ov.png')
assert over - plain > 300, (plain, over)   # photos may be blue too
"
check "build --overlay" $GALLEY build -q --overlay -o "$TMP/ov.pdf" $samples
check "... the story frames are named in it" sh -c "pdftotext '$TMP/ov.pdf' - | grep -q 'council-budget.md'"

# ---- the terminal, under tmux ---------------------------------------------------------------
if command -v tmux >/dev/null 2>&1; then
  socket="galley-test-$$"
  tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 40 \
    "$GALLEY preview --term --pages 1 $samples; echo \$? > '$TMP/term.status'; sleep 20"
  waited=0
  while [ ! -s "$TMP/term.status" ] && [ $waited -lt 200 ]; do sleep 0.1; waited=$((waited + 1)); done
  tmux -L "$socket" capture-pane -p -t 0 > "$TMP/pane.txt"
  tmux -L "$socket" kill-server 2>/dev/null
  check "--term under tmux exits 0" test "$(cat "$TMP/term.status" 2>/dev/null)" = 0
  # a 100 x 40 terminal: 38 rows of half blocks (one line for the label, one
  # for the prompt); a tabloid page 11 x 17 in is 76 px high, so 49 px wide
  check "capture-pane: the page fills the terminal's height" test "$(grep -c '▀' "$TMP/pane.txt")" -eq 38
  check "capture-pane: the page keeps its shape" test "$(grep '▀' "$TMP/pane.txt" | head -n 1 | sed 's/ *$//' | tr -d '\n' | wc -m)" -eq 49
  check "capture-pane: every row is as wide" test "$(grep '▀' "$TMP/pane.txt" | sed 's/ *$//' | awk '{ print length($0) }' | sort -u | wc -l)" -eq 1
  check "capture-pane: the label names the page" grep -q '^Page 1 of ' "$TMP/pane.txt"
  TERM=xterm tmux -L "$socket" -f /dev/null new-session -d -x 60 -y 20 \
    "$GALLEY preview --term --pages 1 $samples > '$TMP/term.out'; echo \$? > '$TMP/term2.status'"
  waited=0
  while [ ! -s "$TMP/term2.status" ] && [ $waited -lt 200 ]; do sleep 0.1; waited=$((waited + 1)); done
  tmux -L "$socket" kill-server 2>/dev/null
  check "piped, --term fits the terminal it runs in" test "$(grep -c '▀' "$TMP/term.out")" -eq 18
  check "tmux is not taken for a kitty or sixel terminal" sh -c "! grep -q \"$(printf '\033')_G\\|$(printf '\033')Pq\" '$TMP/term.out'"
else
  skip "tmux not installed: terminal preview not checked under a terminal"
fi
check "--term in 24-bit colour" sh -c "$GALLEY preview -q --term --size 40x22 --pages 1 $samples | grep -q \"$(printf '\033')\[38;2;[0-9]*;[0-9]*;[0-9]*m\""
check "--term --size without a terminal" sh -c "$GALLEY preview -q --term --size 40x22 --pages 2 $samples > '$TMP/t.out' && test \$(grep -c '▀' '$TMP/t.out') -eq 20"
check "--graphics sixel writes sixel" sh -c "$GALLEY preview -q --term --graphics sixel --size 20x10 --pages 1 $samples | grep -q \"$(printf '\033')Pq\""
check "--graphics kitty writes kitty" sh -c "$GALLEY preview -q --term --graphics kitty --size 20x10 --pages 1 $samples | grep -q \"$(printf '\033')_Gf=100\""
expect_error "bad --graphics" 2 "--graphics takes auto, blocks, kitty or sixel, not 'ascii'" -- $GALLEY preview --term --graphics ascii $samples
expect_error "bad --size" 2 "--size takes COLUMNSxROWS such as 100x40, not '100'" -- $GALLEY preview --term --size 100 $samples

finish
