"""Messages to the client, in the order they were sent, the large ones turned into JSON in a
thread.

pygls turns each message into JSON on the event loop, in one `json.dumps` call: for a report
of 3,000 diagnostics (pushed, or a pulled answer, as VS Code pulls), 0.2 s of unstructuring
and 0.1-0.35 s of one C call holding the GIL, while a hover on another document waited. A
message with more than LARGE items is unstructured and encoded in a thread instead, one
`json.dumps` call per item, so the GIL changes hands between them. Notifications (and requests
to the client) sent after it wait their turn, so the client receives them in order (a newer
version's diagnostics never arrive before an older one's); answers to requests do not wait (a
hover is never held up by a large publish; JSON-RPC matches answers by id).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import json
from collections.abc import Awaitable, Callable
from typing import Any

from pygls.protocol import LanguageServerProtocol

LARGE = 100  # diagnostics (or items) in one message


def is_large(message: Any) -> bool:
    for part in (getattr(message, "result", None), getattr(message, "params", None)):
        items = getattr(part, "items", None) or getattr(part, "diagnostics", None)
        if isinstance(items, list) and len(items) > LARGE:
            return True
    return False


def dumps_in_pieces(value: Any, default: Callable[[Any], Any]) -> str:
    """`json.dumps(value)` in many calls: a long list one item at a time."""
    if isinstance(value, dict):
        items = (f"{json.dumps(k)}:{dumps_in_pieces(v, default)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list) and len(value) > 16:
        return "[" + ",".join(json.dumps(item, default=default) for item in value) + "]"
    return json.dumps(value, default=default)


class Outbox:
    def __init__(
        self,
        protocol: LanguageServerProtocol,
        run: Callable[[Callable[[], str]], Awaitable[str]],
    ) -> None:
        self.protocol = protocol
        self.run = run  # runs a function in a thread
        self.last: asyncio.Task[None] | None = None  # the last notification or request
        self.waiting = 0  # notifications and requests to the client not written yet
        self.answers: set[asyncio.Task[None]] = set()  # large answers being prepared

    def take(self, message: Any) -> bool:
        """Send `message` later if it is large, or if it is not an answer and an earlier
        message of the kind waits; False: send it now."""
        answer = hasattr(message, "id") and not hasattr(message, "method")
        large = is_large(message)
        if not large and (answer or not self.waiting):
            return False
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return False
        if answer:  # answers may go in any order (each has its id): it waits for nothing
            self.answers.add(loop.create_task(self._send(None, message, ordered=False)))
            return True
        self.waiting += 1
        self.last = loop.create_task(self._send(self.last, message, ordered=True))
        return True

    async def _send(self, previous: asyncio.Task[None] | None, message: Any, ordered: bool) -> None:
        try:
            body = None
            if is_large(message):
                body = await self.run(functools.partial(self._to_json, message))
            if previous is not None:
                await asyncio.wait([previous])
            if body is None:
                LanguageServerProtocol._send_data(self.protocol, message)
            else:
                await self._write(body)
        finally:
            if ordered:
                self.waiting -= 1
            elif (task := asyncio.current_task()) is not None:
                self.answers.discard(task)

    def _to_json(self, message: Any) -> str:
        serialize = self.protocol._serialize_message
        return dumps_in_pieces(serialize(message), serialize)

    async def _write(self, body: str) -> None:
        """As pygls writes a message (`JsonRPCProtocol._send_data`)."""
        protocol = self.protocol
        if protocol.writer is None:
            return
        data = body.encode(protocol.CHARSET)
        header = (
            f"Content-Length: {len(data)}\r\n"
            f"Content-Type: {protocol.CONTENT_TYPE}; charset={protocol.CHARSET}\r\n\r\n"
        )
        written = protocol.writer.write(header.encode(protocol.CHARSET) + data)
        if inspect.isawaitable(written):
            await written
