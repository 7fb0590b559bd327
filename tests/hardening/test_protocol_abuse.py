"""Malformed and hostile LSP traffic: every request gets an answer, and the server keeps serving."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .rawclient import RawClient

SEED = (Path(__file__).resolve().parents[2] / "examples" / "seed_lstm.py").read_text()
URI = "file:///w/seed.py"
HOVER_LSTM = {"textDocument": {"uri": URI}, "position": {"line": 8, "character": 25}}


def serving(client: RawClient) -> bool:
    """The real test after any abuse: a normal hover still answers with the layer's shape."""
    answer = client.request("textDocument/hover", HOVER_LSTM)
    return client.alive() and "(None, 20, 5)" in answer["result"]["contents"]["value"]


def test_protocol_abuse_gets_answers_and_the_server_keeps_serving() -> None:
    client = RawClient()
    try:
        client.initialize()
        client.open(URI, SEED)
        client.send_bytes(
            b'{"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {'
        )  # malformed JSON
        client.send_bytes(b"\xff\xfe not even text")
        unknown = client.request("shapesense/noSuchMethod", {})
        assert unknown["error"]["code"] == -32601
        wrong = client.request("textDocument/hover", {"textDocument": 5})
        assert "error" in wrong and wrong["error"]["code"] in (-32602, -32603)
        missing = client.request("textDocument/hover", None)
        assert "error" in missing or missing.get("result") is None
        far = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": URI}, "position": {"line": 10**6, "character": 10**6}},
        )
        assert far["result"] is None
        negative = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": URI}, "position": {"line": -1, "character": 0}},
        )
        assert "error" in negative or negative["result"] is None
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": "file:///never/opened.py", "version": 2},
                "contentChanges": [{"text": "x = 1"}],
            },
        )
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": URI, "version": 0}, "contentChanges": [{"text": SEED}]},
        )  # version regression
        client.notify("$/cancelRequest", {"id": 123456})
        client.notify("textDocument/didClose", {"textDocument": {"uri": "file:///never/opened.py"}})
        action = client.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": URI},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                "context": {
                    "diagnostics": [
                        {
                            "range": {
                                "start": {"line": 0, "character": 0},
                                "end": {"line": 0, "character": 1},
                            },
                            "message": "x",
                            "data": {"fixes": "not a list"},
                        }
                    ]
                },
            },
        )
        assert "result" in action
        client.send_bytes(
            b" " * (40 * 1024 * 1024)
        )  # far beyond the 32 MiB limit: skipped, not held
        assert serving(client)
    finally:
        client.close()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
METHOD_NAMES = [
    "textDocument/hover",
    "textDocument/codeAction",
    "textDocument/inlayHint",
    "textDocument/codeLens",
    "textDocument/diagnostic",
    "workspace/executeCommand",
    "textDocument/didChange",
    "textDocument/didOpen",
    "workspace/didChangeConfiguration",
    "bogus/method",
]
METHODS = st.sampled_from(METHOD_NAMES)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(METHODS, JSON_VALUES, st.booleans()), min_size=1, max_size=25))
def test_random_messages_never_stop_the_server(messages: list[tuple[str, object, bool]]) -> None:
    client = RawClient()
    try:
        client.initialize()
        client.open(URI, SEED)
        for method, params, is_request in messages:
            if is_request:
                answer = client.request(method, params)
                assert "result" in answer or "error" in answer
            else:
                client.notify(method, params)
        client.open(URI, SEED, version=99)
        assert serving(client)
    finally:
        client.close()


def hover_frame(ident: int) -> bytes:
    return json.dumps(
        {"jsonrpc": "2.0", "id": ident, "method": "textDocument/hover", "params": HOVER_LSTM}
    ).encode()


BROKEN_FRAMES = {
    # each: the bytes of one damaged frame carrying a hover request with id 7
    "stray byte before the header": b"X"
    + b"Content-Length: %d\r\n\r\n" % len(hover_frame(7))
    + hover_frame(7),
    "Content-Length one too small": b"Content-Length: %d\r\n\r\n" % (len(hover_frame(7)) - 1)
    + hover_frame(7),
    "Content-Length one too large": b"Content-Length: %d\r\n\r\n" % (len(hover_frame(7)) + 1)
    + hover_frame(7),
    "lowercase header name": b"content-length: %d\r\n\r\n" % len(hover_frame(7)) + hover_frame(7),
    "LF-only line ends": b"Content-Length: %d\n\n" % len(hover_frame(7)) + hover_frame(7),
    "stray bytes between frames": b"\r\n\x00garbage\r\n",
    "a header line that is not one": b"Content-Length: 12\r\nnot a header\r\n\r\n{}",
}


@pytest.mark.parametrize("transport", ["stdio", "tcp"])
def test_a_broken_frame_costs_that_frame_never_the_session(transport: str) -> None:
    """Before: after any of these the process lived but never answered again (pygls's reader
    matched `Content-Length: N\\r\\n` exactly and then read bodies as header lines); over
    TCP (`serve --tcp`, a raw socket) until it used the same reader as stdio."""
    client = RawClient(tcp=transport == "tcp")
    try:
        client.initialize()
        client.open(URI, SEED)
        for name, frame in BROKEN_FRAMES.items():
            client.write(frame)
            assert serving(client), name
        logged = [
            n["params"]["message"]
            for n in client.notifications
            if n.get("method") == "window/logMessage"
        ]
        assert any("dropped 1 bytes" in m and "'X'" in m for m in logged), logged
    finally:
        client.close()


def test_a_message_too_deep_to_read_is_answered() -> None:
    client = RawClient()
    try:
        client.initialize()
        deep = b"[" * 100_000 + b"]" * 100_000
        client.send_bytes(
            b'{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": %s}' % deep
        )
        assert client.wait(99)["error"]["code"] == -32600
        client.send_bytes(b"[" * 100_000)  # no id to be read: JSON-RPC's null id
        unread = client.wait(None)  # type: ignore[arg-type]
        assert unread["error"]["code"] in (-32700, -32600)
        client.open(URI, SEED)
        assert serving(client)
    finally:
        client.close()


def test_the_lifecycle_is_enforced() -> None:
    client = RawClient()
    try:
        early = client.request("textDocument/hover", HOVER_LSTM)
        assert early["error"]["code"] == -32002  # ServerNotInitialized
        client.initialize()
        client.open(URI, SEED)
        assert serving(client)
        assert client.request("shutdown")["result"] is None
        late = client.request("textDocument/hover", HOVER_LSTM)
        assert late["error"]["code"] == -32600  # InvalidRequest
        client.notify("exit")
        assert client.proc.wait(timeout=30) == 0
    finally:
        if client.alive():
            client.proc.kill()


def test_exit_without_shutdown_ends_with_1() -> None:
    client = RawClient()
    client.initialize()
    client.notify("exit")
    assert client.proc.wait(timeout=30) == 1
