"""Parsing a new version of a text, keeping the statement nodes of the lines that did not change.

A top-level statement whose lines are identical parses to the same tree, so its old node is
kept: `replay.py` recognises unchanged statements by node identity. Only the piece of text the
edit touches is parsed again, from the first statement it touches to the last.

When lines were added or removed, the statements below the edit moved. Their nodes are kept
with the line numbers they were parsed at, their *virtual* lines: what was recorded of them
(journals, values, findings) stays valid, and the analysis maps virtual lines to the text's
when it assembles its result (`Parsed.lines`, `source.LineMap`). A piece parsed again is
numbered from `Parsed.next_virtual`, above every number in use, so two statements never share a
virtual line; an in-line edit of lines numbered in one run keeps their numbers.

This rests on one property of Python's grammar: text before a complete top-level statement
does not change how that statement parses, nor where the first syntax error after it is found.
So the piece is parsed behind blank lines (which keep its line numbers), and a syntax error in
it is repaired there, line by line, as `SourceText.parse` repairs a whole file. When that cannot
be shown to give the same result (an error found outside the piece), the whole text is parsed,
and the old nodes are kept for the statements above the edit. `tests/test_incremental.py`
compares both ways on random edits.
"""

from __future__ import annotations

import ast
import bisect
import warnings

from .source import (
    MAX_RECOVERY_TRIES,
    LineMap,
    Parsed,
    SourceText,
    error_line,
    node_lines,
    repair_line,
)


def parse_reusing(previous: tuple[SourceText, Parsed] | None, source: SourceText) -> Parsed:
    """`source` parsed as `source.parse()` would (in virtual lines: `Parsed.lines`), reusing
    `previous` (a version that parsed)."""
    new_lines = source.parse_lines()
    if previous is None or previous[1].error:
        parsed = source.parse()
        parsed.next_virtual = len(new_lines)
        return parsed
    old_lines = previous[0].parse_lines()
    old = previous[1]
    lo = _common_prefix(old_lines, new_lines)
    tail = _common_suffix(old_lines, new_lines, min(len(old_lines), len(new_lines)) - lo)
    delta = len(new_lines) - len(old_lines)
    body = old.tree.body
    ranges = text_ranges(old)
    start, end = _piece(ranges, lo, len(old_lines) - tail)
    piece = _parse_piece(new_lines, start, end + delta)
    if piece is not None:
        # The statements around the piece keep their text lines, those below moved by delta:
        # only the piece's are looked up (a 2,000-line text has ~700 statements).
        above = bisect.bisect_left(ranges, start, key=_last)  # those ending above the piece
        below = bisect.bisect_left(ranges, end, key=_first)  # those starting below it
        before, after = body[:above], body[below:]
        piece.next_virtual = max(old.next_virtual, len(new_lines))
        _number(piece, old, len(old_lines), start, end, delta)
        moved = ranges[below:]
        if delta:
            moved = [(first + delta, last + delta) for first, last in moved]
        piece.ranges = [
            *ranges[:above],
            *(_text_lines(stmt, piece.lines) for stmt in piece.tree.body),
            *moved,
        ]
        piece.tree.body = [*before, *piece.tree.body, *after]
        return piece
    parsed = source.parse()
    parsed.next_virtual = max(old.next_virtual, len(new_lines))
    if old.lines is None and delta == 0:
        _keep_unchanged(old, parsed, lo, len(new_lines) - tail, delta)
    else:
        _keep_above(old, ranges, parsed, lo, len(new_lines))
    return parsed


def text_ranges(parsed: Parsed) -> list[tuple[int, int]]:
    """Each top-level statement's first and last line in the text, made once per version: the
    analysis reads their first lines (suppressions), the next version's parse all of them."""
    if parsed.ranges is None:
        parsed.ranges = [_text_lines(stmt, parsed.lines) for stmt in parsed.tree.body]
    return parsed.ranges


def _text_lines(stmt: ast.stmt, lines: LineMap | None) -> tuple[int, int]:
    """A statement's first and last line in the text it was kept for."""
    first, last = node_lines(stmt)
    if lines is None:
        return first, last
    at = lines.line(first)
    return at, at + last - first


