"""What the server remembers: one analysis per document version, and where cells sit in notebooks.

A `View` is one analysed unit (a file, or a whole notebook) with the map between the core's
positions (lines of the combined source) and the editor's documents (the file, or each cell).
"""

from __future__ import annotations

import gc
import hashlib
import threading
from dataclasses import dataclass, field
from urllib.parse import unquote

from lsprotocol import types
from pygls.workspace import TextDocument, Workspace

from ..analysis import Analyzer, Options
from ..cancel import Token
from ..findings import Analysis, Span
from ..ipython_syntax import to_python
from ..lines import count_breaks, split_lines_keepends


@dataclass
class Cell:
    uri: str
    start: int  # first line of the cell in the combined source
    document: TextDocument
    version: int | None  # the document's version analysed (the document itself moves on)
    lines: tuple[str, ...]  # its text as analysed, split once (pygls splits on every call)
    shifts: tuple[int, ...] = ()  # per line: columns IPython's dedent took off the cell's text

    def shift(self, line: int) -> int:
        return self.shifts[line] if 0 <= line < len(self.shifts) else 0


@dataclass
class View:
    key: str  # the file's or the notebook's uri
    version: int | None
    cells: list[Cell]
    source: str
    analysis: Analysis = field(default_factory=Analysis)

    def locate(self, span: Span) -> tuple[Cell, Span] | None:
        """The document and local span for a span of the combined source."""
        for cell in reversed(self.cells):
            if span.line >= cell.start:
                end_line = span.end_line - cell.start
                if end_line >= len(cell.lines) + 1:
                    return None
                line = span.line - cell.start
                return cell, Span(
                    line,
                    span.column + cell.shift(line),
                    end_line,
                    span.end_column + cell.shift(end_line),
                )
        return None

    def cell(self, uri: str) -> Cell | None:
        return next((c for c in self.cells if c.uri == uri), None)

    def to_range(self, cell: Cell, span: Span) -> types.Range:
        codec, lines = cell.document.position_codec, cell.lines
        start = codec.position_to_client_units(lines, types.Position(span.line, span.column))
        end = codec.position_to_client_units(lines, types.Position(span.end_line, span.end_column))
        return types.Range(start, end)

    def to_source(self, uri: str, position: types.Position) -> tuple[int, int] | None:
        """A client position in document `uri` as (line, code-point column) of the combined source."""
        cell = self.cell(uri)
        if cell is None:
            return None
        server = cell.document.position_codec.position_from_client_units(cell.lines, position)
        return cell.start + server.line, max(0, server.character - cell.shift(server.line))


MAX_INCREMENTAL = 16  # documents whose previous version is kept for incremental analysis
THAW_EVERY = 1024  # analyses between full garbage collections of the frozen heap


class Heap:
    """The server keeps a large, long-lived heap: each edited document's last analysis and the
    journals that make the next one incremental. CPython's collector would walk all of it
    again while each analysis allocates (measured: +60 ms on an edit that moves every line of
    a 2,000-line file), so after each analysis the young objects are collected and the heap is
    frozen: later collections walk only what is new. But cycles that die after being frozen
    (a replaced version's journals, AST nodes, frames) can only be found by thawing, and each
    edit left about 1,000 such objects (a 120-line file: 54 -> 141 MB in 400 edits). So once
    the frozen heap has grown by GROWTH since the last thaw (and at least every THAW_EVERY
    analyses), it is thawed and collected in full: 54 -> 56 MB over the same edits."""

    GROWTH = 1.10

    def __init__(self) -> None:
        self.analyses = 0
        self.thawed_size = 0  # frozen objects right after the last thaw
        self._lock = threading.Lock()  # analyses of different documents end in different threads

    def settle(self) -> None:
        with self._lock:
            self.analyses += 1
            gc.collect(1)
            gc.freeze()
            size = gc.get_freeze_count()
            if size > self.thawed_size * self.GROWTH or self.analyses % THAW_EVERY == 0:
                gc.unfreeze()
                gc.collect()
                gc.freeze()
                self.thawed_size = gc.get_freeze_count()


@dataclass
class Request:
    """One version of a document to analyse, taken on the event loop: the text is a copy, so
    a worker thread can analyse it while the editor's document changes."""

    view: View  # its analysis is filled in by `State.run`
    stamp: tuple[object, ...]  # (version, options, digest of the text): what the cache is keyed by
    options: Options
    incremental: bool  # a document being edited keeps an Analyzer; one only opened does not
    epoch: int  # State.epoch when taken: a result of an older epoch is not cached


