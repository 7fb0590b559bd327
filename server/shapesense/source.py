"""Parsing source text, including half-typed text, and mapping AST positions to spans."""

from __future__ import annotations

import ast
import functools
import re
import warnings
from dataclasses import dataclass, field

from .findings import Span
from .lines import LINE_BREAK, LineMap, split_lines

MAX_RECOVERY_TRIES = 25
# Span(line, column, end_line, end_column) without the named tuple's Python-level __new__:
# a span is made for most nodes the analysis meets.
_new_span = functools.partial(tuple.__new__, Span)


@dataclass
class Parsed:
    tree: ast.Module
    error: SyntaxError | None  # the first syntax error, if the text had to be repaired
    repaired: frozenset[int] = frozenset()  # 0-based lines the repair changed or dropped
    # Statements kept from earlier versions carry the lines they were parsed at (reparse.py):
    # where the tree's lines are in this text (None: the tree's lines are the text's).
    lines: LineMap | None = None
    next_virtual: int = 0  # above every line number the tree has had: new pieces go there
    # Each top-level statement's first and last line in the text, once made (reparse.text_ranges)
    ranges: list[tuple[int, int]] | None = field(default=None, compare=False, repr=False)


_MISSING_BLOCK = re.compile(r"expected an indented block after .* on line (\d+)")


def error_line(error: SyntaxError) -> int:
    """The 0-based line recovery repairs: where the error is, or, for a header still without
    its body (`if x:` followed by an unindented line), the header itself."""
    missing = _MISSING_BLOCK.search(error.msg or "")
    return int(missing.group(1)) - 1 if missing else (error.lineno or 1) - 1


def repair_line(lines: list[str], bad: int) -> str:
    """What recovery puts in place of line `bad`, which has a syntax error: a block header whose
    body follows (indented deeper) becomes `if True:`, so the body still parses; any other line
    (`x = X[:`, `d = {"a":` also end with a colon) becomes `pass`."""
    line = lines[bad]
    indent = line[: len(line) - len(line.lstrip())]
    body = next((text for text in lines[bad + 1 :] if text.strip()), "")
    header = line.rstrip().endswith(":") and len(body) - len(body.lstrip()) > len(indent)
    return indent + ("if True:" if header else "pass")


def node_lines(node: ast.AST) -> tuple[int, int]:
    """A statement's first and last line, 0-based, decorators included."""
    first = getattr(node, "lineno", 1)
    for decorator in getattr(node, "decorator_list", ()):
        first = min(first, decorator.lineno)
    return first - 1, (getattr(node, "end_lineno", None) or first) - 1