def _piece(ranges: list[tuple[int, int]], lo: int, hi: int) -> tuple[int, int]:
    """Old lines [start, end) to parse again: the edited lines [lo, hi) and the statements
    (`ranges`: their first and last lines) that share a line with them. Lines only inserted
    (lo == hi: Enter, a pasted line) are parsed alone unless a statement spans the place:
    the statement below them is kept, as complete statements before it do not change it."""
    start, end = lo, hi
    while True:
        # In the text's order both lines only grow: the statements sharing a line with
        # [start, end) are those from the first ending at or below start to the last
        # starting above end. Statements sharing one line (`a = 1; b = 2`) widen it again.
        first = bisect.bisect_left(ranges, start, key=_last)
        stop = bisect.bisect_left(ranges, end, key=_first)
        if first >= stop:
            return start, end
        wider = min(start, ranges[first][0]), max(end, ranges[stop - 1][1] + 1)
        if wider == (start, end):
            return start, end
        start, end = wider


def _first(lines: tuple[int, int]) -> int:
    return lines[0]


def _last(lines: tuple[int, int]) -> int:
    return lines[1]


def _number(parsed: Parsed, old: Parsed, old_count: int, start: int, end: int, delta: int) -> None:
    """Number the new piece (text lines [start, end + delta), parsed at those lines) in virtual
    lines: where it was parsed if no line ever moved, in the old piece's numbers if those were
    one run and no line moved now, else in new numbers."""
    if old.lines is None and delta == 0:
        return
    old_virtual = old.lines.virtual if old.lines is not None else list(range(old_count))
    run = old_virtual[start:end]
    size = end + delta - start
    if delta == 0 and run and run == list(range(run[0], run[0] + len(run))):
        base = run[0]
    else:
        base = parsed.next_virtual
        parsed.next_virtual += size
    if base != start:
        for stmt in parsed.tree.body:
            ast.increment_lineno(stmt, base - start)
    virtual = old_virtual[:start] + list(range(base, base + size)) + old_virtual[end:]
    parsed.lines = None if _identity(virtual) else LineMap(virtual)


def _keep_above(
    old: Parsed, ranges: list[tuple[int, int]], new: Parsed, lo: int, count: int
) -> None:
    """In a fresh parse, put back the old node of each statement above the edit, up to the
    first that cannot be kept, and number the statements from there in new virtual lines."""
    old_by_place: dict[tuple[int, ...], ast.stmt] = {
        (*lines, stmt.col_offset, stmt.end_col_offset or 0): stmt
        for stmt, lines in zip(old.tree.body, ranges, strict=True)
    }
    repaired = sorted(new.repaired)
    body = new.tree.body
    kept = 0
    for index, stmt in enumerate(body):
        first, last = node_lines(stmt)
        if last >= lo or _any_within(repaired, first, last):
            break
        previous = old_by_place.get(_place(stmt))
        if previous is None or type(previous) is not type(stmt):
            break
        body[index] = previous
        kept += 1
    fresh = min(lo, node_lines(body[kept])[0]) if kept < len(body) else lo
    if old.lines is None or _identity(old.lines.virtual[:fresh]):
        return  # the kept statements were parsed where they are: the tree's lines are the text's
    base = new.next_virtual
    for stmt in body[kept:]:
        ast.increment_lineno(stmt, base - fresh)
    new.next_virtual = base + count - fresh
    new.lines = LineMap(old.lines.virtual[:fresh] + list(range(base, base + count - fresh)))


def _identity(virtual: list[int]) -> bool:
    return not virtual or (
        virtual[0] == 0 and virtual[-1] == len(virtual) - 1 and virtual == list(range(len(virtual)))
    )


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


# Lines compared a run at a time (list equality runs in C): one key of a 2,000-line text
# compared ~30 runs, not 2,000 lines; a run that differs is halved down to the first line.
_RUN = 64


def _common_prefix(a: list[str], b: list[str]) -> int:
    n = min(len(a), len(b))
    i, step = 0, _RUN
    while step:
        j = min(i + step, n)
        if j > i and a[i:j] == b[i:j]:
            i = j
        else:
            step //= 2
    return i


def _common_suffix(a: list[str], b: list[str], limit: int) -> int:
    """How many last lines are equal, at most `limit`."""
    i, step, la, lb = 0, _RUN, len(a), len(b)
    while step:
        j = min(i + step, limit)
        if j > i and a[la - j : la - i] == b[lb - j : lb - i]:
            i = j
        else:
            step //= 2
    return i
