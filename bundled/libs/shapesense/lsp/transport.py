"""stdin for the message loop, with bounds: a hostile or broken client cannot make the server
hold an arbitrarily large message in memory."""

from __future__ import annotations

from typing import BinaryIO

MAX_MESSAGE_BYTES = 32 * 1024 * 1024
MAX_HEADER_LINE = 64 * 1024
CHUNK = 1024 * 1024


class BoundedStdin:
    """Reads as pygls's StdinAsyncReader expects (readline, read) but skips oversized bodies."""

    def __init__(self, raw: BinaryIO, limit: int = MAX_MESSAGE_BYTES) -> None:
        self.raw = raw
        self.limit = limit

    def readline(self) -> bytes:
        return self.raw.readline(MAX_HEADER_LINE)

    def read(self, n: int) -> bytes:
        if n <= self.limit:
            return self.raw.read(n)
        remaining = n
        while remaining > 0:  # drain without keeping it, so the next message's framing survives
            chunk = self.raw.read(min(remaining, CHUNK))
            if not chunk:
                return b""
            remaining -= len(chunk)
        return b"null"  # not a message: pygls logs it and reads on
