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
MAX_VALUES_BYTES = 256 * 1024  # each column's distinct values are counted only in files up to this
# What pandas reads as missing by default (read_csv's na_values): such a column's count is unknown.
PANDAS_NA = frozenset(
    [
        "#N/A",
        "#N/A N/A",
        "#NA",
        "-1.#IND",
        "-1.#QNAN",
        "-NaN",
        "-nan",
        "1.#IND",
        "1.#QNAN",
        "<NA>",
        "N/A",
        "NA",
        "NULL",
        "NaN",
        "None",
        "n/a",
        "nan",
        "null",
    ]
) | {""}


BOOLS = frozenset({"True", "False", "TRUE", "FALSE", "true", "false"})


@dataclass(frozen=True)
class Levels:
    """One column's values as pandas would read them: `text` (object dtype, what get_dummies
    expands by default), `int` (canonical integers) or `float`, and how many distinct ones
    there are (None for floats: 1.0 and 1 are one number)."""

    kind: str
    count: int | None


@dataclass(frozen=True)
class Table:
    columns: tuple[str | int, ...]
    rows: int | None  # None: not counted
    levels: tuple[Levels | None, ...] = ()  # per column, in a small complete file; () unknown


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
    if not countable:
        return Table(columns, None)
    rows = lines[1:] if header else lines
    levels = _levels(rows, sep, len(first)) if len(text) <= MAX_VALUES_BYTES else ()
    return Table(columns, body, levels)


def _levels(rows: list[str], sep: str, width: int) -> tuple[Levels | None, ...]:
    """Each column's distinct values; () when a row does not have the header's width."""
    values: list[set[str]] = [set() for _ in range(width)]
    try:
        for row in csv.reader(rows, delimiter=sep):
            if len(row) != width:
                return ()
            for seen, field in zip(values, row, strict=True):
                seen.add(field)
    except csv.Error:  # a field over csv's size limit: say nothing
        return ()
    return tuple(_column_levels(seen) for seen in values)


def _column_levels(values: set[str]) -> Levels | None:
    """None where pandas may read the values otherwise than as written: a missing value, a
    bool or a date column, numbers mixed with text."""
    if not values or values & PANDAS_NA:
        return None
    if all(_canonical_int(v) for v in values):
        return Levels("int", len(values))
    if all(_number(v) for v in values):
        return Levels("float", None)
    if any(_number(v) or v[:1].isdigit() for v in values) or values & BOOLS:
        return None  # a date, a number with units, a bool: pandas may parse some of them
    return Levels("text", len(values))


def _canonical_int(value: str) -> bool:
    digits = value[1:] if value[:1] == "-" else value
    return digits.isascii() and digits.isdigit() and (digits == "0" or digits[0] != "0")


def _number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


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
