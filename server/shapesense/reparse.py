"""Parsing a new version of a text, keeping the statement nodes of the lines that did not change.

A top-level statement whose lines are identical and in the same place parses to the same tree,
so its old node is kept: `replay.py` recognises unchanged statements by node identity. Only the
piece of text the edit touches is parsed again, from the first statement it touches to the last
(to the end of the file when lines were added or removed, since everything after moved).

This rests on one property of Python's grammar: text before a complete top-level statement
does not change how that statement parses, nor where the first syntax error after it is found.
So the piece is parsed behind blank lines (which keep its line numbers), and a syntax error in
it is repaired there, line by line, as `SourceText.parse` repairs a whole file. When that cannot
be shown to give the same result (an error found outside the piece), the whole text is parsed,
and the old nodes are kept for the statements outside the edit. `tests/test_incremental.py`
compares both ways on random edits.
"""

from __future__ import annotations

import ast
import bisect
import warnings

from .source import (
    MAX_RECOVERY_TRIES,
    Parsed,
    SourceText,
    error_line,
    node_lines,
    repair_line,
)


def parse_reusing(previous: tuple[SourceText, Parsed] | None, source: SourceText) -> Parsed:
    """`source` parsed as `source.parse()` would, reusing `previous` (a version that parsed)."""
    new_lines = source.parse_lines()
    if previous is None or previous[1].error:
        return source.parse()
    old_lines = previous[0].parse_lines()
    old = previous[1]
    lo = _common_prefix(old_lines, new_lines)
    tail = _common_suffix(old_lines, new_lines, min(len(old_lines), len(new_lines)) - lo)
    delta = len(new_lines) - len(old_lines)
    body = old.tree.body
    start, end = _piece(body, lo, len(old_lines) - tail, len(old_lines), delta)
    parsed = _parse_piece(new_lines, start, end + delta)
    if parsed is not None:
        before = [stmt for stmt in body if node_lines(stmt)[1] < start]
        after = [stmt for stmt in body if node_lines(stmt)[0] >= end]
        parsed.tree.body = [*before, *parsed.tree.body, *after]
        return parsed
    parsed = source.parse()
    _keep_unchanged(old, parsed, lo, len(new_lines) - tail, delta)
    return parsed


def _piece(body: list[ast.stmt], lo: int, hi: int, length: int, delta: int) -> tuple[int, int]:
    """Old lines [start, end) to parse again: the edited lines [lo, hi) and the statements that
    share a line with them; to the end when lines were added or removed."""
    start, end = lo, hi if delta == 0 else length
    ranges = [node_lines(stmt) for stmt in body]
    changed = True
    while changed:
        changed = False
        for first, last in ranges:
            inside = first < max(end, start + 1) and last >= start
            if inside and (first < start or last + 1 > end):
                start, end = min(start, first), max(end, last + 1)
                changed = True
    return start, end


def _parse_piece(lines: list[str], start: int, end: int) -> Parsed | None:
    """New lines [start, end) parsed, with syntax errors repaired as a whole-file parse would."""
    lines = list(lines)
    first_error: SyntaxError | None = None
    repaired: set[int] = set()
    for _ in range(MAX_RECOVERY_TRIES):
        tree = _parse("\n" * start + "\n".join(lines[start:end]))
        if isinstance(tree, ast.Module):
            if any(isinstance(s, ast.ImportFrom) and s.module == "__future__" for s in tree.body):
                return None  # only the whole file can say whether it comes first
            return Parsed(tree, first_error, frozenset(repaired))
        # Where does the text from the piece on first fail? Inside the piece: repair it there.
        error = _parse("\n" * start + "\n".join(lines[start:]))
        if not isinstance(error, SyntaxError) or error.lineno is None:
            return None
        bad = error_line(error)
        if not start <= bad < end or not lines[bad].strip():
            return None
        first_error = first_error or error
        repaired.add(bad)
        lines[bad] = repair_line(lines, bad)
    return None


def _parse(text: str) -> ast.Module | SyntaxError | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text)
    except SyntaxError as exc:
        return exc
    except (RecursionError, MemoryError, ValueError):
        return None


def _keep_unchanged(old: Parsed, new: Parsed, lo: int, new_end: int, delta: int) -> None:
    """In a fresh parse, put back the old node of each statement whose lines are untouched."""
    old_by_place = {_place(stmt): stmt for stmt in old.tree.body}
    repaired = sorted(new.repaired)
    for index, stmt in enumerate(new.tree.body):
        first, last = node_lines(stmt)
        unmoved = last < lo or (delta == 0 and first >= new_end)
        if not unmoved or _any_within(repaired, first, last):
            continue
        previous = old_by_place.get(_place(stmt))
        if previous is not None and type(previous) is type(stmt):
            new.tree.body[index] = previous


def _any_within(sorted_lines: list[int], first: int, last: int) -> bool:
    at = bisect.bisect_left(sorted_lines, first)
    return at < len(sorted_lines) and sorted_lines[at] <= last


def _place(stmt: ast.stmt) -> tuple[int, ...]:
    return (*node_lines(stmt), stmt.col_offset, stmt.end_col_offset or 0)


def _common_prefix(a: list[str], b: list[str]) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: list[str], b: list[str], limit: int) -> int:
    i = 0
    while i < limit and a[-1 - i] == b[-1 - i]:
        i += 1
    return i