class Analyzers:
    """The incremental Analyzer of each document being edited, most recently used last.

    Analyses run in worker threads. One Analyzer is used by one thread at a time: its
    document's `busy` lock is held for the whole analysis (a newer version waits until the
    stale one stops, at its next statement). An Analyzer dropped while in use (the document
    closed, evicted, the settings changed) is closed by the thread using it, when it is done."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # guards the two dicts, never held during an analysis
        self._by_key: dict[str, Analyzer] = {}
        self._busy: dict[str, threading.Lock] = {}

    def run(self, key: str, options: Options, source: str, token: Token) -> Analysis:
        with self._lock:
            busy = self._busy.setdefault(key, threading.Lock())
        busy.acquire()
        dropped: list[Analyzer] = []
        analyzer: Analyzer | None = None
        try:
            with self._lock:
                analyzer = self._by_key.pop(key, None)
                if analyzer is not None and analyzer.options != options:
                    dropped.append(analyzer)
                    analyzer = None
                if analyzer is None:
                    analyzer = Analyzer(options)
                self._by_key[key] = analyzer
                while len(self._by_key) > MAX_INCREMENTAL:
                    dropped += self._drop_locked(next(iter(self._by_key)))
            for old in dropped:
                old.close()
            return analyzer.analyze(source, token)
        finally:
            with self._lock:
                still_kept = analyzer is not None and self._by_key.get(key) is analyzer
                busy.release()
            if analyzer is not None and not still_kept:
                analyzer.close()

    def _drop_locked(self, key: str) -> list[Analyzer]:
        """Forget `key`'s Analyzer (holding `_lock`); returned if free to close now, else
        the thread using it closes it."""
        analyzer = self._by_key.pop(key, None)
        busy = self._busy.get(key)
        if analyzer is None or busy is None or not busy.acquire(blocking=False):
            return []
        busy.release()  # nobody can take it any more: it is no longer in _by_key
        return [analyzer]

    def drop(self, key: str | None = None) -> None:
        """Forget one document's Analyzer, or (None) every one."""
        with self._lock:
            keys = list(self._by_key) if key is None else [key]
            closing = [a for k in keys for a in self._drop_locked(k)]
        for analyzer in closing:
            analyzer.close()


class State:
    """Runs on the event loop, except `run`, which runs in a worker thread (`jobs.py`)."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple[object, ...], View]] = {}
        self._analyzers = Analyzers()
        self._heap = Heap()
        self.epoch = 0  # advanced when cached results may have gone stale (files read changed)

    def run(self, request: Request, token: Token) -> View:
        """Analyse one version (in a worker thread). Raises `Cancelled` once `token` is."""
        view = request.view
        if request.incremental:
            view.analysis = self._analyzers.run(view.key, request.options, view.source, token)
            self._heap.settle()
        else:
            analyzer = Analyzer(request.options, incremental=False)
            try:
                view.analysis = analyzer.analyze(view.source, token)
            finally:
                analyzer.close()
        return view

    def store(self, request: Request) -> None:
        """Cache a finished analysis (on the event loop)."""
        if request.epoch == self.epoch:
            self._cache[request.view.key] = (request.stamp, request.view)

    def prepare(self, workspace: Workspace, uri: str, options: Options) -> View | Request | None:
        """The analysed view containing document `uri` (a file or a notebook cell) if its
        version is cached, else the request to analyse it."""
        notebook = workspace.get_notebook_document(cell_uri=uri) or workspace.get_notebook_document(
            notebook_uri=uri
        )
        if notebook is not None:
            return self._notebook_request(workspace, notebook, options)
        document = workspace.text_documents.get(unquote(uri))  # pygls keys documents unquoted
        if document is None:
            return None
        source = document.source
        stamp = (document.version, options, _digest(source))
        cached = self._cache.get(uri)
        if cached and cached[0] == stamp:
            return cached[1]
        cell = Cell(uri, 0, document, document.version, tuple(split_lines_keepends(source)))
        view = View(uri, document.version, [cell], source)
        return Request(view, stamp, options, uri in self._cache, self.epoch)

    def _notebook_request(
        self, workspace: Workspace, notebook: types.NotebookDocument, options: Options
    ) -> View | Request:
        cells: list[Cell] = []
        parts: list[str] = []
        line = 0
        for cell in notebook.cells:
            if cell.kind != types.NotebookCellKind.Code:
                continue
            document = workspace.text_documents.get(unquote(cell.document))
            if document is None:
                continue
            python = to_python(document.source.rstrip("\r\n"))
            lines = tuple(split_lines_keepends(document.source))
            cells.append(
                Cell(cell.document, line, document, document.version, lines, python.shifts)
            )
            parts.append(python.python)
            line += count_breaks(parts[-1]) + 1
        source = "\n".join(parts)
        stamp = (notebook.version, options, _digest(source))
        cached = self._cache.get(notebook.uri)
        if cached and cached[0] == stamp:
            return cached[1]
        view = View(notebook.uri, notebook.version, cells, source)
        return Request(view, stamp, options, notebook.uri in self._cache, self.epoch)

    def stale_readers(self, paths: set[str] | None) -> list[str]:
        """Drop the cached views whose analysis read one of `paths` (every view, for None: a
        file created or deleted may change what an import finds) and return their keys."""
        stale = [
            key
            for key, (_, view) in self._cache.items()
            if paths is None or not view.analysis.files_read.isdisjoint(paths)
        ]
        for key in stale:
            del self._cache[key]  # the Analyzer stays: imports and file reads are never replayed
        self.epoch += 1  # an analysis running now may have read the old files
        return stale

    def drop_view(self, key: str) -> None:
        self._cache.pop(key, None)

    def release(self, key: str) -> None:
        """Keep no Analyzer (journals) for `key`: it is analysed in one pass from now on."""
        self._analyzers.drop(key)

    def forget(self, uri: str) -> None:
        self._cache.pop(uri, None)
        self._analyzers.drop(uri)

    def clear(self) -> None:
        self._cache.clear()
        self._analyzers.drop()
        self.epoch += 1


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
