#!/usr/bin/env python3
"""The table of `make bench` (tests/bench/speed.sh) and the Speed issue's floors.

    speed_table.py OUT_DIR TABLE.md SIZE...

Reads OUT_DIR/SIZE-floor.txt and SIZE-pdflatex.txt (bench.py's output: A is
galley, B the peer), OUT_DIR/work/SIZE/words.txt (convert.py's word count)
and OUT_DIR/work/SIZE/threads.txt (whether -j 1 and -j 2 gave the same PDF).
Prints the table and writes it to TABLE.md. Exit status 1 when a floor fails
or cannot be measured.
"""
import os
import re
import sys


def read_bench(path):
    """bench.py rows -> {'A wall s': (min, median, max), ...}; None when absent."""
    if not os.path.exists(path):
        return None
    rows = {}
    for line in open(path, encoding='utf-8'):
        m = re.match(r'^(A/B \w+|[AB] \w+ (?:s|MiB))\s+([\d.naninf]+)\s+([\d.naninf]+)\s+([\d.naninf]+)\s*$', line)
        if m:
            rows[m.group(1)] = tuple(float(x) for x in m.group(2, 3, 4))
    return rows


def runs_of(path):
    """bench.py's 'runs counted: A 5, B 5; warm-up 1 each' -> (5, 1)."""
    if os.path.exists(path):
        m = re.search(r'runs counted: A (\d+), B \d+; warm-up (\d+)', open(path, encoding='utf-8').read())
        if m:
            return int(m.group(1)), int(m.group(2))
    return None, None


def words_of(path):
    m = re.search(r'(\d+) words', open(path, encoding='utf-8').read())
    return int(m.group(1)) if m else None


def median(rows, key):
    return rows[key][1] if rows and key in rows else None


def fmt(value, spec):
    return '—' if value is None else spec % value


def main(argv):
    out, table_path, sizes = argv[1], argv[2], argv[3:]
    data = {}
    for size in sizes:
        work = os.path.join(out, 'work', size)
        data[size] = {
            'words': words_of(os.path.join(work, 'words.txt')),
            'threads': open(os.path.join(work, 'threads.txt')).read().strip(),
            'floor': read_bench(os.path.join(out, size + '-floor.txt')),
            'pdflatex': read_bench(os.path.join(out, size + '-pdflatex.txt')),
        }
    runs, warmup = runs_of(os.path.join(out, sizes[0] + '-floor.txt'))
    machine_path = os.path.join(out, 'machine.txt')
    machine = open(machine_path).read().strip().replace('\n', '; ') if os.path.exists(machine_path) else ''

    lines = ['# galley speed and memory (make bench)', '',
             'Medians of %s runs after %s warm-up; ratios are the median of pair-by-pair ratios '
             '(galley run, then the peer). galley: layouts/bench-tabloid.yaml, every quality '
             'feature on, threads: one per core. Machine: %s.' % (runs, warmup, machine), '',
             '| size | words | galley wall s | galley CPU s | CPU/wall | galley peak MiB | ms per 1000 words '
             '| floor wall s | galley/floor wall | pdflatex wall s | galley/pdflatex wall | -j1 = -j2 |',
             '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|']
    per_kword, peaks = {}, {}
    for size in sizes:
        d = data[size]
        f, p = d['floor'], d['pdflatex']
        wall, cpu = median(f, 'A wall s'), median(f, 'A cpu s')
        peak = median(f, 'A peak MiB')
        peaks[size] = peak
        per_kword[size] = wall / d['words'] * 1000 if wall and d['words'] else None
        lines.append('| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (
            size, fmt(d['words'], '%d'), fmt(wall, '%.3f'), fmt(cpu, '%.3f'),
            fmt(cpu / wall if cpu and wall else None, '%.2f'), fmt(peak, '%.1f'),
            fmt(per_kword[size] * 1000 if per_kword[size] else None, '%.2f'),
            fmt(median(f, 'B wall s'), '%.3f'), fmt(median(f, 'A/B wall'), '%.3f'),
            fmt(median(p, 'B wall s'), '%.3f'), fmt(median(p, 'A/B wall'), '%.3f'), d['threads']))
    floors = []

    def floor(name, value, ok, shown):
        floors.append((name, shown % value if value is not None else 'not measured',
                       'pass' if value is not None and ok(value) else 'FAIL'))

    if 'L' in data:
        floor('L: galley wall / floor wall ≤ 1.0', median(data['L']['floor'], 'A/B wall'),
              lambda v: v <= 1.0, '%.3f')
        floor('L: galley wall / pdflatex wall < 0.7', median(data['L']['pdflatex'], 'A/B wall'),
              lambda v: v < 0.7, '%.3f')
        floor('L: peak memory ≤ 64 MiB', peaks.get('L'), lambda v: v <= 64, '%.1f MiB')
    if 'S' in data:
        floor('S: galley wall / floor wall < 2 (start-up included)', median(data['S']['floor'], 'A/B wall'),
              lambda v: v < 2.0, '%.3f')
    if 'M' in data and 'L' in data:
        m, l = per_kword.get('M'), per_kword.get('L')
        drift = abs(l - m) / m if m and l else None
        floor('time per 1000 words, M to L, within 15 %', drift * 100 if drift is not None else None,
              lambda v: v <= 15, '%.1f %%')
        wm, wl = data['M']['words'], data['L']['words']
        marginal = ((peaks['L'] - peaks['M']) / (wl - wm) * 1000
                    if peaks.get('L') and peaks.get('M') and wl and wm and wl > wm else None)
        floor('marginal memory (peak L − peak M) per 1000 words ≤ 0.2 MiB', marginal,
              lambda v: v <= 0.2, '%.3f MiB')
    same = all(data[s]['threads'] == 'same' for s in sizes)
    floors.append(('-j 1 and -j 2 give byte-identical PDFs', 'every size' if same else 'differ',
                   'pass' if same else 'FAIL'))
    lines += ['', '| floor | measured | |', '|---|---:|---|']
    lines += ['| %s | %s | %s |' % f for f in floors]
    failed = sum(1 for f in floors if f[2] != 'pass')
    lines += ['', '%d floors passed, %d failed' % (len(floors) - failed, failed)]
    text = '\n'.join(lines) + '\n'
    sys.stdout.write(text)
    os.makedirs(os.path.dirname(table_path) or '.', exist_ok=True)
    with open(table_path, 'w', encoding='utf-8') as f:
        f.write(text)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
