"""Reading a file to check without trusting what its path points to, and decoding it as Python does.

Only regular files are read (a FIFO would block, a device never ends), through one descriptor
opened without blocking, and at most MAX_FILE_BYTES of them. The bytes are decoded as the Python
interpreter decodes a source file (PEP 263: a BOM or a `coding:` line, else UTF-8). Every way
this can fail is a finding on that file, never an exception: the run goes on.
"""

from __future__ import annotations

import codecs
import io
import os
import stat
import tokenize
from dataclasses import dataclass

from .findings import Finding, Severity, Span

MAX_FILE_BYTES = 10_000_000  # a source file or notebook beyond this is not checked (and says so)

_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
}


@dataclass(frozen=True)
class Source:
    """A file's text, or the one finding that says why it is not checked."""

    text: str | None
    problem: Finding | None = None


def _not_checked(code: str, message: str, severity: Severity = "error") -> Source:
    return Source(None, Finding(Span(0, 0, 0, 0), severity, code, message))


def read_source(path: str) -> Source:
    try:
        data = _read_regular(path)
    except OSError as exc:
        return _not_checked("SS002", f"Cannot read file: {exc.strerror or exc}")
    if isinstance(data, str):  # not a regular file: a note, not an error in the user's code
        return _not_checked("SS002", f"Not a regular file ({data}): not checked", "warning")
    if len(data) > MAX_FILE_BYTES:
        return _not_checked(
            "SS002", f"File is larger than {MAX_FILE_BYTES // 1_000_000} MB: not checked"
        )
    return decode(data)


def read_prefix(path: str, limit: int) -> bytes | None:
    """At most `limit` + 1 bytes from the start of a regular file (data files such as CSVs:
    the one extra byte tells the caller the file goes on); None if it cannot be read."""
    try:
        data = _read_regular(path, limit)
    except OSError:
        return None
    return data if isinstance(data, bytes) else None


def _read_regular(path: str, limit: int = MAX_FILE_BYTES) -> bytes | str:
    """The file's bytes (at most one byte over the cap), or what it is if not a regular file.
    Opened without blocking (a FIFO would wait for a writer) and checked on the open
    descriptor, so the file cannot be swapped between the check and the read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            return _KINDS.get(stat.S_IFMT(mode), "not a file")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def decode(data: bytes) -> Source:
    """Source bytes to text as Python reads a file (PEP 263). A UTF-8 BOM is kept: the core
    knows it is not part of the program."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        if not str(exc.msg).startswith("invalid or missing encoding declaration"):
            return _not_checked("SS003", f"{exc.msg}: not checked")  # e.g. an unknown codec
        encoding = "utf-8"  # undeclared and not UTF-8: the decode below says where
    name = "UTF-8" if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig") else encoding
    try:
        text = data.decode("utf-8" if encoding == "utf-8-sig" else encoding)
    except UnicodeDecodeError as exc:
        return _not_checked("SS003", f"File is not valid {name} (byte {exc.start}): not checked")
    return Source(text)
