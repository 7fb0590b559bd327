"""`--diff` / `--fix` for notebooks: fixes found in the program the code cells make are applied
to the cells' own text, then written back into the notebook's JSON. Only the changed cells'
`source` changes; outputs, metadata and the file's JSON layout (indent, escaping, key order,
final newline) stay as read whenever re-encoding the unchanged file reproduces it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .findings import Finding, Fix, TextEdit
from .fixing import apply_edits, fixed
from .lines import split_lines_keepends
from .notebooks import Notebook


def _cell_fix(notebook: Notebook, fix: Fix) -> dict[int, Fix] | None:
    """The fix's edits grouped by code cell, in each cell's own coordinates (None when an edit
    straddles two cells)."""
    per_cell: dict[int, list[TextEdit]] = {}
    for edit in fix.edits:
        placed = notebook.span_to_cell(edit.span)
        if placed is None:
            return None
        cell, span = placed
        per_cell.setdefault(cell, []).append(TextEdit(notebook._unshift(cell, span), edit.new_text))
    return {cell: replace(fix, edits=tuple(edits)) for cell, edits in per_cell.items()}


def fixed_cells(
    notebook: Notebook, analyse: Callable[[str], list[Finding]]
) -> tuple[list[str], int]:
    """The code cells with every fix that verifiably helps applied, and how many were."""

    def apply(cells: list[str], fix: Fix) -> list[str] | None:
        grouped = _cell_fix(Notebook(cells, notebook.indices), fix)
        if grouped is None:
            return None
        new = list(cells)
        for cell, cell_fix in grouped.items():
            new[cell] = apply_edits(new[cell], cell_fix)
        return new

    def findings(cells: list[str]) -> list[Finding]:
        return analyse(Notebook(cells, notebook.indices).source)

    return fixed(list(notebook.cells), findings, apply)


def _indent(text: str) -> int | None:
    match = re.search(r"^[{\[]\r?\n([ ]*)\S", text)
    return len(match.group(1)) if match else None


def _encoder(text: str, data: Any) -> Callable[[Any], str]:
    """How to write `data` back so that the unchanged notebook comes out byte for byte as read."""
    indent = _indent(text)
    trailing = text[len(text.rstrip()) :]
    for ensure_ascii in (False, True):
        for separators in ((",", ": "), (", ", ": ")) if indent is not None else ((", ", ": "),):

            def encode(value: Any, a: bool = ensure_ascii, s: tuple[str, str] = separators) -> str:
                return json.dumps(value, indent=indent, ensure_ascii=a, separators=s) + trailing

            if encode(data) == text:
                return encode
    return lambda value: json.dumps(value, indent=indent, ensure_ascii=False) + trailing


def fixed_notebook(text: str, analyse: Callable[[str], list[Finding]]) -> tuple[str, int]:
    """The notebook's JSON text with the verified fixes applied, and how many were."""
    notebook = Notebook.from_json(text)
    cells, applied = fixed_cells(notebook, analyse)
    if not applied:
        return text, 0
    data = json.loads(text)
    encode = _encoder(text, data)
    for index, old, new in zip(notebook.indices, notebook.cells, cells, strict=True):
        if new == old:
            continue
        cell = data["cells"][index]
        cell["source"] = split_lines_keepends(new) if isinstance(cell["source"], list) else new
    return encode(data), applied