class SourceText:
    def __init__(self, text: str) -> None:
        # A BOM is not Python; drop it, and shift the first line's columns back by one.
        self.bom = text.startswith("\ufeff")
        self.text = text[1:] if self.bom else text  # what is parsed
        self._split: list[str] | None = None
        if self.bom:
            self.lines = split_lines(text)  # the user's text: spans and edits index into it
            self._parsed_lines = split_lines(self.text)
        else:  # one split of the text, kept for parse_lines()
            # Without a \r every line ends at \n: str.split does it several times faster
            split = text.split("\n") if "\r" not in text else LINE_BREAK.split(text)
            self._split = split
            self.lines = self._parsed_lines = split[:-1] if split[-1] == "" else split[:]
        ascii_text = self.text.isascii()
        # most files: ASCII without a BOM, where ast's byte offsets are the spans' columns
        self._plain = ascii_text and not self.bom
        if ascii_text:  # no line to look at one by one
            self._ascii = [True] * len(self._parsed_lines)
        else:
            self._ascii = [line.isascii() for line in self._parsed_lines]
        # Set while statements parsed at other lines are interpreted (LineMap): spans made
        # from nodes are then in the nodes' (virtual) lines, and text is read where it is now.
        self.map: LineMap | None = None

    def line_of(self, line: int) -> int:
        """The line of the current text a span's (possibly virtual) line is at."""
        return line if self.map is None else self.map.line(line)

    def statement_text(self, node: ast.AST) -> str:
        """The parsed text of a statement's lines."""
        first, last = node_lines(node)
        start = self.line_of(first)
        return "\n".join(self.parse_lines()[start : start + last - first + 1])

    def parse_lines(self) -> list[str]:
        """The parsed text split the way ast numbers lines (`lines.py`), a last empty line included."""
        if self._split is None:
            text = self.text
            self._split = text.split("\n") if "\r" not in text else LINE_BREAK.split(text)
        return self._split

    def column(self, line: int, byte_col: int) -> int:
        """ast gives UTF-8 byte offsets; spans use code points."""
        if line >= len(self._parsed_lines) or self._ascii[line]:
            return byte_col
        return len(
            self._parsed_lines[line].encode("utf-8")[:byte_col].decode("utf-8", errors="ignore")
        )

    def span(self, node: ast.AST) -> Span:
        line = node.lineno - 1  # type: ignore[attr-defined]
        end_line = (node.end_lineno or node.lineno) - 1  # type: ignore[attr-defined]
        start = node.col_offset  # type: ignore[attr-defined]
        end = node.end_col_offset if node.end_col_offset is not None else start  # type: ignore[attr-defined]
        if self._plain:
            return _new_span((line, start, end_line, end))
        ascii_lines = self._ascii  # most lines: byte offsets are the columns
        first, last = line, end_line
        if self.map is not None:
            first, last = self.map.line(line), self.map.line(end_line)
        if first >= len(ascii_lines) or not ascii_lines[first] or self.bom:
            start = self.column(first, start) + (self.bom and first == 0)
        if last >= len(ascii_lines) or not ascii_lines[last] or self.bom:
            end = self.column(last, end) + (self.bom and last == 0)
        return _new_span((line, start, end_line, end))

    def segment(self, node: ast.AST, limit: int = 60) -> str:
        span = self.span(node)
        line = self.line_of(span.line)
        if span.line == span.end_line and line < len(self.lines):
            text = self.lines[line][span.column : span.end_column]
        else:
            text = ast.unparse(node) if hasattr(ast, "unparse") else "..."
        return text if len(text) <= limit else text[: limit - 1] + "…"

    def text_of(self, span: Span) -> str:
        line = self.line_of(span.line)
        end_line = line + span.end_line - span.line
        if line == end_line:
            return self.lines[line][span.column : span.end_column]
        parts = [self.lines[line][span.column :]]
        parts += self.lines[line + 1 : end_line]
        parts.append(self.lines[end_line][: span.end_column])
        return "\n".join(parts)

    def parse(self) -> Parsed:
        """Parse; on a syntax error, blank the offending line and retry, so the rest is analysed."""
        lines = list(self.parse_lines())  # joined with \n: the same lines and columns for ast
        first: SyntaxError | None = None
        repaired: set[int] = set()
        for index, line in enumerate(lines if "\0" in self.text else ()):
            if "\0" in line:  # Python refuses the file; check the rest: the line up to the NUL
                first = first or SyntaxError(
                    "source code cannot contain null bytes",
                    ("<unknown>", index + 1, line.index("\0") + 1, line),
                )
                repaired.add(index)
                lines[index] = line[: line.index("\0")]
        for _ in range(MAX_RECOVERY_TRIES):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    return Parsed(ast.parse("\n".join(lines)), first, frozenset(repaired))
            except SyntaxError as exc:
                first = first or exc
                bad = error_line(exc)
                if not 0 <= bad < len(lines) or not lines[bad].strip():
                    break
                repaired.add(bad)
                lines[bad] = repair_line(lines, bad)
            except (RecursionError, MemoryError, ValueError) as exc:
                first = first or SyntaxError(f"cannot parse: {type(exc).__name__}")
                break
        # Last resort: keep what came before the first error.
        if first is not None and first.lineno:
            head = self.parse_lines()[: first.lineno - 1]
            for cut in range(len(head), -1, -1):
                try:
                    dropped = frozenset(range(cut, len(lines)))
                    return Parsed(ast.parse("\n".join(head[:cut])), first, dropped)
                except (SyntaxError, RecursionError, MemoryError, ValueError):
                    continue
        return Parsed(ast.Module(body=[], type_ignores=[]), first, frozenset(range(len(lines))))
