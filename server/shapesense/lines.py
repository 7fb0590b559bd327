"""Where a line ends: at `\\n`, `\\r\\n` or `\\r`, and nowhere else, in every part of ShapeSense.

That is the rule of LSP (positions count lines so) and of Python's tokenizer (ast numbers lines
so). `str.splitlines` also breaks at `\\v`, `\\f`, `\\x1c`-`\\x1e`, `\\x85`, `\\u2028` and `\\u2029`:
one of those in a comment or a string would shift every position below it, so it is not used.
"""

from __future__ import annotations

import re

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_WITH_END = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def split_lines(text: str) -> list[str]:
    """The lines without their ends; like `str.splitlines()` (no empty line after a final break)."""
    lines = LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()
    return lines


def split_lines_keepends(text: str) -> list[str]:
    """The lines with their ends; like `str.splitlines(keepends=True)`."""
    return _LINE_WITH_END.findall(text)


def count_breaks(text: str) -> int:
    return len(LINE_BREAK.findall(text))


class LineMap:
    """Where the lines that statement nodes were parsed at are in the current text.

    An edit that adds or removes lines moves every statement below it; their nodes are kept
    with the line numbers they were parsed at (their *virtual* lines, `reparse.py`), so what
    was recorded of them (spans in journals, findings, values) stays valid and is replayed.
    `virtual[i]` is the virtual number of line i of the current text; `line(v)` the inverse.
    A result carries its map (`Analysis.lines`) to the language server: pickled as `virtual`."""

    def __init__(self, virtual: list[int]) -> None:
        self.virtual = virtual
        self._lines: dict[int, int] | None = None  # line()'s table, made when first asked

    @property
    def lines(self) -> dict[int, int]:
        """Virtual line -> line of the text."""
        if self._lines is None:
            self._lines = {number: line for line, number in enumerate(self.virtual)}
        return self._lines

    def __getstate__(self) -> list[int]:
        return self.virtual

    def __setstate__(self, state: list[int]) -> None:
        self.virtual, self._lines = state, None

    def at(self, line: int) -> int:
        """The virtual number of `line` of the current text (past its end: past the last)."""
        if line < len(self.virtual):
            return self.virtual[line]
        return self.virtual[-1] + 1 + line - len(self.virtual) if self.virtual else line

    def line(self, virtual: int) -> int:
        lines = self.lines
        line = lines.get(virtual)
        if line is not None:
            return line
        before = lines.get(virtual - 1)  # just past the last line of a run of lines
        return virtual if before is None else before + 1
