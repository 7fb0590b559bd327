"""The server object every feature module registers its handlers on (`server.py` wires them):
its state (settings, analysis processes, cached results, jobs) and the helpers handlers share.

Rule for where work runs: analysis runs in analysis processes, once per document version
(jobs.py, pool.py, cached in State), and is stopped when its version goes stale; the event
loop only copies texts and answers from results, so it keeps answering. Diagnostics are
debounced per document. Handlers never raise: an exception is logged to the client and the
request answered with an empty result (`guarded`).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import sys
import threading
import traceback
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lsprotocol import types
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..cancel import Cancelled
from ..config import Config, find
from ..keras.versions import Detected, KerasVersion
from ..options import Options
from ..resolve import ProjectResolver
from . import large
from .environment import STATUS, detect_for, status_params
from .heap import IdleCollector
from .jobs import Jobs
from .outbox import Outbox
from .pool import Pool
from .protocol import Protocol
from .settings import Settings
from .state import Request, State, View
from .transport import CHUNK, FrameReader

NOTEBOOK_SYNC = types.NotebookDocumentSyncOptions(
    notebook_selector=[
        types.NotebookDocumentFilterWithCells(
            cells=[types.NotebookCellLanguage(language="python")], notebook=notebook_type
        )
        for notebook_type in ("jupyter-notebook", "interactive")  # Jupyter; Interactive Window
    ],
    save=True,
)


class ShapeSenseServer(LanguageServer):
    protocol: Protocol

    def __init__(self) -> None:
        super().__init__(
            "shapesense", __version__, notebook_document_sync=NOTEBOOK_SYNC, protocol_cls=Protocol
        )
        self.settings = Settings()
        self.heap = IdleCollector(lambda: bool(self.jobs.running))
        self.processes = Pool(self.log)
        self.state = State(self.processes.drop)
        self.jobs = Jobs(self.state, self.processes, OpenDocuments(self).snapshot, self.log)
        self.protocol.outbox = Outbox(self.protocol, self.jobs.off_loop)
        self.checkable: dict[str, int | None] = {}  # a large document's version opened or saved
        self._noted_large: set[str] = set()
        self.pending: dict[str, tuple[asyncio.Task[None], bool]] = {}  # diagnostics.schedule
        self._detected: dict[tuple[object, ...], Detected] = {}
        self._announced: dict[str, Detected] = {}  # per document: the Keras last sent to the client
        self._reported_configs: set[tuple[str, tuple[str, ...]]] = set()
        self._resolvers: dict[str, ProjectResolver] = {}
        self.exit_code = 0

    def start_io(self, stdin: Any = None, stdout: Any = None) -> None:
        """pygls's stdio loop, with transport.FrameReader in place of its frame reading (which
        stops answering after one bad frame), and `exit`'s code kept (pygls's loop drops it:
        `exit` without `shutdown` must end the process with 1)."""
        self._stop_event = stop = threading.Event()
        raw = stdin or sys.stdin.buffer
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        frames = FrameReader(self.protocol, self.log)
        read_some = getattr(raw, "read1", raw.read)

        async def main() -> None:
            loop = asyncio.get_running_loop()
            await frames.run(
                lambda: loop.run_in_executor(self.thread_pool, read_some, CHUNK),
                stop.is_set,
            )

        self._run(main)

    def start_tcp(self, host: str, port: int) -> None:
        """pygls's TCP server (one session, then the process ends), reading frames with the
        same recovery as stdio (transport.FrameReader) in place of pygls's reader."""
        self._stop_event = stop = threading.Event()

        async def session(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self.protocol.set_writer(writer)
            frames = FrameReader(self.protocol, self.log)
            await frames.run(lambda: reader.read(CHUNK), stop.is_set)
            self.shutdown()  # closes the listening socket: serve_forever ends

        async def main() -> None:
            self._server = await asyncio.start_server(session, host, port)
            async with self._server:
                with contextlib.suppress(asyncio.CancelledError):  # the session ended
                    await self._server.serve_forever()

        self._run(main)

    def _run(self, main: Callable[[], Coroutine[Any, Any, None]]) -> None:
        try:
            asyncio.run(main())
        except BrokenPipeError:
            logging.getLogger("shapesense").error("The client went away; shutting down.")
        except KeyboardInterrupt:
            pass
        except SystemExit as exc:
            self.exit_code = exc.code if isinstance(exc.code, int) else 1
        finally:
            self.shutdown()

    def shutdown(self) -> None:
        self.jobs.close()
        super().shutdown()

    # --- shared helpers for the feature modules -------------------------------------------

    @property
    def keras(self) -> KerasVersion:
        """The workspace's Keras (its root's configuration, the editor's settings over it)."""
        return self.workspace_keras().keras

    def workspace_keras(self) -> Detected:
        try:
            root = self.workspace.root_path
        except RuntimeError:  # before initialize
            root = None
        return self.detected(find(Path(root)) if root else Config())

    def detected(self, config: Config) -> Detected:
        """The Keras for documents under `config`, and where that came from: the editor's
        settings win over the configuration file (lsp/environment.py)."""
        key = (
            self.settings.keras_version,
            self.settings.python,
            config.keras_version,
            config.python,
            config.root,
        )
        found = self._detected.get(key)
        if found is None:
            found = detect_for(self.settings, config)
            self._detected[key] = found
            self.log(f"shapesense {self.version}: checking against {found.describe()}")
        return found

    def config_for(self, path: str | None) -> Config:
        config = find(Path(path)) if path else Config()
        mark = (str(config.path), config.problems)
        if config.problems and mark not in self._reported_configs:
            self._reported_configs.add(mark)
            for problem in config.problems:
                self.log(f"shapesense: {problem}", types.MessageType.Warning)
        return config

    def options(self, uri: str) -> Options:
        """Per document: its configuration, Keras version, and a resolver for its project."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        resolver = self._resolvers.get(uri)
        if resolver is None:
            resolver = ProjectResolver(path, self.workspace.root_path, OpenDocuments(self))
            self._resolvers[uri] = resolver
        config = self.config_for(path)
        keras = self.detected(config)
        self.announce(uri, keras)
        rules = config.selection(Path(path)) if path else None
        unused = self.settings.report_unused_suppressions  # the editor's setting wins
        if unused is None:
            unused = config.report_unused_suppressions
        explain = self.settings.explain_silence
        device = self.settings.device or config.device  # the editor's setting wins
        return Options(keras.keras, resolver, unused, rules, explain_silence=explain, device=device)

    def announce(self, uri: str, keras: Detected) -> None:
        """`shapesense/status` to the client when a document's Keras is new or changed."""
        if self._announced.get(uri) == keras:
            return
        self._announced[uri] = keras
        try:
            self.protocol.notify(STATUS, status_params(keras, uri))
        except Exception:  # no client yet: the next analysis announces it
            self._announced.pop(uri, None)

    def settings_changed(self) -> None:
        self._detected.clear()
        self._announced.clear()
        self._resolvers.clear()
        self.jobs.stop_all("the settings changed")
        self.state.clear()

    async def view(self, uri: str) -> View | None:
        """The analysis of document `uri`'s current version (a file, or the notebook of a
        cell): from the cache, or awaited from an analysis process (`jobs.py`)."""
        while True:
            notebook = self.workspace.get_notebook_document(cell_uri=uri)
            options = self.options(notebook.uri if notebook else uri)
            prepared = self.admit(self.state.prepare(self.workspace, uri, options))
            if not isinstance(prepared, Request):
                return prepared
            try:
                return await self.jobs.view(prepared)
            except Cancelled:
                continue  # stopped for a newer version (or closed): answer from the current one

    def admit(self, prepared: View | Request | None) -> View | Request | None:
        """The policy for large documents (large.py): a version to analyse is analysed only if
        the document is small, or this is the version it was opened or saved in."""
        if not isinstance(prepared, Request) or not large.is_large(prepared.view.source):
            return prepared
        key, source = prepared.view.key, prepared.view.source
        if key not in self._noted_large:
            self._noted_large.add(key)
            self.log(large.note(key, source))
        self.state.release(key)  # journals kept from while it was small
        if len(source) > large.MAX_CHARS:
            prepared.view.analysis = large.too_large(source)
            self.state.store(prepared)
            return prepared.view
        if self.checkable.get(key) != prepared.view.version:
            return None  # typed since it was opened or saved: checked at the next save
        prepared.incremental = False
        self.state.drop_view(key)  # so that two analyses of it are never held at once
        return prepared

    def waiting_for_save(self, key: str) -> bool:
        """A large document edited since it was last checked."""
        document = self.workspace.text_documents.get(unquote(key))
        return (
            document is not None
            and large.is_large(document.source)
            and self.checkable.get(key) != document.version
        )

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


class OpenDocuments:
    """Unsaved editor text wins over the file on disk when a module is followed."""

    def __init__(self, server: LanguageServer) -> None:
        self.server = server

    def get(self, path: str) -> str | None:
        return self.snapshot().get(path)

    def snapshot(self) -> dict[str, str]:
        """Every open file's text, by path (sent with each analysis to its process)."""
        texts: dict[str, str] = {}
        for uri, document in list(self.server.workspace.text_documents.items()):
            if uri.startswith("file:"):
                path = to_fs_path(uri)
                if path is not None:
                    texts.setdefault(path, document.source)
        return texts
