#!/usr/bin/env python3
"""hintless.py IN.pdf OUT.pdf: IN.pdf without the glyphs of its extractor
hints (src/extracthint.h), everything else as it was, to render both and
compare: the hints must change no pixel.

A hint is the text of an /ActualText of two spaces; the text-showing
operators inside it go, the font and position operators stay (the text
after them relies on them). Works on qpdf's QDF form, whose content streams
are uncompressed; fix-qdf mends the stream lengths. Prints the number of
hints emptied."""
import re
import subprocess
import sys
import tempfile

HINT = re.compile(rb'/Span << /ActualText <feff00200020> >> BDC\n(.*?)\nEMC', re.S)
SHOW = re.compile(rb'(\((?:\\.|[^\\)])*\)|<[0-9a-fA-F]*>)\s*Tj|\[(?:\\.|[^\\\]])*\]\s*TJ')


def main():
    source, target = sys.argv[1], sys.argv[2]
    with tempfile.NamedTemporaryFile(suffix='.pdf') as qdf:
        subprocess.run(['qpdf', '--qdf', '--object-streams=disable', source, qdf.name], check=True)
        data = open(qdf.name, 'rb').read()
    count = 0

    def empty(match):
        nonlocal count
        count += 1
        return match.group(0).replace(match.group(1), SHOW.sub(b'', match.group(1)))

    data = HINT.sub(empty, data)
    fixed = subprocess.run(['fix-qdf'], input=data, capture_output=True, check=True).stdout
    open(target, 'wb').write(fixed)
    print(count)
    return 0


sys.exit(main())
