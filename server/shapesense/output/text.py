"""Text for people: `full` (the finding, Keras's words, the fixes) and `concise` (one line each).

On a terminal the severity is coloured and the code is a link (OSC 8) to its rule page;
NO_COLOR turns colour off and FORCE_COLOR on (https://no-color.org, https://force-color.org).
"""

from __future__ import annotations

import os
from typing import IO

from ..findings import Finding, Related
from ..rules import rule_url
from .results import FileResult, Place, Run

COLORS = {"error": "31", "warning": "33", "information": "36", "hint": "2"}


def use_color(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def _link(code: str, on: bool) -> str:
    return f"\x1b]8;;{rule_url(code)}\x1b\\{code}\x1b]8;;\x1b\\" if on else code


def _head(result: FileResult, finding: Finding, place: Place, on: bool) -> str:
    where = f"{result.path}:{place.line}:{place.column}:"
    cell = f"[cell {place.cell}] " if place.cell is not None else ""
    severity = _paint(finding.severity, COLORS[finding.severity], on)
    return f"{_paint(where, '1', on)} {severity} {_link(finding.code, on)} {cell}"


def _fix_line(result: FileResult, finding: Finding, index: int) -> str:
    fix = finding.fixes[index]
    own = result.place(finding.span)
    cells = sorted(
        {p.cell for e in fix.edits if (p := result.place(e.span)) and p.cell is not None}
    )
    if own is not None and cells and cells != [own.cell]:
        return f"    fix (edits cell {', '.join(map(str, cells))}): {fix.title}"
    return f"    fix: {fix.title}"


def _related_line(result: FileResult, item: Related) -> str:
    """A place the message names (messages carry no line numbers)."""
    place = result.place(item.span)
    if place is None:
        return f"    see: {item.message}"
    if place.cell is not None:
        return f"    see {result.path}:cell {place.cell} line {place.line}: {item.message}"
    return f"    see {result.path}:{place.line}:{place.column}: {item.message}"


def summary(run: Run) -> str:
    files, errors = len(run.results), run.errors
    others = run.findings - errors
    return (
        f"Checked {files} file{'s' * (files != 1)}: {errors} error{'s' * (errors != 1)}, "
        f"{others} other finding{'s' * (others != 1)}."
    )


def full(run: Run) -> str:
    lines = []
    for result in run.results:
        for finding, place in result.placed():
            lines.append(_head(result, finding, place, run.color) + finding.message)
            if finding.keras_message:
                lines.append(f"    Keras: {finding.keras_message}")
            lines += [_related_line(result, item) for item in finding.related]
            lines += [_fix_line(result, finding, i) for i in range(len(finding.fixes))]
    lines.append(summary(run))
    return "\n".join(lines)


def concise(run: Run) -> str:
    lines = []
    for result in run.results:
        for finding, place in result.placed():
            first = finding.message.splitlines()[0] if finding.message else ""
            lines.append(_head(result, finding, place, run.color) + first)
    lines.append(summary(run))
    return "\n".join(lines)
