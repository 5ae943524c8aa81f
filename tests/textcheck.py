#!/usr/bin/env python3
"""textcheck.py BOXES.json EXPECTED.txt [STYLE,...] — no character lost.

Reads galley's --dump-boxes display list and checks that the text boxes of
the given styles (default: body), in the order galley placed them, hold
exactly the visible characters of EXPECTED.txt (UTF-8), in order. Spaces,
line-end hyphens, soft hyphens and the break marks galley adds do not count:
a word broken across lines is still the same characters. Prints the first
difference and exits 1 when they differ."""
import json
import sys

IGNORED = {"-", "\u00ad", "\u200b", "\u2028", "\u2010"}


def visible(text):
    return "".join(c for c in text if not c.isspace() and c not in IGNORED)


def main():
    boxes, expected_path = sys.argv[1], sys.argv[2]
    styles = set((sys.argv[3] if len(sys.argv) > 3 else "body").split(","))
    with open(boxes, encoding="utf-8") as f:
        dump = json.load(f)
    placed = "".join(visible(b["text"]) for page in dump["pages"] for b in page["boxes"]
                     if b["kind"] == "text" and b["style"] in styles)
    with open(expected_path, encoding="utf-8") as f:
        expected = visible(f.read())
    if placed == expected:
        return 0
    at = next((i for i, (a, b) in enumerate(zip(placed, expected)) if a != b),
              min(len(placed), len(expected)))
    print(f"textcheck: {len(placed)} characters placed, {len(expected)} expected; "
          f"first difference at {at}: placed {placed[at:at + 40]!r}, "
          f"expected {expected[at:at + 40]!r}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
