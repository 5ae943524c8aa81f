#!/usr/bin/env python3
"""Write the bench's article copies: the peers' S/M/L lists, fed to galley
as the peers are fed (RESULTS.md, "The job"): without the deck, image,
caption and credit keys, which that job does not print.

    prepare.py LIST OUT_DIR

Copies are numbered (0001-name.md) because size L repeats articles and
galley sets its inputs in the order given.
"""
import os
import sys

DROP = ('deck:', 'image:', 'caption:', 'credit:')


def strip_front_matter(text):
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != '---':
        return text
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() == '---'), None)
    if close is None:
        return text
    kept, skipping = [], False
    for line in lines[1:close]:
        if line[:1] not in (' ', '\t', '-'):
            skipping = line.startswith(DROP)
        if not skipping:
            kept.append(line)
    return ''.join([lines[0]] + kept + lines[close:])


def main(argv):
    lst, out = argv[1], argv[2]
    os.makedirs(out, exist_ok=True)
    paths = [p.strip() for p in open(lst, encoding='utf-8') if p.strip()]
    for i, p in enumerate(paths, 1):
        with open(p, encoding='utf-8') as f:
            text = f.read()
        name = '%04d-%s' % (i, os.path.basename(p))
        with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
            f.write(strip_front_matter(text))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
