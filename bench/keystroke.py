"""Benchmark 2: didChange -> publishDiagnostics through a real LSP client (pygls), debounce 0."""

from __future__ import annotations

import asyncio
import statistics
import sys
import time

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from .workload import script


async def measure(edits: int, lines: int = 2000) -> dict[str, object]:
    client = LanguageClient("bench", "1")
    arrived: asyncio.Queue[tuple[float, types.PublishDiagnosticsParams]] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        arrived.put_nowait((time.perf_counter(), params))

    await client.start_io(sys.executable, "-m", "shapesense", "serve")
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            initialization_options={"debounceMs": 0, "kerasVersion": "3"},
        )
    )
    client.initialized(types.InitializedParams())
    uri = "file:///bench/keystroke.py"
    text = script(lines)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)
        )
    )
    await arrived.get()
    latencies = []
    anchor = text.index("X_0 = np.random.rand(200, 28, 28)") + len("X_0 = np.random.rand(200, 28, ")
    line = text[:anchor].count("\n")
    column = anchor - text.rfind("\n", 0, anchor) - 1
    for version in range(2, edits + 2):
        digit = str(version % 10)
        change = types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(line, column), types.Position(line, column + 1)),
            text=digit,
        )
        start = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri), [change]
            )
        )
        done, params = await arrived.get()
        assert params.version == version
        latencies.append((done - start) * 1e3)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    latencies.sort()
    return {
        "name": "keystroke to squiggle (2,000-line file)",
        "edits": edits,
        "p50_ms": statistics.median(latencies),
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))],
        "max_ms": latencies[-1],
    }


def run(quick: bool) -> dict[str, object]:
    return asyncio.run(measure(30 if quick else 300))
