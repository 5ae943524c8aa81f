#!/bin/sh
# hostile.sh — inputs a newsroom's feeds and a tired editor produce: huge
# articles, absurd words, YAML bombs, broken UTF-8, every script, broken
# photos, impossible layouts. Each has its expected behaviour: it builds with
# every character placed (checked on the display list, --dump-boxes, by
# tests/textcheck.py), or it is refused with its message, status 2, no output
# left, in bounded time and memory. (The messages for an invalid 0xFF byte,
# a missing headline, zero columns and an unknown font are in cli.sh.)
SUITE=hostile
. "$(dirname "$0")/lib.sh"
GALLEY=${GALLEY:-./galley}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
MEASURE="python3 tests/measure.py $TMP/measured"

python3 - "$TMP" <<'PY'
import random, struct, sys, zlib
tmp = sys.argv[1]
rng = random.Random(8)
WORDS = ("the council said budget harbour bridge school robotics weekend results minister "
         "announced yesterday that would ferry closure engineers bearings inspection").split()

def sentence(n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

def article(name, body_paragraphs, headline="A hostile input", extra=""):
    with open(f"{tmp}/{name}.md", "w", encoding="utf-8") as f:
        f.write(f"---\nheadline: {headline}\n{extra}---\n\n" + "\n\n".join(body_paragraphs) + "\n")
    with open(f"{tmp}/{name}.expected", "w", encoding="utf-8") as f:
        f.write("\n".join(body_paragraphs))

# Sizes the issue names; limits apply only beyond them.
paragraphs, size = [], 0
while size < 10 * 1024 * 1024:
    p = sentence(rng.randint(20, 120))
    paragraphs.append(p)
    size += len(p) + 2
article("ten-megabytes", paragraphs)
word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(100000))
article("long-word", ["Before the word " + word + " and after it."])
article("many-paragraphs", [f"Line {i} of many." for i in range(20000)])
headline = " ".join(rng.choice(WORDS) for _ in range(400))[:2000].strip()
article("long-headline", ["A short body."], headline=headline)
with open(f"{tmp}/long-headline.headline", "w") as f:
    f.write(headline)

# Scripts: right to left, CJK, emoji sequences, combining marks.
article("rtl", ["שלום עולם, זהו מאמר בעברית עם מספרים 2026 ומילים באנגלית English words בתוכו.",
                "مرحبا بالعالم، هذه مقالة باللغة العربية تحتوي على أرقام ١٢٣ وكلمات إنجليزية English."],
        extra="language: he\n")
article("cjk", ["中文新闻：港口大桥将关闭六周进行维修。日本語のテキストも含まれています。한국어 문장도 있습니다."])
article("emoji", ["Family \U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466, flags \U0001F1E9\U0001F1EA,"
                  " skin tone \U0001F44D\U0001F3FD, keycap 1\uFE0F\u20E3 and \U0001F3F3\uFE0F\u200D\U0001F308 in a line."])
article("combining", ["Cafe\u0301 nai\u0308ve Z\u0351\u0352\u0353a\u0354l\u0355\u0356g\u0357o, stacked"
                      " a\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309 marks, Hangul jamo"
                      " \u1100\u1161\u11A8 and Devanagari \u0915\u094D\u0937\u0924\u094D\u0930\u093F\u092F."])

# YAML bombs, in an article's front matter and in a layout.
def laughs(levels=9):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for c in "bcdefghijklmnop"[:levels - 1]:
        lines.append(f"{c}: &{c} [" + ",".join(["*" + prev] * 9) + "]")
        prev = c
    return "\n".join(lines) + "\n"
with open(f"{tmp}/laughs.md", "w") as f:
    f.write("---\nheadline: H\n" + laughs() + "---\n\nText.\n")
with open(f"{tmp}/laughs.yaml", "w") as f:
    f.write(laughs())
with open(f"{tmp}/deep-flow.md", "w") as f:
    f.write("---\nheadline: H\nx: " + "[" * 1000000 + "]" * 1000000 + "\n---\n\nText.\n")
