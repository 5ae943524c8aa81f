#!/usr/bin/env python3
"""colour_check.py DUMP.json PREVIEW.png PDF-RENDER.png DPI — the first
photo (artwork box) looks the same in galley's own preview (pixels decoded
by gdk-pixbuf) and in the PDF as poppler renders it: mean colour of the
photo's middle within 12 of 255 per channel. A CMYK JPEG embedded without
the inversion Adobe's CMYK needs shows as a negative and fails."""
import json
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    pos, chunks = 8, {}
    idat = b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            chunks["size"] = (width, height, depth, colour)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = chunks["size"]
    channels = {2: 3, 6: 4, 0: 1, 4: 2}[colour]
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = prev[i]
            up_left = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[i] = (line[i] + pred) & 255
        rows.append(line)
        prev = line
    return width, channels, rows


def mean(path, box, scale):
    width, channels, rows = read_png(path)
    x0, y0 = int((box["x"] + box["width"] * 0.25) * scale), int((box["y"] + box["height"] * 0.25) * scale)
    x1, y1 = int((box["x"] + box["width"] * 0.75) * scale), int((box["y"] + box["height"] * 0.75) * scale)
    sums, n = [0, 0, 0], 0
    for y in range(y0, y1):
        for x in range(x0, x1):
            for c in range(3):
                sums[c] += rows[y][x * channels + c]
            n += 1
    return [s / n for s in sums]


def main():
    dump = json.load(open(sys.argv[1]))
    scale = float(sys.argv[4]) / 72.0
    box = next(b for b in dump["pages"][0]["boxes"] if b["kind"] == "artwork")
    a, b = mean(sys.argv[2], box, scale), mean(sys.argv[3], box, scale)
    diff = max(abs(x - y) for x, y in zip(a, b))
    print(f"preview {[round(v) for v in a]} pdf {[round(v) for v in b]} difference {diff:.1f}")
    return 0 if diff <= 12 else 1


if __name__ == "__main__":
    sys.exit(main())
