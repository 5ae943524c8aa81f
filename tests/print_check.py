#!/usr/bin/env python3
"""print_check.py — measurements for tests/print.sh, from files alone.

  boxes PDF            every page's MediaBox, BleedBox, TrimBox (pdfinfo -box),
                       printed as one line per page: "media bleed trim" in pt
  separations DIR JSON OFFSET DPI
                       DIR holds gs -sDEVICE=tiffsep -sCompression=none pages
                       p1.tif, p1(Cyan).tif...; JSON is galley's --dump-boxes;
                       OFFSET the trim's offset on the sheet (pt). Prints per
                       page the inked pixels of C, M and Y outside the photos
                       (must be 0: text and rules are K only), of K, and of
                       C, M and Y inside the photos
  hints PDF OTHER      the reading-order hints of src/extracthint.h, as
                       pdftotext -bbox reads them: words of white space
                       alone. Prints how many PDF has, how many OTHER has,
                       and how many of PDF's lie where one of OTHER's does
                       (same page, within 2 pt)
  ring PGM OFFSET BLEED DPI
                       a gray picture of a --print page (pdftoppm -gray):
                       prints the dark pixels between trim and bleed edge
                       (crop marks must stay out) and beyond the bleed (marks)
"""
import json, re, struct, subprocess, sys

def boxes(pdf):
    out = subprocess.run(['pdfinfo', '-box', '-f', '1', '-l', '100000', pdf],
                         capture_output=True, text=True, check=True).stdout
    pages = {}
    for m in re.finditer(r'Page\s+(\d+) (MediaBox|BleedBox|TrimBox):\s+([\d.\s-]+)\n', out):
        pages.setdefault(int(m.group(1)), {})[m.group(2)] = m.group(3).split()
    for n in sorted(pages):
        p = pages[n]
        print(' '.join(','.join(p[k]) for k in ('MediaBox', 'BleedBox', 'TrimBox')))

def read_tiff(path):
    data = open(path, 'rb').read()
    e = '<' if data[:2] == b'II' else '>'
    (ifd,) = struct.unpack(e + 'I', data[4:8])
    (n,) = struct.unpack(e + 'H', data[ifd:ifd + 2])
    tags = {}
    for i in range(n):
        entry = data[ifd + 2 + 12 * i: ifd + 14 + 12 * i]
        tag, typ, count = struct.unpack(e + 'HHI', entry[:8])
        size = 2 if typ == 3 else 4
        fmt = e + ('H' if typ == 3 else 'I') * count
        raw = entry[8:8 + size * count] if size * count <= 4 else \
            data[struct.unpack(e + 'I', entry[8:12])[0]:][:size * count]
        tags[tag] = list(struct.unpack(fmt, raw))
    if tags.get(259, [1])[0] != 1:
        sys.exit('print_check: %s is compressed; render with -sCompression=none' % path)
    pixels = b''.join(data[o:o + c] for o, c in zip(tags[273], tags[279]))
    return tags[256][0], tags[257][0], pixels

def separations(folder, dump, offset, dpi):
    scale = dpi / 72.0
    pages = json.load(open(dump))['pages']
    for page in pages:
        n = page['page']
        photos = [(b['x'], b['y'], b['width'], b['height']) for b in page['boxes']
                  if b['kind'] in ('image', 'placeholder')]
        counts, in_photos = [], 0
        for plate in ('Cyan', 'Magenta', 'Yellow', 'Black'):
            w, h, pix = read_tiff('%s/p%d(%s).tif' % (folder, n, plate))
            inked = 0
            for i, value in enumerate(pix):
                if value == 255:    # tiffsep: 255 is no ink
                    continue
                x, y = (i % w) / scale - offset, (i // w) / scale - offset
                if plate != 'Black' and any(px - 2 <= x <= px + pw + 2 and py - 2 <= y <= py + ph + 2
                                            for px, py, pw, ph in photos):
                    in_photos += 1
                    continue
                inked += 1
            counts.append(inked)
        print(n, *counts, in_photos)

def read_pgm(path):
    data = open(path, 'rb').read()
    fields = data.split(None, 4)
    assert fields[0] == b'P5', path
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[len(data) - w * h:]

def ring(pgm, offset, bleed, dpi):
    w, h, pix = read_pgm(pgm)
    scale = dpi / 72.0
    inner, outer = offset * scale, (offset - bleed) * scale
    in_bleed = beyond = 0
    for i, value in enumerate(pix):
        if value > 128:
            continue
        x, y = i % w, i // w
        d = min(x, y, w - 1 - x, h - 1 - y)    # distance from the sheet's edge
        if d < outer - 1:
            beyond += 1
        elif d < inner - 1:
            in_bleed += 1
    print(in_bleed, beyond)

def white_words(pdf):
    out = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True, text=True,
                         check=True).stdout
    words, page = [], 0
    for line in out.splitlines():
        page += '<page ' in line
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m and m.group(5).strip() == '':
            words.append((page,) + tuple(float(v) for v in m.groups()[:4]))
    return words

def hints(pdf, other):
    mine, theirs = white_words(pdf), white_words(other)
    near = lambda a, b: a[0] == b[0] and all(abs(u - v) <= 2 for u, v in zip(a[1:], b[1:]))
    print(len(mine), len(theirs), sum(any(near(a, b) for b in theirs) for a in mine))

command = sys.argv[1]
if command == 'boxes':
    boxes(sys.argv[2])
elif command == 'separations':
    separations(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]))
elif command == 'hints':
    hints(sys.argv[2], sys.argv[3])
elif command == 'ring':
    ring(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]))
else:
    sys.exit('print_check: unknown command ' + command)
