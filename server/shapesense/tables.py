"""What workspace data files say, read as data: the frame `pandas.read_csv` makes of a CSV, and
the number of class folders of an image folder.

Only the header line and the first data line are parsed (with the standard `csv` module); the
rows are counted only in a small file without quotes (a quoted field may hold a line break) and
otherwise stay unknown. Nothing in the file is ever evaluated. Column names follow pandas: an
empty name is `Unnamed: i`, a repeated one `name.1`.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass

from .files import read_prefix
from .lines import split_lines

MAX_HEADER_BYTES = 64 * 1024  # the header and first data line must fit in this
MAX_COUNTED_BYTES = 2_000_000  # rows are counted only in files up to this size


@dataclass(frozen=True)
class Table:
    columns: tuple[str | int, ...]
    rows: int | None  # None: not counted


def read_table(path: str, sep: str = ",", header: bool = True) -> Table | None:
    """The columns (and, cheaply, the row count) of a CSV file; None when unsure."""
    data = read_prefix(path, MAX_COUNTED_BYTES)
    if data is None:
        return None
    complete = len(data) <= MAX_COUNTED_BYTES
    try:
        text = data[: MAX_COUNTED_BYTES if complete else MAX_HEADER_BYTES].decode("utf-8-sig")
    except UnicodeDecodeError:
        if complete:
            return None
        text = data[:MAX_HEADER_BYTES].decode("utf-8-sig", errors="replace")
    lines = [line for line in split_lines(text) if line]  # pandas skips empty lines
    blank = [line for line in lines if not line.strip()]  # spaces only: not counted
    lines = [line for line in lines if line.strip()]
    if not lines or (not complete and len(lines) < 3):
        return None  # the first lines do not fit in the part read
    first = _fields(lines[0], sep)
    second = _fields(lines[1], sep) if len(lines) > 1 else first
    if first is None or second is None or len(second) != len(first):
        return None  # pandas would take a column as the index, or fill, or raise: not modelled
    if header:
        columns: tuple[str | int, ...] = _pandas_names(first)
        body = len(lines) - 1
    else:
        columns = tuple(range(len(first)))
        body = len(lines)
    countable = complete and not blank and '"' not in text and "\r" not in text.replace("\r\n", "")
    return Table(columns, body if countable else None)


def _fields(line: str, sep: str) -> list[str] | None:
    try:
        return next(csv.reader([line], delimiter=sep))
    except (csv.Error, StopIteration):
        return None


def _pandas_names(fields: list[str]) -> tuple[str, ...]:
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, field in enumerate(fields):
        name = field if field else f"Unnamed: {i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        names.append(name)
    return tuple(names)


MAX_FOLDER_ENTRIES = 10_000  # a class folder with more entries than this is not counted


def class_folders(path: str) -> int | None:
    """How many class subfolders an image folder has, as Keras's directory readers count them
    (every subfolder); None when unsure (a hidden one, none at all, too many entries)."""
    count = 0
    try:
        with os.scandir(path) as entries:
            for index, entry in enumerate(entries):
                if index >= MAX_FOLDER_ENTRIES:
                    return None
                if entry.is_dir(follow_symlinks=True):
                    if entry.name.startswith("."):
                        return None  # Keras versions differ on hidden folders
                    count += 1
    except OSError:
        return None
    return count or None
