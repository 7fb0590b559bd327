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
        self.published: dict[int, float] = {}  # version -> arrival, filled by until_version

        @self.lsp.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.arrived.put_nowait((time.perf_counter(), params))

        @self.lsp.feature(types.WINDOW_LOG_MESSAGE)
        def on_log(params: types.LogMessageParams) -> None:
            pass  # read by nobody here; handled so that pygls does not print a warning

        @self.lsp.feature("shapesense/status")
        def on_status(params: object) -> None:
            pass

    async def start(
        self,
        tcp: tuple[str, int] | None = None,
        debounce_ms: int = 0,
        pull: bool = False,
        command: list[str] | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        """Start `shapesense serve` (or `command`, in `env`; or connect to one on `tcp`), with
        diagnostics after `debounce_ms` (0: at once). With `pull`, the client says it pulls
        diagnostics (as VS Code does for files), so the server answers `textDocument/diagnostic`
        instead of pushing."""
        if tcp is None:
            argv = command or [sys.executable, "-m", "shapesense", "serve"]
            await self.lsp.start_io(*argv, env=env)
        else:
            await self.lsp.start_tcp(*tcp)
        await self.lsp.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(
                    text_document=types.TextDocumentClientCapabilities(
                        diagnostic=types.DiagnosticClientCapabilities()
                    )
                    if pull
                    else None
                ),
                initialization_options={"debounceMs": debounce_ms, "kerasVersion": "3"},
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

    async def until_version(self, version: int) -> None:
        """Wait for the diagnostics of `version`, noting when each version's arrived."""
        while True:
            arrived, params = await self.arrived.get()
            if params.version is not None:
                self.published[params.version] = arrived
            if params.version == version:
                return
