#!/usr/bin/env python3
"""edition_check.py DUMP.json [LABEL...] — checks an edition's display list.

Prints one line per problem and exits 1 when there is any:
- page labels are the ones given (when given), and each page's folio
  carries its own label;
- slots (regions) on a page do not overlap;
- every line of a story lies inside one of that story's slots on its page
  (or inside the text area of a page added for the rest);
- every "Continued on Page X" names a page that exists and on which the
  same story carries "Continued from Page <this page>", and the reverse;
- every jump line is a link, and every link goes to a destination that exists.
"""
import json
import re
import sys

SLACK = 0.6        # points: rounding in the dump
PROTRUSION = 2.0   # points: hyphens and quotes hang into the gutter (margin protrusion)

CONTINUED_ON = re.compile(r"^(?:Continued on Page|Fortsetzung auf Seite|Suite en page|"
                          r"Continúa en la página) (\S+)$")
CONTINUED_FROM = re.compile(r"^(?:Continued from Page|Fortsetzung von Seite|Suite de la page|"
                            r"Viene de la página) (\S+)$")


def inside(box, region):
    top = box["baseline"] - box["height"] * 0.6   # about the ascent
    return (box["x"] >= region["x"] - PROTRUSION and box["x"] + box["width"] <= region["x"] + region["width"] + PROTRUSION
            and top >= region["y"] - SLACK and box["baseline"] <= region["y"] + region["height"] + SLACK)


def overlap(a, b):
    return (a["x"] + SLACK < b["x"] + b["width"] and b["x"] + SLACK < a["x"] + a["width"]
            and a["y"] + SLACK < b["y"] + b["height"] and b["y"] + SLACK < a["y"] + a["height"])


def main():
    dump = json.load(open(sys.argv[1]))
    want_labels = sys.argv[2:]
    problems = []
    pages = dump["pages"]
    labels = [p.get("label") for p in pages]
    if want_labels and labels != want_labels:
        problems.append(f"labels {labels}, expected {want_labels}")
    ons, froms, links, dests = [], [], [], set()
    for page in pages:
        label = page.get("label")
        boxes = page["boxes"]
        folios = [b["text"] for b in boxes if b["kind"] == "text" and b.get("style") == "folio"]
        if label not in folios:
            problems.append(f"page {label}: no folio with its label (folio lines: {folios})")
        regions = [b for b in boxes if b["kind"] == "region"]
        for i, a in enumerate(regions):
            for b in regions[i + 1:]:
                if overlap(a, b):
                    problems.append(f"page {label}: slots {a['name']} and {b['name']} overlap")
        for b in boxes:
            if b["kind"] == "link":
                links.append((label, b["name"]))
            if b["kind"] == "dest":
                dests.add(b["name"])
            if b["kind"] != "text" or b["story"] < 0:
                continue
            own = [r for r in regions if r["story"] == b["story"] or r["name"] == "flow"]
            if not any(inside(b, r) for r in own):
                problems.append(f"page {label}: story {b['story']} line {b['text'][:40]!r} at "
                                f"x {b['x']} baseline {b['baseline']} lies outside its slots "
                                f"{[(r['name'], r['x'], r['y'], r['width'], r['height']) for r in own]}")
            m = CONTINUED_ON.match(b["text"])
            if m:
                ons.append((label, b["story"], m.group(1)))
            m = CONTINUED_FROM.match(b["text"])
            if m:
                froms.append((label, b["story"], m.group(1)))
    for page, story, target in ons:
        if target not in labels:
            problems.append(f"page {page}: jump to page {target}, which does not exist")
        elif (target, story, page) not in froms:
            problems.append(f"page {page}: story {story} jumps to {target}, but {target} has no "
                            f"'Continued from' {page} for it")
    for page, story, origin in froms:
        if (origin, story, page) not in ons:
            problems.append(f"page {page}: story {story} 'continued from' {origin}, which has no jump to {page}")
    if len(links) != 2 * len(ons):
        problems.append(f"{len(links)} links for {len(ons)} jumps (expected two per jump)")
    for page, name in links:
        if name not in dests:
            problems.append(f"page {page}: link to {name}, a destination that does not exist")
    for p in problems:
        print(p)
    print(f"jumps {len(ons)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
