"""IPython cell syntax made into Python that parses, line for line and column for column.

Follows IPython's own input transformations (IPython.core.inputtransformer2, reimplemented
here; IPython is not a dependency): a `%%` cell magic; a first line indented (the cell is
dedented by that prefix); and, found by tokens on logical lines (so never inside strings or
open brackets), `x = %magic`, `x = !cmd`, escaped lines (`%`, `!`, `!!`, `?`, `??`, `,`, `;`,
`/`) and `obj?` / `obj??`, each continued over lines ending in a backslash.

Each rewrite keeps the cell's line count, and keeps every column left of the IPython syntax:
an assignment keeps its target and gets the unknown value `get_ipython()`; a command becomes
`pass` at its own indentation; the lines it continued over become empty. Only the dedent
moves columns, and `Cell.shifts` says by how much on each line.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Callable
from dataclasses import dataclass

from .lines import LINE_BREAK

ESCAPE_SINGLES = {"!", "?", "%", ",", ";", "/"}
UNKNOWN_VALUE = "get_ipython()"  # what IPython itself calls; a name the analysis cannot know
MAX_REWRITES = 500  # IPython's TRANSFORM_LOOP_LIMIT
_INDENT = re.compile(r"[ \t]+")
_HELP_END = re.compile(r"(%{0,2}[a-zA-Z_*][\w*]*(\.[a-zA-Z_*][\w*]*)*)(\?\??)$")


@dataclass(frozen=True)
class Cell:
    python: str  # the cell as Python, with as many lines as the cell
    shifts: tuple[int, ...]  # per line: columns the dedent removed (add them back for the cell)


def _join(lines: list[str], ends: list[str]) -> str:
    return "".join(line + end for line, end in zip(lines, [*ends, ""], strict=True))


def to_python(code: str) -> Cell:
    lines = LINE_BREAK.split(code)  # the cell's own line breaks are kept (lines.py)
    ends = LINE_BREAK.findall(code)
    if lines[0].startswith("%%"):
        return Cell(_join(["" for _ in lines], ends), (0,) * len(lines))
    shifts = [0] * len(lines)
    indent = _INDENT.match(lines[0])
    if indent:
        prefix = indent.group(0)
        for i, line in enumerate(lines):
            if line.startswith(prefix):
                lines[i] = line[len(prefix) :]
                shifts[i] = len(prefix)
    for _ in range(MAX_REWRITES):
        if not _rewrite_first(lines):
            break
    return Cell(_join(lines, ends), tuple(shifts))


def _rewrite_first(lines: list[str]) -> bool:
    """Rewrite the earliest piece of IPython syntax in place, as IPython picks it; False when
    there is none (or none that IPython would accept)."""
    found: list[Candidate] = []
    for logical in _logical_lines(lines):
        found.extend(_candidates(logical))
    for _row, _col, _priority, rewrite in sorted(found, key=lambda c: c[:3]):
        if rewrite(lines):
            return True
    return False


def _logical_lines(lines: list[str]) -> list[list[tokenize.TokenInfo]]:
    """Tokens grouped by logical line: a newline inside open brackets does not end one."""
    readline = io.StringIO("".join(line + "\n" for line in lines)).readline
    groups: list[list[tokenize.TokenInfo]] = [[]]
    depth = 0
    try:
        for token in tokenize.generate_tokens(readline):
            groups[-1].append(token)
            if token.type == tokenize.NEWLINE or (token.type == tokenize.NL and depth <= 0):
                groups.append([])
            elif token.string in "([{" and token.type == tokenize.OP:
                depth += 1
            elif token.string in ")]}" and token.type == tokenize.OP and depth > 0:
                depth -= 1
    except (tokenize.TokenError, SyntaxError):
        pass  # the cell ends inside a bracket or string, or a later token is not Python
    return [g for g in groups if g]


Rewrite = Callable[[list[str]], bool]  # False: IPython would not take it (a SyntaxError there)
Candidate = tuple[int, int, int, Rewrite]  # row, column, priority (lower first), the rewrite


def _candidates(line: list[tokenize.TokenInfo]) -> list[Candidate]:
    out: list[Candidate] = []
    assign = _assign_index(line)
    if assign is not None and len(line) > assign + 2:
        after = line[assign + 1]
        if after.string == "%" and line[assign + 2].type == tokenize.NAME:
            out.append((*after.start, 10, _assignment(after.start)))
    if assign is not None and not line[assign].line.strip().startswith("="):
        for token in line[assign + 1 :]:
            if token.string == "!":
                out.append((*token.start, 10, _assignment(token.start)))
                break
            if token.type != tokenize.ERRORTOKEN or not token.string.isspace():
                break
    first = next((t for t in line if t.type not in (tokenize.INDENT, tokenize.DEDENT)), None)
    if first is not None and first.string in ESCAPE_SINGLES:
        out.append((*first.start, 10, _command(first.start)))
    if len(line) > 2 and line[-2].string == "?" and first is not None:
        out.append((*first.start, 5, _help(first.start, line[-2].start)))
    return out


def _assign_index(line: list[tokenize.TokenInfo]) -> int | None:
    """The first `=` outside brackets (IPython: no chained special assignment)."""
    depth = 0
    for i, token in enumerate(line):
        if token.string == "=" and depth == 0:
            return i
        if token.string in ("(", "[", "{"):
            depth += 1
        elif token.string in (")", "]", "}") and depth > 0:
            depth -= 1
    return None


def _continued_end(lines: list[str], row: int) -> int:
    while row < len(lines) - 1 and lines[row].endswith("\\"):
        row += 1
    return row


def _replace(lines: list[str], row: int, end: int, text: str) -> None:
    lines[row] = text
    for i in range(row + 1, end + 1):
        lines[i] = ""


def _assignment(start: tuple[int, int]) -> Rewrite:
    row, col = start[0] - 1, start[1]

    def rewrite(lines: list[str]) -> bool:
        _replace(lines, row, _continued_end(lines, row), lines[row][:col] + UNKNOWN_VALUE)
        return True

    return rewrite


def _command(start: tuple[int, int]) -> Rewrite:
    row, col = start[0] - 1, start[1]

    def rewrite(lines: list[str]) -> bool:
        _replace(lines, row, _continued_end(lines, row), lines[row][:col] + "pass")
        return True

    return rewrite


def _help(start: tuple[int, int], question: tuple[int, int]) -> Rewrite:
    row, col = start[0] - 1, start[1]
    q_row = question[0] - 1

    def rewrite(lines: list[str]) -> bool:
        content = "\n".join(lines[row : q_row + 1])[col:]
        if not _HELP_END.search(content):
            return False  # IPython raises SyntaxError here and tries the next candidate
        _replace(lines, row, q_row, lines[row][:col] + "pass")
        return True

    return rewrite
