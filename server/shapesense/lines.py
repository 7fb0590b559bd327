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