brackets = "[" * 40 + "{" * 40
article("quoted-brackets", ["Text."], headline=f"'{brackets} it''s quoted' # and {brackets}")
with open(f"{tmp}/quoted-brackets.headline", "w") as f:
    f.write(f"{brackets} it's quoted")
article("plain-brackets", ["Text."], headline=f"Note{brackets} and [{brackets}")
with open(f"{tmp}/plain-brackets.headline", "w") as f:
    f.write(f"Note{brackets} and [{brackets}")
with open(f"{tmp}/deep-block.md", "w") as f:
    f.write("---\nheadline: H\nx:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 3000)) + "---\n\nText.\n")
with open(f"{tmp}/deep.yaml", "w") as f:
    f.write("styles:\n  body: " + "{a: " * 100000 + "1" + "}" * 100000 + "\n")
with open(f"{tmp}/nested-lists.md", "w") as f:   # items past the 16th level were dropped
    f.write("---\nheadline: H\n---\n\n" + "".join("  " * i + f"- item {i}\n" for i in range(300)))
with open(f"{tmp}/one-line-lists.md", "w") as f:
    f.write("---\nheadline: H\n---\n\n" + "- " * 3000 + "x\n")
article("nested-quotes", ["deep quote"])
with open(f"{tmp}/nested-quotes.md", "w") as f:
    f.write("---\nheadline: H\n---\n\n" + ">" * 5000 + " deep quote\n")
with open(f"{tmp}/wide.md", "w") as f:   # more nodes than any front matter has
    f.write("---\nheadline: H\nx: [" + ",".join(["1"] * 200000) + "]\n---\n\nText.\n")

# Encodings: each bad sequence in the body, the front matter, a .txt and a layout.
BAD = {"overlong": b"\xc0\xaf", "surrogate": b"\xed\xa0\x80", "nul": b"\x00",
       "five-byte": b"\xf8\x88\x80\x80\x80", "truncated": b"\xe2\x82", "beyond-unicode": b"\xf4\x90\x80\x80"}
for name, bad in BAD.items():
    open(f"{tmp}/{name}-body.md", "wb").write(b"---\nheadline: H\n---\n\nSome " + bad + b" text.\n")
    open(f"{tmp}/{name}-head.md", "wb").write(b"---\nheadline: H" + bad + b"\n---\n\nText.\n")
    open(f"{tmp}/{name}.txt", "wb").write(b"Headline\n\nSome " + bad + b" text.\n")
    open(f"{tmp}/{name}.yaml", "wb").write(b"name: x" + bad + b"\n")
open(f"{tmp}/yaml-nul.md", "w").write('---\nheadline: "Before \\0 after"\n---\n\nText.\n')
open(f"{tmp}/yaml-surrogate.md", "w").write('---\nheadline: "Lone \\ud800 half"\n---\n\nText.\n')
article("references", ["A &#0; B &#xD800; C &#x110000; D"])
with open(f"{tmp}/references.expected", "w") as f:   # CommonMark: U+FFFD for each
    f.write("A \uFFFD B \uFFFD C \uFFFD D")

# Photos.
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
def png(w, h, raw):
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
good = png(60, 40, b"".join(b"\x00" + b"\x80\x40\x20" * 60 for _ in range(40)))
corrupt = bytearray(good)
for i in range(40, len(corrupt) - 20):
    corrupt[i] ^= 0x5A
photos = {"good.png": good, "truncated.png": good[: len(good) // 2], "corrupt.png": bytes(corrupt),
          "bomb.png": png(40000, 40000, b"\x00" * 480012), "text.png": b"This is not an image.\n",
          "truncated.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"}
for name, data in photos.items():
    open(f"{tmp}/{name}", "wb").write(data)
    with open(f"{tmp}/photo-{name}.md", "w") as f:
        f.write(f"---\nheadline: A photo\nimage: {name}\ncaption: The caption.\n---\n\nText.\n")

# Layouts at and past their limits.
open(f"{tmp}/narrow.yaml", "w").write("page: {width: 30pt, height: 400pt}\nmargins: 10pt\ncolumns: 1\n"
    "styles:\n  body: {size: 3pt, leading: 3.5pt}\n  headline: {size: 3pt}\n  kicker: {size: 3pt}\n"
    "  folio: {size: 3pt}\n")
open(f"{tmp}/narrow-body.yaml", "w").write("page: {width: 30pt, height: 400pt}\nmargins: 10pt\ncolumns: 1\n")
open(f"{tmp}/hundred.yaml", "w").write("page: {width: 10000pt, height: 1000pt}\nmargins: 10pt\n"
    "columns: 100\ngutter: 2pt\n")
open(f"{tmp}/max-columns.yaml", "w").write("page: {width: 2000pt, height: 1000pt}\nmargins: 20pt\n"
    "columns: 24\ngutter: 6pt\n")
article("narrow", [sentence(60) for _ in range(5)])
PY

# ---- sizes that must build, every character placed --------------------------------
# The folio (publication and page number) is left out when the PDF's text is compared.
builds() {   # builds NAME ARTICLE EXPECTED STYLES [LAYOUT]: exit 0, every character placed
  name=$1; article=$2; expected=$3; styles=$4; layout=${5:-layouts/tabloid.yaml}
  rm -f "$TMP/out.pdf" "$TMP/boxes.json"
  if ! $MEASURE env ${BUILD_ENV:-} timeout 600 $GALLEY build --layout "$layout" -o "$TMP/out.pdf" \
         --dump-boxes "$TMP/boxes.json" "$article" 2>"$TMP/stderr"; then
    fail "$name: the build failed"; sed 's/^/    /' "$TMP/stderr" | head -5 >&2; return 1
  fi
  pass
  echo "hostile: $name built in $(cut -d' ' -f1 "$TMP/measured") s, peak $(($(cut -d' ' -f2 "$TMP/measured") / 1024)) MB"
  check "$name: every character placed" python3 tests/textcheck.py "$TMP/boxes.json" "$expected" "$styles"
}
# Under ASan, full stack unwinding on each of its millions of allocations
# would take the 10 MB build past ten minutes: it runs with fast unwinding
# and without leak detection (the smaller builds check the same paths).
BUILD_ENV="ASAN_OPTIONS=detect_leaks=0:fast_unwind_on_malloc=1"
builds "10 MB article" "$TMP/ten-megabytes.md" "$TMP/ten-megabytes.expected" body
BUILD_ENV=
builds "a word of 100 000 characters" "$TMP/long-word.md" "$TMP/long-word.expected" body
if command -v pdftotext >/dev/null 2>&1; then
  check "the 100 000-character word is in the PDF" sh -c \
    "pdftotext '$TMP/out.pdf' - | tr '\f' '\n' | grep -vx -e Tabloid -e 'Page [0-9]*' | tr -d ' \n-' | grep -qF \"\$(tr -d ' \n' < '$TMP/long-word.expected')\""
fi
builds "20 000 one-line paragraphs" "$TMP/many-paragraphs.md" "$TMP/many-paragraphs.expected" body
builds "a 2 000-character headline" "$TMP/long-headline.md" "$TMP/long-headline.headline" headline
if command -v pdftotext >/dev/null 2>&1; then
  check "the 2 000-character headline is in the PDF" sh -c \
    "pdftotext '$TMP/out.pdf' - | tr -d ' \n-' | grep -qF \"\$(tr -d ' \n' < '$TMP/long-headline.headline')\""
fi

# ---- scripts ---------------------------------------------------------------------
builds "Hebrew and Arabic" "$TMP/rtl.md" "$TMP/rtl.expected" body
builds "Chinese, Japanese, Korean" "$TMP/cjk.md" "$TMP/cjk.expected" body
builds "emoji with ZWJ sequences" "$TMP/emoji.md" "$TMP/emoji.expected" body
check "an emoji no font has is a warning naming it" grep -qF "emoji.md:5: no configured font can draw U+1F469" "$TMP/stderr"
builds "combining marks" "$TMP/combining.md" "$TMP/combining.expected" body
builds "numeric references to NUL, a surrogate, beyond Unicode print U+FFFD" \
  "$TMP/references.md" "$TMP/references.expected" body

# ---- refused, in bounded time and memory -------------------------------------------
# refused NAME MESSAGE ARTICLE [LAYOUT]: status 2 with MESSAGE, no output, within
# 10 s and 1 GB (a sanitizer build's own memory included).
refused() {
  name=$1; message=$2; article=$3; layout=${4:-layouts/tabloid.yaml}
  rm -f "$TMP/out.pdf"
  expect_error "$name" 2 "$message" -- $MEASURE timeout 60 $GALLEY build -q --layout "$layout" -o "$TMP/out.pdf" "$article"
  check "$name: no output" test ! -e "$TMP/out.pdf"
  read -r seconds peak_kb _ < "$TMP/measured"
  check "$name: refused within 10 s (took $seconds s)" python3 -c "import sys; sys.exit(not $seconds < 10)"
  check "$name: refused within 1 GB (took $((peak_kb / 1024)) MB)" test "$peak_kb" -lt 1048576
}
refused "billion laughs in an article" "laughs.md:4:8: YAML aliases (*name) are not supported; write the value out" "$TMP/laughs.md"
refused "billion laughs in a layout" "laughs.yaml:2:8: YAML aliases (*name) are not supported" "$TMP/rtl.md" "$TMP/laughs.yaml"
refused "1 000 000 nested flow sequences" "deep-flow.md:3:36: YAML nested deeper than 32 levels; flatten the document" "$TMP/deep-flow.md"
builds "80 brackets in a quoted headline and a comment" "$TMP/quoted-brackets.md" "$TMP/quoted-brackets.headline" headline
builds "80 brackets inside a plain headline" "$TMP/plain-brackets.md" "$TMP/plain-brackets.headline" headline
refused "3 000 nested mappings" "YAML nested deeper than 32 levels" "$TMP/deep-block.md"
# libfyaml 0.7 wrote its error's source line past a buffer (a segfault)
refused "a YAML error on a long line of tabs (found by fuzzing)" \
  "segv-libfyaml-error-line-of-tabs.yaml:1:384: invalid YAML: invalid multiline plain key" \
  "$TMP/rtl.md" tests/fuzz/regressions/layout/segv-libfyaml-error-line-of-tabs.yaml
# libfyaml 0.7 crashed freeing its parser after an explicit key "? x :\t:"
refused "a YAML explicit key (found by fuzzing)" \
  "segv-libfyaml-explicit-key-tab.md:3:1: '? ' starts a YAML explicit key, which galley does not read; write 'key: value'" \
  tests/fuzz/regressions/article/segv-libfyaml-explicit-key-tab.md
refused "100 000 nested mappings in a layout" "deep.yaml:2:137: YAML nested deeper than 32 levels" "$TMP/rtl.md" "$TMP/deep.yaml"
refused "300 nested list items" "nested-lists.md:4: the body nests lists or quotes more than 16 deep; flatten it" "$TMP/nested-lists.md"
refused "3 000 lists opened on one line" "one-line-lists.md:4: the body nests lists or quotes more than 16 deep" "$TMP/one-line-lists.md"
builds "5 000 nested block quotes" "$TMP/nested-quotes.md" "$TMP/nested-quotes.expected" quote
refused "200 000 values in the front matter" "wide.md: more than 100000 YAML nodes; this is not a galley file" "$TMP/wide.md"

# ---- endless and oversized files: read no further than the 64 MB limit --------------
if [ -c /dev/zero ]; then
  refused "/dev/zero as an article" "/dev/zero: the article is larger than 67108864 bytes, galley's limit for one file; split it" /dev/zero
  refused "/dev/zero as a layout" "/dev/zero: the layout is larger than 67108864 bytes" "$TMP/rtl.md" /dev/zero
  expect_error "/dev/zero as plain text" 2 "/dev/zero: the text is larger than 67108864 bytes" -- timeout 60 $GALLEY import /dev/zero
fi

big=$TMP/ten-megabytes.md
expect_error "7 x 10 MB of text in one run" 2 "ten-megabytes.md: with this article the run holds more than 67108864 bytes of text, galley's limit for one run" -- \
  timeout 120 $GALLEY build -q -o "$TMP/out.pdf" "$big" "$big" "$big" "$big" "$big" "$big" "$big"

# ---- encodings ------------------------------------------------------------------------
for case in "overlong:0xC0" "surrogate:0xED" "five-byte:0xF8" "truncated:0xE2" "beyond-unicode:0xF4"; do
  kind=${case%%:*}; byte=${case#*:}
  refused "$kind UTF-8 in the body" "$kind-body.md:5:6: invalid UTF-8 (byte $byte); save the file as UTF-8" "$TMP/$kind-body.md"
  refused "$kind UTF-8 in the front matter" "$kind-head.md:2:12: invalid UTF-8 (byte $byte)" "$TMP/$kind-head.md"
  refused "$kind UTF-8 in a layout" "$kind.yaml:1:8: invalid UTF-8 (byte $byte)" "$TMP/rtl.md" "$TMP/$kind.yaml"
  expect_error "$kind UTF-8 in plain text" 2 "$kind.txt:3:6: invalid UTF-8 at byte offset 15 (byte $byte)" -- $GALLEY import "$TMP/$kind.txt"
done
refused "a NUL byte in the body" "nul-body.md:5:6: contains a NUL byte; save the file as UTF-8 text" "$TMP/nul-body.md"
refused "a NUL byte in the front matter" "nul-head.md:2:12: contains a NUL byte" "$TMP/nul-head.md"
refused "a NUL byte in a layout" "nul.yaml:1:8: contains a NUL byte" "$TMP/rtl.md" "$TMP/nul.yaml"
expect_error "a NUL byte in plain text" 2 "nul.txt: is not text (a NUL byte at byte offset 15)" -- $GALLEY import "$TMP/nul.txt"
refused "a YAML \\0 escape (the rest of the headline would be lost)" \
  "yaml-nul.md:2:12: a YAML value holds a NUL character (an escape such as \\0); remove it" "$TMP/yaml-nul.md"
refused "a YAML escape of a lone surrogate" "invalid YAML: double-quoted scalar has invalid UTF8 escape" "$TMP/yaml-surrogate.md"

# ---- photos: an error naming the article, its line and the file; nothing written ----
photo() {   # photo NAME FILE MESSAGE: refused with MESSAGE, no PDF; with --placeholder-images, a placeholder
  name=$1; file=$2; message=$3
  rm -f "$TMP/out.pdf" "$TMP/boxes.json"
  $MEASURE timeout 60 $GALLEY build -o "$TMP/out.pdf" "$TMP/photo-$file.md" 2>"$TMP/stderr"
  check "$name: status 2" test $? -eq 2
  check "$name: an error naming the article, its line and the file" \
    grep -qF "galley: error: $TMP/photo-$file.md:3: photo $TMP/$file: $message" "$TMP/stderr"
  check "$name: says what to do" grep -qF "; or give --placeholder-images to proof the pages" "$TMP/stderr"
  check "$name: no PDF written" test ! -e "$TMP/out.pdf"
  read -r seconds peak_kb _ < "$TMP/measured"
  check "$name: within 10 s and 1 GB" test "$peak_kb" -lt 1048576 -a "${seconds%.*}" -lt 10
  $GALLEY build --placeholder-images -o "$TMP/out.pdf" --dump-boxes "$TMP/boxes.json" \
    "$TMP/photo-$file.md" 2>"$TMP/stderr"
  check "$name, --placeholder-images: status 0" test $? -eq 0
  check "$name, --placeholder-images: a warning" \
    grep -qF "galley: warning: $TMP/photo-$file.md:3: photo $TMP/$file: $message" "$TMP/stderr"
  check "$name, --placeholder-images: a placeholder" grep -q '"kind": *"placeholder"' "$TMP/boxes.json"
}
$GALLEY build -q -o "$TMP/out.pdf" --dump-boxes "$TMP/boxes.json" "$TMP/photo-good.png.md"
check "a good photo is drawn" grep -q '"kind": *"image"' "$TMP/boxes.json"
photo "a truncated PNG" truncated.png "cannot decode the image ("
photo "a corrupt PNG" corrupt.png "not an image galley can read; use PNG or JPEG"
photo "a PNG declaring 40 000 x 40 000 pixels" bomb.png "declares 40000 x 40000 pixels, more than the 100000000-pixel limit; scale it down"
photo "a text file named .png" text.png "not an image galley can read"
photo "a JPEG cut after its header" truncated.jpg "not an image galley can read"

# ---- layouts at and past their limits ------------------------------------------------
builds "one column 10 pt wide (3 pt type)" "$TMP/narrow.md" "$TMP/narrow.expected" body "$TMP/narrow.yaml"
refused "one column 10 pt wide (9 pt type)" \
  "narrow-body.yaml: columns are 10.0pt wide, narrower than 3 ems of body text (27.0pt); use fewer columns or a smaller gutter" \
  "$TMP/narrow.md" "$TMP/narrow-body.yaml"
refused "100 columns" "hundred.yaml:3:10: 'columns' must be a whole number from 1 to 24, not '100'" "$TMP/narrow.md" "$TMP/hundred.yaml"
builds "24 columns, the most a layout may have" "$TMP/narrow.md" "$TMP/narrow.expected" body "$TMP/max-columns.yaml"

# ---- pages past GALLEY_MAX_PAGES (10 000 in one document) -----------------------------
# A page 45 pt high holds four one-line paragraphs: 41 000 make 10 251 pages.
printf 'page: {width: 200pt, height: 45pt}\nmargins: 5pt\ncolumns: 1\nbaseline: 8pt\nfolio: false\nstyles:\n  body: {size: 6pt, leading: 8pt}\n  headline: {size: 6pt, leading: 8pt}\n' > "$TMP/tiny.yaml"
python3 -c "import sys; print('---\nheadline: Many\n---\n\n' + '\n\n'.join(f'Line {i}.' for i in range(41000)))" > "$TMP/lines-41000.md"
# Refused once the pages are composed: with --dump-boxes before any is
# drawn; in a plain build, whose pages are drawn while the flow goes on,
# after drawing 10 000 of them in memory (about a second here).
refuse_pages() {   # refuse_pages LABEL BUILD-OPTION...
  label=$1; shift
  rm -f "$TMP/out.pdf"
  expect_error "10 251 pages, past the page limit$label" 2 \
    "galley: error: the pages run to 10251, more than 10000, galley's limit for one document; build the articles in several runs" -- \
    $GALLEY build -q --layout "$TMP/tiny.yaml" -o "$TMP/out.pdf" "$@" "$TMP/lines-41000.md"
  check "10 251 pages, past the page limit$label: no output" test ! -e "$TMP/out.pdf"
}
refuse_pages " (--dump-boxes)" --dump-boxes "$TMP/pages.json"
refuse_pages ""
python3 -c "print('publication: X\npages:\n' + '  - kind: inside\n' * 10001, end='')" > "$TMP/pages.yaml"
expect_error "an edition of 10 001 pages" 2 "pages.yaml:10003:5: page 10001: an edition has at most 10000 pages, galley's limit for one document; split it into several editions" -- \
  $GALLEY build -o "$TMP/edition-pages.pdf" "$TMP/pages.yaml"
check "an edition of 10 001 pages: no output" test ! -e "$TMP/edition-pages.pdf"

finish
