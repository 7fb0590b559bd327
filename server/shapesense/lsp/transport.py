"""Reading LSP frames, with recovery: a broken frame costs that frame, never the session.

pygls's own loop (`pygls.io_.run_async`) matches `Content-Length: N\\r\\n` exactly and reads
header lines with `readline`. One stray byte, a lowercase header name, LF-only line ends or
a Content-Length that is off by one makes it read a body as a header line, swallowing the
next frame's header with it, and from then on every frame: the process lives but never
answers again. This reader instead:
- finds the next `Content-Length` header anywhere in the stream (names are case-insensitive,
  as in HTTP; `\\n` is accepted for `\\r\\n`) and logs what it skipped to reach it;
- takes as the body the first complete JSON object, if that ends before the declared length
  (a length too large would otherwise swallow the next frame), and answers a body that is not
  JSON with a ParseError (a length too small; the rest is skipped up to the next header);
- drains a body over MAX_MESSAGE_BYTES without holding it;
- answers a body nested deeper than the JSON parser allows with an error for its id.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable

from pygls.exceptions import JsonRpcException, JsonRpcInvalidRequest, JsonRpcParseError
from pygls.protocol import JsonRPCProtocol

MAX_MESSAGE_BYTES = 32 * 1024 * 1024
MAX_HEADER_BYTES = 64 * 1024
CHUNK = 1024 * 1024

_NAME = re.compile(rb"content-length", re.IGNORECASE)
_LENGTH_LINE = re.compile(rb"content-length[ \t]*:[ \t]*(\d{1,12})[ \t]*\r?\n", re.IGNORECASE)
_HEADER_LINE = re.compile(rb"[!-9;-~]+[ \t]*:[^\r\n]*\r?\n")
_BLANK_LINE = re.compile(rb"\r?\n")
_HEADERS_ONLY = re.compile(rb"(?:[!-9;-~]+[ \t]*:[^\r\n]*\r?\n)*")

logger = logging.getLogger("shapesense.transport")

Read = Callable[[], Awaitable[bytes]]  # the next bytes available (b"" at the end)


class FrameReader:
    def __init__(self, protocol: JsonRPCProtocol, log: Callable[[str], None]) -> None:
        self.protocol = protocol
        self.log = log
        self.buffer = bytearray()
        self.decoder = json.JSONDecoder(object_hook=protocol.structure_message)

    async def run(self, read: Read, stopped: Callable[[], bool]) -> None:
        while not stopped():
            header = self._header()
            if header is None:
                if not await self._more(read):
                    return
                continue
            start, length = header
            if length > MAX_MESSAGE_BYTES:
                del self.buffer[:start]
                self.log(f"shapesense: skipped a message of {length:,} bytes (over the limit)")
                if not await self._drain(read, length):
                    return
                continue
            body = await self._body(read, start, length)
            if body is None:
                return
            self._dispatch(body)

    async def _more(self, read: Read) -> bool:
        chunk = await read()
        self.buffer += chunk
        return bool(chunk)

    def _header(self) -> tuple[int, int] | None:
        """(where the body starts, its declared length) of the first complete header, after
        dropping anything before it; None if more bytes are needed."""
        while True:
            found = _NAME.search(self.buffer)
            if found is None:
                keep = len(b"content-length") - 1  # the start of a name cut by a read
                self._drop(len(self.buffer) - min(keep, len(self.buffer)))
                return None
            self._drop(found.start())
            line = _LENGTH_LINE.match(self.buffer)
            if line is None:
                if b"\n" not in self.buffer and len(self.buffer) < MAX_HEADER_BYTES:
                    return None  # the line is still arriving
                self._drop(1)  # not a header: look for the next one
                continue
            position = line.end()
            while True:  # the other headers (Content-Type), up to the blank line
                if _BLANK_LINE.match(self.buffer, position):
                    return _BLANK_LINE.match(self.buffer, position).end(), int(line.group(1))  # type: ignore[union-attr]
                other = _HEADER_LINE.match(self.buffer, position)
                if other is not None:
                    position = other.end()
                    continue
                pending = b"\n" not in self.buffer[position:]
                if pending and len(self.buffer) < MAX_HEADER_BYTES:
                    return None
                break
            self._drop(1)

    def _drop(self, count: int) -> None:
        if count <= 0:
            return
        dropped = bytes(self.buffer[:count])
        del self.buffer[:count]
        if dropped.strip() and _HEADERS_ONLY.fullmatch(dropped) is None:
            shown = dropped[:80].decode("utf-8", "backslashreplace")
            self.log(f"shapesense: dropped {count} bytes that were not a message: {shown!r}")

    async def _drain(self, read: Read, length: int) -> bool:
        remaining = length
        while remaining > 0:
            if not self.buffer and not await self._more(read):
                return False
            taken = min(remaining, len(self.buffer))
            del self.buffer[:taken]
            remaining -= taken
        return True

    async def _body(self, read: Read, start: int, length: int) -> bytes | None:
        """The body: `length` bytes, or less if a complete JSON object ends before that."""
        while len(self.buffer) < start + length:
            if self.buffer[-64:].rstrip().endswith(b"}"):
                early = self._object_end(start)
                if early is not None:
                    self.log(
                        f"shapesense: a message declared {length} bytes but its JSON ended "
                        f"after {early - start}; reading on from there"
                    )
                    body = bytes(self.buffer[start:early])
                    del self.buffer[:early]
                    return body
            if not await self._more(read):
                return None
        body = bytes(self.buffer[start : start + length])
        del self.buffer[: start + length]
        return body

    def _object_end(self, start: int) -> int | None:
        """Where a complete JSON object starting at `start` ends, if the buffer holds one."""
        tail = bytes(self.buffer[start : start + MAX_MESSAGE_BYTES])
        text = tail.lstrip()
        if not text.startswith(b"{") or b"}" not in text:
            return None
        try:
            decoded = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            decoded = text[: exc.start].decode("utf-8")
        try:
            _, end = json.JSONDecoder().raw_decode(decoded)
        except (ValueError, RecursionError):
            return None
        return start + len(tail) - len(text) + len(decoded[:end].encode("utf-8"))

    def _dispatch(self, body: bytes) -> None:
        try:
            text = body.decode("utf-8").lstrip()
            message, end = self.decoder.raw_decode(text)
        except RecursionError:
            self._answer_error(body, JsonRpcInvalidRequest("message nested too deeply to read"))
            return
        except ValueError as exc:  # not JSON, or not UTF-8 (a length too small cuts the JSON)
            self.log(f"shapesense: a message was not JSON ({exc}); answered with a parse error")
            self._answer_error(body, JsonRpcParseError(f"not JSON: {exc}"))
            return
        except Exception:
            logger.exception("Unable to read message")
            return
        rest = text[end:]
        if rest.strip():  # a length too large: what follows the JSON is the next frame's start
            self.log(f"shapesense: {len(rest)} characters followed a message's JSON in its frame")
            self.buffer[:0] = rest.encode("utf-8")
        if message is None:
            return  # already answered while it was read (see Protocol.structure_message)
        try:
            self.protocol.handle_message(message)
        except Exception:
            logger.exception("Unable to handle message")

    def _answer_error(self, body: bytes, error: JsonRpcException) -> None:
        """Answer the request `body` was, if its id can be read; JSON-RPC's null id otherwise."""
        self.protocol._send_response(_top_level_id(body), error=error.to_response_error())  # type: ignore[arg-type]  # JSON-RPC's null id


def _top_level_id(body: bytes) -> int | str | None:
    """The `id` of a JSON object too deep to decode, read by scanning its first level."""
    text = body[:MAX_HEADER_BYTES].decode("utf-8", "replace")
    depth = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char == '"':
            end = i + 1
            while end < len(text) and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            if depth == 1 and text[i : end + 1] == '"id"':
                match = re.match(r'\s*:\s*(-?\d+|"[^"\\]*")', text[end + 1 :])
                if match:
                    value = json.loads(match.group(1))
                    return value if isinstance(value, int | str) else None
            i = end + 1
            continue
        if char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
        i += 1
    return None
