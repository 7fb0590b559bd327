"""Helpers for `<name>.files.py` scripts: they make the files a corpus program reads.

Only the standard library and numpy, so the fast tier (no TensorFlow, no pandas, no Pillow)
can lay out the same workspace ShapeSense is given. Sizes are small: the programs must stay
fast under real Keras.
"""

from __future__ import annotations

import csv
import struct
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np


def write_png(path: str | Path, height: int, width: int, channels: int = 3, seed: int = 0) -> None:
    """A valid PNG of random pixels (8-bit; 1 channel: grayscale, 3: RGB, 4: RGBA)."""
    color_type = {1: 0, 3: 2, 4: 6}[channels]
    pixels = np.random.default_rng(seed).integers(0, 256, (height, width, channels), np.uint8)
    raw = b"".join(b"\x00" + pixels[row].tobytes() for row in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
    png += chunk(b"IEND", b"")
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(png)


def image_folder(
    root: str | Path,
    classes: Sequence[str],
    per_class: int,
    size: tuple[int, int] = (32, 32),
    channels: int = 3,
) -> None:
    """root/<class>/<class>_<i>.png, the layout flow_from_directory and
    image_dataset_from_directory read."""
    for c, name in enumerate(classes):
        for i in range(per_class):
            write_png(Path(root) / name / f"{name}_{i}.png", *size, channels, seed=c * 1000 + i)


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def random_table(
    rows: int, numeric: Sequence[str], seed: int = 0, **categorical: Sequence[str]
) -> tuple[list[str], list[list[object]]]:
    """A header and rows: numeric columns of floats, then each categorical column cycling
    through its values (so every value occurs)."""
    rng = np.random.default_rng(seed)
    header = list(numeric) + list(categorical)
    body: list[list[object]] = []
    for r in range(rows):
        row: list[object] = [round(float(v), 4) for v in rng.random(len(numeric))]
        row += [values[r % len(values)] for values in categorical.values()]
        body.append(row)
    return header, body


def churn_modelling_csv(path: str | Path = "Churn_Modelling.csv", rows: int = 200) -> None:
    """The bank-churn table of the Keras ANN tutorials (Churn_Modelling.csv): 14 columns, two of
    them text (Geography: 3 values, Gender: 2), every value occurring."""
    rng = np.random.default_rng(1)
    header = ["RowNumber", "CustomerId", "Surname", "CreditScore", "Geography", "Gender", "Age",
              "Tenure", "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember",
              "EstimatedSalary", "Exited"]  # fmt: skip
    body = []
    for i in range(rows):
        body.append([i + 1, 15600000 + i, f"Name{i}", int(rng.integers(350, 850)),
                     ["France", "Spain", "Germany"][i % 3], ["Male", "Female"][i % 2],
                     int(rng.integers(18, 90)), int(rng.integers(0, 10)),
                     round(float(rng.random() * 1e5), 2), int(rng.integers(1, 4)), i % 2,
                     (i // 2) % 2, round(float(rng.random() * 1e5), 2), int(rng.integers(0, 2))])  # fmt: skip
    write_csv(path, header, body)
