"""A real LSP client (pygls) for the benchmarks: started, initialised and stopped the same way."""

from __future__ import annotations

import asyncio
import sys
import time

from lsprotocol import types
from pygls.lsp.client import LanguageClient


class Client:
    """A client that queues every publishDiagnostics with its arrival time."""

    def __init__(self) -> None:
        self.lsp = LanguageClient("bench", "1")
        self.arrived: asyncio.Queue[tuple[float, types.PublishDiagnosticsParams]] = asyncio.Queue()

        @self.lsp.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.arrived.put_nowait((time.perf_counter(), params))

    async def start(self, tcp: tuple[str, int] | None = None) -> None:
        """Start `shapesense serve` (or connect to one on `tcp`), with diagnostics at once."""
        if tcp is None:
            await self.lsp.start_io(sys.executable, "-m", "shapesense", "serve")
        else:
            await self.lsp.start_tcp(*tcp)
        await self.lsp.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                initialization_options={"debounceMs": 0, "kerasVersion": "3"},
            )
        )
        self.lsp.initialized(types.InitializedParams())

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.lsp.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "python", version, text))
        )

    async def stop(self) -> None:
        await self.lsp.shutdown_async(None)
        self.lsp.exit(None)
        await self.lsp.stop()
