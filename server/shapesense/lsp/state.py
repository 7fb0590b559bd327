"""What the server remembers: one analysis per document version, and where cells sit in notebooks.

A `View` is one analysed unit (a file, or a whole notebook) with the map between the core's
positions (lines of the combined source) and the editor's documents (the file, or each cell).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote

from lsprotocol import types
from pygls.workspace import TextDocument, Workspace

from ..findings import Analysis, Span
from ..ipython_syntax import to_python
from ..lines import count_breaks, split_lines_keepends
from ..options import Options


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


@dataclass
class Request:
    """One version of a document to analyse, taken on the event loop: the text is a copy, so
    an analysis process can analyse it while the editor's document changes."""

    view: View  # its analysis is filled in when the job is done (`jobs.py`)
    stamp: tuple[object, ...]  # (version, options, digest of the text): what the cache is keyed by
    options: Options
    incremental: bool  # a document being edited keeps an Analyzer; one only opened does not
    epoch: int  # State.epoch when taken: a result of an older epoch is not cached


class State:
    """Runs on the event loop. The Analyzers themselves are kept in the analysis processes
    (`worker.py`); `drop_analyzers` tells them to forget one document's (None: every one)."""

    def __init__(self, drop_analyzers: Callable[[str | None], None]) -> None:
        self._cache: dict[str, tuple[tuple[object, ...], View]] = {}
        self._drop_analyzers = drop_analyzers
        self.epoch = 0  # advanced when cached results may have gone stale (files read changed)

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
        self._drop_analyzers(key)

    def forget(self, uri: str) -> None:
        self._cache.pop(uri, None)
        self._drop_analyzers(uri)

    def clear(self) -> None:
        self._cache.clear()
        self._drop_analyzers(None)
        self.epoch += 1


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
