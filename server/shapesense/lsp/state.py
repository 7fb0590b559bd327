"""What the server remembers: one analysis per document version, and where cells sit in notebooks.

A `View` is one analysed unit (a file, or a whole notebook) with the map between the core's
positions (lines of the combined source) and the editor's documents (the file, or each cell).
"""

from __future__ import annotations

import gc
import hashlib
from dataclasses import dataclass, field
from urllib.parse import unquote

from lsprotocol import types
from pygls.workspace import TextDocument, Workspace

from ..analysis import Analyzer, Options, analyze
from ..findings import Analysis, Span
from ..ipython_syntax import to_python
from ..lines import count_breaks


@dataclass
class Cell:
    uri: str
    start: int  # first line of the cell in the combined source
    document: TextDocument
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
                if end_line >= len(cell.document.lines) + 1:
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
        codec, lines = cell.document.position_codec, cell.document.lines
        start = codec.position_to_client_units(lines, types.Position(span.line, span.column))
        end = codec.position_to_client_units(lines, types.Position(span.end_line, span.end_column))
        return types.Range(start, end)

    def to_source(self, uri: str, position: types.Position) -> tuple[int, int] | None:
        """A client position in document `uri` as (line, code-point column) of the combined source."""
        cell = self.cell(uri)
        if cell is None:
            return None
        server = cell.document.position_codec.position_from_client_units(
            cell.document.lines, position
        )
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

    def settle(self) -> None:
        self.analyses += 1
        gc.collect(1)
        gc.freeze()
        size = gc.get_freeze_count()
        if size > self.thawed_size * self.GROWTH or self.analyses % THAW_EVERY == 0:
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.thawed_size = gc.get_freeze_count()


class State:
    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple[object, ...], View]] = {}
        self._analyzers: dict[str, Analyzer] = {}  # by uri, most recently used last
        self._heap = Heap()

    def _analyze(self, uri: str, source: str, options: Options) -> Analysis:
        """Analyse the new version of `uri`. A document that is being edited (analysed before)
        gets an incremental Analyzer; one only opened is analysed once, and keeps nothing."""
        if uri not in self._cache:
            return analyze(source, options)
        analyzer = self._analyzers.pop(uri, None)
        if analyzer is None or analyzer.options != options:
            if analyzer is not None:
                analyzer.close()
            analyzer = Analyzer(options)
        self._analyzers[uri] = analyzer
        while len(self._analyzers) > MAX_INCREMENTAL:
            self._analyzers.pop(next(iter(self._analyzers))).close()
        analysis = analyzer.analyze(source)
        self._heap.settle()
        return analysis

    def view(self, workspace: Workspace, uri: str, options: Options) -> View | None:
        """The analysed view containing document `uri` (a file or a notebook cell), cached per version."""
        notebook = workspace.get_notebook_document(cell_uri=uri) or workspace.get_notebook_document(
            notebook_uri=uri
        )
        if notebook is not None:
            return self._notebook_view(workspace, notebook, options)
        document = workspace.text_documents.get(unquote(uri))  # pygls keys documents unquoted
        if document is None:
            return None
        key = (document.version, options, _digest(document.source))
        cached = self._cache.get(uri)
        if cached and cached[0] == key:
            return cached[1]
        view = View(uri, document.version, [Cell(uri, 0, document)], document.source)
        view.analysis = self._analyze(uri, document.source, options)
        self._cache[uri] = (key, view)
        return view

    def _notebook_view(
        self, workspace: Workspace, notebook: types.NotebookDocument, options: Options
    ) -> View:
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
            cells.append(Cell(cell.document, line, document, python.shifts))
            parts.append(python.python)
            line += count_breaks(parts[-1]) + 1
        source = "\n".join(parts)
        key = (notebook.version, options, _digest(source))
        cached = self._cache.get(notebook.uri)
        if cached and cached[0] == key:
            return cached[1]
        view = View(notebook.uri, notebook.version, cells, source)
        view.analysis = self._analyze(notebook.uri, source, options)
        self._cache[notebook.uri] = (key, view)
        return view

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
        return stale

    def forget(self, uri: str) -> None:
        self._cache.pop(uri, None)
        analyzer = self._analyzers.pop(uri, None)
        if analyzer is not None:
            analyzer.close()

    def clear(self) -> None:
        self._cache.clear()
        for analyzer in self._analyzers.values():
            analyzer.close()
        self._analyzers.clear()


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
