"""Large messages to the client are made JSON in a thread, in pieces (`lsp/outbox.py`): the
JSON is the same as pygls's own, and answers are never held behind a large notification."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from lsprotocol import types
from shapesense.lsp.outbox import LARGE, Outbox, dumps_in_pieces, is_large
from shapesense.lsp.server import create_server


def publish(count: int, version: int) -> Any:
    diagnostics = [
        types.Diagnostic(
            types.Range(types.Position(i, 0), types.Position(i, 3)),
            "Layer 'lstm' expects (None, 20, 5) é",
            severity=types.DiagnosticSeverity.Error,
            code="SS102",
            data={"fixes": [{"title": "t", "edits": []}]},
        )
        for i in range(count)
    ]
    params = types.PublishDiagnosticsParams("file:///w/a.py", diagnostics, version=version)
    return types.PublishDiagnosticsNotification(
        method=types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, params=params
    )


def test_the_json_in_pieces_is_pygls_json() -> None:
    protocol = create_server().protocol
    message = publish(LARGE + 1, 3)
    assert is_large(message) and not is_large(publish(LARGE, 3))
    ours = dumps_in_pieces(protocol._serialize_message(message), protocol._serialize_message)
    assert json.loads(ours) == json.loads(json.dumps(message, default=protocol._serialize_message))


class Writer:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def write(self, data: bytes) -> None:
        self.sent.append(json.loads(data.split(b"\r\n\r\n", 1)[1]))


async def test_notifications_keep_their_order_and_answers_do_not_wait() -> None:
    server = create_server()
    protocol = server.protocol
    writer = Writer()
    protocol.set_writer(writer)  # type: ignore[arg-type]
    release = asyncio.Event()

    async def slow_thread(work: Any) -> str:  # the thread that makes the large JSON
        await release.wait()
        return str(work())

    protocol.outbox = Outbox(protocol, slow_thread)
    protocol._send_data(publish(LARGE + 1, 1))  # large: waits for its JSON
    protocol._send_data(publish(1, 2))  # a newer version, small: after the large one
    protocol._send_response(7, types.Hover(types.MarkupContent("plaintext", "shape")))
    await asyncio.sleep(0)
    assert [m.get("id") for m in writer.sent] == [7]  # the answer went out at once
    release.set()
    while protocol.outbox.waiting:
        await asyncio.sleep(0.01)
    assert [m["params"]["version"] for m in writer.sent[1:]] == [1, 2]
