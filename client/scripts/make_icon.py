"""Draws the extension's icon (client/images/icon.png, 256x256) with the standard library only:
a stack of three tensor slices, the front one with a red shape squiggle under it.
Run: python client/scripts/make_icon.py"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

SIZE = 256
SCALE = 4  # supersampling for smooth edges
BACKGROUND = (30, 42, 56)
SLICES = [(72, 112, 150), (96, 150, 200), (140, 200, 245)]
SQUIGGLE = (235, 72, 72)


def rounded(x: float, y: float, x0: float, y0: float, x1: float, y1: float, r: float) -> bool:
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1


def colour(x: float, y: float) -> tuple[int, int, int, int]:
    if not rounded(x, y, 8, 8, 248, 248, 44):
        return (0, 0, 0, 0)
    pixel = (*BACKGROUND, 255)
    for i, rgb in enumerate(SLICES):  # back to front
        off = 24 * (2 - i)
        x0, y0 = 56 + off, 36 + (24 * i)
        if rounded(x, y, x0, y0, x0 + 120, y0 + 120, 10):
            pixel = (*rgb, 255)
            grid = 40
            if i == 2 and ((x - x0) % grid < 3 or (y - y0) % grid < 3):
                pixel = (*SLICES[1], 255)
    wave = 214 + 9 * math.sin((x - 40) / 12 * math.pi)
    if 40 <= x <= 216 and abs(y - wave) < 7:
        pixel = (*SQUIGGLE, 255)
    return pixel


def png(width: int, height: int, rows: list[bytes]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main() -> None:
    rows = []
    for py in range(SIZE):
        row = bytearray()
        for px in range(SIZE):
            samples = [
                colour(px + (sx + 0.5) / SCALE, py + (sy + 0.5) / SCALE)
                for sx in range(SCALE)
                for sy in range(SCALE)
            ]
            alpha = sum(s[3] for s in samples)
            for c in range(3):
                row.append(round(sum(s[c] * s[3] for s in samples) / alpha) if alpha else 0)
            row.append(round(alpha / len(samples)))
        rows.append(bytes(row))
    out = Path(__file__).resolve().parents[1] / "images" / "icon.png"
    out.write_bytes(png(SIZE, SIZE, rows))
    print(out)


if __name__ == "__main__":
    main()
