#!/usr/bin/env python3
"""reading_order.py PDF BOXES.json [--raw]: does pdftotext return each story
whole, column after column?

For every page, the lines galley placed for each story (from --dump-boxes,
in the order placed: column by column) must come out of pdftotext one after
another, with nothing between them but text that belongs to no column:
the folio, and photo captions and credits. Letters and digits are compared,
so hyphenation and line ends do not matter. Stories in right-to-left
scripts are left out: pdftotext has its own idea of their order. Prints "SEGMENTS BROKEN" and
the first broken (page, story) pairs (--all: every one); --raw reads pdftotext -raw (the
content stream's order) instead of its default reading order;
--pages-without-photos leaves out pages with a photo, whose columns beside
and below it pdftotext's own reading order often takes out of turn."""
import json, re, subprocess, sys, unicodedata

RTL = re.compile('[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]')

def norm(text):
    """Letters and digits; NFKC, so that a ligature a PDF/X file extracts as
    one character (Ghostscript drops /ActualText) reads as its letters."""
    return re.sub(r'[\W_]+', '', unicodedata.normalize('NFKC', text).lower())

def only_furniture(gap, furniture):
    for piece in sorted(furniture, key=len, reverse=True):
        if piece:
            gap = gap.replace(piece, '')
    return gap == ''

def follows(pieces, text, pos, furniture):
    """Each piece comes next in text from pos, after furniture at most."""
    for piece in pieces:
        found = text.find(piece, pos)
        while found >= 0 and not only_furniture(text[pos:found], furniture):
            found = text.find(piece, found + 1)
        if found < 0:
            return False
        pos = found + len(piece)
    return True

def whole(lines, text, furniture):
    pieces = [p for p in map(norm, lines) if p]
    if not pieces:
        return True
    start = text.find(pieces[0])
    while start >= 0:
        if follows(pieces[1:], text, start + len(pieces[0]), furniture):
            return True
        start = text.find(pieces[0], start + 1)
    return False

def in_line_order(boxes):
    """Boxes on one baseline in a row (a list marker is placed after its
    item's text) are read left to right."""
    out = []
    for box in boxes:
        k = len(out)
        while k > 0 and out[k - 1]['baseline'] == box['baseline'] and out[k - 1]['x'] > box['x'] \
                and out[k - 1]['x'] - box['x'] < 30:
            k -= 1
        out.insert(k, box)
    return out

def main():
    pdf, dump = sys.argv[1], sys.argv[2]
    raw = ['-raw'] if '--raw' in sys.argv[3:] else []
    skip_photo_pages = '--pages-without-photos' in sys.argv[3:]
    pages = json.load(open(dump))['pages']
    segments, broken = 0, []
    for page in pages:
        if skip_photo_pages and any(b['kind'] in ('image', 'placeholder') for b in page['boxes']):
            continue
        n = str(page['page'])
        text = norm(subprocess.run(['pdftotext'] + raw + ['-f', n, '-l', n, pdf, '-'],
                                   capture_output=True, text=True, check=True).stdout)
        stories, furniture = {}, set()
        for box in page['boxes']:
            if box['kind'] != 'text':
                continue
            if box['story'] < 0 or box['style'] in ('caption', 'credit'):
                furniture.add(norm(box['text']))
            else:
                stories.setdefault(box['story'], []).append(box)
        for story, boxes in stories.items():
            if RTL.search(''.join(b['text'] for b in boxes)):
                continue   # pdftotext gives right-to-left lines in its own order
            lines = [b['text'] for b in (boxes if raw else in_line_order(boxes))]
            segments += 1
            if not whole(lines, text, furniture):
                broken.append((int(n), story))
    shown = broken if '--all' in sys.argv[3:] else broken[:12]
    print(segments, len(broken), ' '.join('%d:%d' % b for b in shown))
    return 0

sys.exit(main())
