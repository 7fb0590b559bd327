"""The pygls server: state, settings, and one module per LSP feature registering its handlers.

Rule for where work runs: analysis is synchronous and fast, so it runs on the event loop, once
per document version (cached in State); diagnostics are debounced per document. Handlers never
raise: an exception is logged to the client and the request answered with an empty result.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import traceback
from collections.abc import Callable
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..analysis import Options
from ..keras.versions import KerasVersion, detect
from .environment import site_packages
from .settings import Settings
from .state import State, View

NOTEBOOK_SYNC = types.NotebookDocumentSyncOptions(
    notebook_selector=[
        types.NotebookDocumentFilterWithCells(
            cells=[types.NotebookCellLanguage(language="python")],
            notebook="jupyter-notebook",
        )
    ],
    save=True,
)


class ShapeSenseServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("shapesense", __version__, notebook_document_sync=NOTEBOOK_SYNC)
        self.settings = Settings()
        self.state = State()
        self.pending: dict[str, asyncio.Task[None]] = {}
        self._keras: KerasVersion | None = None

    # --- shared helpers for the feature modules -------------------------------------------

    @property
    def keras(self) -> KerasVersion:
        if self._keras is None:
            paths = site_packages(self.settings.python) if self.settings.python else None
            self._keras = detect(self.settings.keras_version, paths)
        return self._keras

    def options(self) -> Options:
        return Options(self.keras)

    def settings_changed(self) -> None:
        self._keras = None
        self.state.clear()

    def view(self, uri: str) -> View | None:
        return self.state.view(self.workspace, uri, self.options())

    def log(self, message: str, kind: types.MessageType = types.MessageType.Log) -> None:
        try:
            self.window_log_message(types.LogMessageParams(kind, message))
        except Exception:  # no client yet (or it went away): logging must never fail a handler
            logging.getLogger("shapesense").info(message)

    def guarded(
        self, method: str, options: Any = None, empty: Any = None
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register a feature whose exceptions are logged, never raised into the protocol."""

        def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
            if asyncio.iscoroutinefunction(fn):

                @functools.wraps(fn)
                async def async_wrapper(*args: Any) -> Any:
                    try:
                        return await fn(*args)
                    except Exception:
                        self.log(
                            f"shapesense: {method} failed:\n{traceback.format_exc()}",
                            types.MessageType.Error,
                        )
                        return empty

                self.feature(method, options)(async_wrapper)
                return fn

            @functools.wraps(fn)
            def wrapper(*args: Any) -> Any:
                try:
                    return fn(*args)
                except Exception:
                    self.log(
                        f"shapesense: {method} failed:\n{traceback.format_exc()}",
                        types.MessageType.Error,
                    )
                    return empty

            self.feature(method, options)(wrapper)
            return fn

        return decorator


def create_server() -> ShapeSenseServer:
    from . import actions, codelens, config, diagnostics, hover, inlay

    server = ShapeSenseServer()
    for module in (config, diagnostics, hover, actions, inlay, codelens):
        module.register(server)
    return server


def serve(tcp: str | None = None) -> int:
    server = create_server()
    if tcp:
        host, _, port = tcp.rpartition(":")
        server.start_tcp(host or "127.0.0.1", int(port))
    else:
        server.start_io()
    return 0
