"""Check results and the formats that print them: one module per family of formats.

A `FileResult` keeps the core's findings as they are (positions in the analysed source) and,
for a notebook, where its cells start; every format asks `place()` for 1-based positions in
the cell a finding or an edit belongs to, so a fix that edits another cell is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from ..findings import CallInfo, Finding, ModelCoverage, Span
from ..keras.versions import Detected


class Place(NamedTuple):
    """1-based line and column, in the cell `cell` (1-based among all cells) of a notebook."""

    cell: int | None
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class FileResult:
    path: str
    findings: tuple[Finding, ...]
    cell_starts: tuple[int, ...] = ()  # a notebook: each code cell's first line in the source
    cell_numbers: tuple[int, ...] = ()  # and its position among all the notebook's cells
    source: str | None = None  # the text analysed (a Python file), for --diff and --fix
    cell_shifts: tuple[tuple[int, ...], ...] = ()  # per cell and line: columns IPython dedented
    calls: tuple[CallInfo, ...] = ()  # one per fit/evaluate/predict call: checked or why not
    models: tuple[ModelCoverage, ...] = ()  # each model: fully derived, partly, or not

    @property
    def is_notebook(self) -> bool:
        return bool(self.cell_starts)

    def place(self, span: Span) -> Place | None:
        """Where a span is for the user; None when it straddles two cells."""
        if not self.cell_starts:
            return Place(
                None, span.line + 1, span.column + 1, span.end_line + 1, span.end_column + 1
            )
        index = _cell_index(self.cell_starts, span.line)
        if _cell_index(self.cell_starts, span.end_line) != index:
            return None
        start = self.cell_starts[index]
        shifts = self.cell_shifts[index] if index < len(self.cell_shifts) else ()

        def shift(line: int) -> int:
            return shifts[line] if line < len(shifts) else 0

        return Place(
            self.cell_numbers[index],
            span.line - start + 1,
            span.column + shift(span.line - start) + 1,
            span.end_line - start + 1,
            span.end_column + shift(span.end_line - start) + 1,
        )

    def placed(self) -> list[tuple[Finding, Place]]:
        out = []
        for finding in self.findings:
            place = self.place(finding.span)
            if place is not None:
                out.append((finding, place))
        return out


def _cell_index(starts: tuple[int, ...], line: int) -> int:
    for index in range(len(starts) - 1, -1, -1):
        if line >= starts[index]:
            return index
    return 0


@dataclass(frozen=True)
class Run:
    """Everything a format may print: the results and which Keras judged them."""

    results: list[FileResult]
    keras: list[Detected]
    color: bool = False

    @property
    def errors(self) -> int:
        return sum(1 for r in self.results for f, _ in r.placed() if f.severity == "error")

    @property
    def findings(self) -> int:
        return sum(len(r.placed()) for r in self.results)


Formatter = Callable[[Run], str]


# format -> (module of output/, its function): only the chosen format's module is imported
# (machine.py brings hashlib and json, a few ms of a cold `shapesense check`)
_FORMATTERS = {
    "text": ("text", "full"),
    "full": ("text", "full"),
    "concise": ("text", "concise"),
    "json": ("machine", "json_document"),
    "json-lines": ("machine", "json_lines"),
    "sarif": ("sarif", "sarif"),
    "github": ("machine", "github"),
    "gitlab": ("machine", "gitlab"),
    "junit": ("machine", "junit"),
}


def formatter(name: str) -> Formatter:
    import importlib

    module, function = _FORMATTERS[name]
    found: Formatter = getattr(importlib.import_module(f"{__name__}.{module}"), function)
    return found


FORMATS = tuple(_FORMATTERS)
