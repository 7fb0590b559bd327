"""Jupyter notebooks as one program: code cells in order, with a map back to cells.

IPython syntax (`%matplotlib`, `files = !ls`, `obj?`, an indented first line...) is made into
Python line for line, as IPython does (ipython_syntax.py); markdown cells are left out. Used by
the CLI (.ipynb files) and by the language server (notebook sync).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from .findings import Finding, Span, TextEdit
from .ipython_syntax import to_python
from .lines import count_breaks


class NotebookError(Exception):
    pass


def blank_magics(code: str) -> str:
    """The cell as Python with the same lines and line breaks (`ipython_syntax.to_python`)."""
    return to_python(code).python


@dataclass
class Notebook:
    cells: list[str]  # code cells, as the user wrote them
    indices: list[int]  # each code cell's position among all the notebook's cells

    @classmethod
    def from_json(cls, text: str) -> Notebook:
        try:
            data = json.loads(text)
            cells, indices = [], []
            for index, cell in enumerate(data["cells"]):
                if cell.get("cell_type") != "code":
                    continue
                source = cell.get("source", "")
                cells.append("".join(source) if isinstance(source, list) else str(source))
                indices.append(index)
        except RecursionError as exc:  # json recurses per nesting level
            raise NotebookError("JSON nested too deeply") from exc
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise NotebookError(str(exc)) from exc
        return cls(cells, indices)

    @property
    def starts(self) -> list[int]:
        starts, line = [], 0
        for cell in self.cells:
            starts.append(line)
            line += count_breaks(cell) + 1
        return starts

    @property
    def source(self) -> str:
        return "\n".join(blank_magics(c) for c in self.cells)

    def _unshift(self, cell: int, span: Span) -> Span:
        """Columns of the cell's own text (IPython dedents a cell whose first line is indented)."""
        shifts = to_python(self.cells[cell]).shifts
        if not any(shifts):
            return span

        def at(line: int) -> int:
            return shifts[line] if line < len(shifts) else 0

        return Span(
            span.line,
            span.column + at(span.line),
            span.end_line,
            span.end_column + at(span.end_line),
        )

    def cell_of(self, line: int) -> int:
        starts = self.starts
        for index in range(len(starts) - 1, -1, -1):
            if line >= starts[index]:
                return index
        return 0

    def span_to_cell(self, span: Span) -> tuple[int, Span] | None:
        cell = self.cell_of(span.line)
        start = self.starts[cell]
        if self.cell_of(span.end_line) != cell:
            return None
        return cell, Span(span.line - start, span.column, span.end_line - start, span.end_column)

    def to_cell(self, finding: Finding) -> tuple[int | None, Finding]:
        """The finding relative to its cell, and that cell's index in the notebook (None if it straddles cells)."""
        placed = self.span_to_cell(finding.span)
        if placed is None:
            return None, finding
        cell, span = placed
        span = self._unshift(cell, span)
        fixes = []
        for fix in finding.fixes:
            edits = []
            for edit in fix.edits:
                moved = self.span_to_cell(edit.span)
                if moved is not None and moved[0] == cell:
                    edits.append(TextEdit(self._unshift(cell, moved[1]), edit.new_text))
            if len(edits) == len(fix.edits):
                fixes.append(replace(fix, edits=tuple(edits)))
        related = []
        for item in finding.related:
            placed_item = self.span_to_cell(item.span)
            if placed_item is not None:
                where = self._unshift(placed_item[0], placed_item[1])
                related.append(replace(item, span=where, cell=self.indices[placed_item[0]]))
        return self.indices[cell], replace(
            finding, span=span, fixes=tuple(fixes), related=tuple(related)
        )
