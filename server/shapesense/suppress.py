"""Suppression comments, applied to the findings after analysis (so the CLI and the server agree).

    x = model.fit(bad)  # shapesense: ignore[SS102]     one code (or several: [SS102, SS201])
    x = model.fit(bad)  # shapesense: ignore            every code on this line
    x = model.fit(bad)  # noqa: SS102                   flake8/ruff style; a bare `# noqa` too
    # shapesense: ignore-file                           anywhere in the file: nothing reported

A comment counts for findings that start or end on its line; at the end of a statement that
spans several lines, for every line of the statement. Comments are
read with the tokenizer, so a `#` inside a string is not a comment. SS900 reports suppressions
that silence nothing (opt-in, like ruff's RUF100); a bare `# noqa` is never reported, since it
may be there for another tool.
"""

from __future__ import annotations

import bisect
import io
import re
import tokenize
from collections.abc import Sequence
from dataclasses import dataclass, field

from .findings import Finding, Fix, Span, TextEdit
from .lines import split_lines

UNUSED = "SS900"
_STRINGS = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
_CANDIDATE = re.compile(r"#[^\n]*?(?:noqa|shapesense\s*:\s*ignore)", re.IGNORECASE)
_CODE = re.compile(r"[A-Z]+[0-9]+")
_SHAPESENSE = re.compile(
    r"shapesense\s*:\s*ignore(?P<file>-file)?(?:\[(?P<codes>[^\]]*)\])?", re.IGNORECASE
)
_NOQA = re.compile(
    r"\bnoqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,?\s*[A-Z]+[0-9]+)*))?", re.IGNORECASE
)


@dataclass
class Directive:
    """One suppression in one comment. `codes` None means every code."""

    line: int
    span: Span  # of the directive text inside the comment
    comment: Span  # of the whole comment
    codes: tuple[str, ...] | None
    noqa: bool
    used: set[str] = field(default_factory=set)

    def covers(self, code: str) -> bool:
        return self.codes is None or code in self.codes


@dataclass
class Directives:
    ignore_file: bool = False
    by_line: dict[int, list[Directive]] = field(default_factory=dict)


_LAYOUT = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}


def comments(text: str, starts: Sequence[int] | None = None) -> list[tuple[Span, str, int]]:
    """Every comment: its span, its text, and the first line of the statement it ends on (its
    own line when it is not at the end of a statement). A file that does not tokenize to the
    end keeps the comments before the problem.

    With `starts` (the first lines of the top-level statements, which never lie inside a
    string), only the lines that may hold a directive are read: each from the start of its
    top-level statement, so a keystroke does not re-tokenize the whole file."""
    if starts is None:
        return _comments(text, 0)
    lines = text.split("\n")
    wanted: dict[int, int] = {}  # chunk start -> last line to read
    line, position = 0, 0
    for match in _CANDIDATE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        index = bisect.bisect_right(starts, line) - 1
        chunk = starts[index] if index >= 0 else 0
        wanted[chunk] = max(wanted.get(chunk, chunk), line)
    found: list[tuple[Span, str, int]] = []
    for chunk, last in sorted(wanted.items()):
        found += _comments("\n".join(lines[chunk : last + 1]) + "\n", chunk)
    return found


def _comments(text: str, first_row: int) -> list[tuple[Span, str, int]]:
    bom = first_row == 0 and text.startswith("\ufeff")
    found: list[tuple[Span, str, int]] = []
    readline = io.StringIO(text[1:] if bom else text).readline
    statement: int | None = None  # first line of the statement being read
    try:
        for token in tokenize.generate_tokens(readline):
            if token.type == tokenize.COMMENT:
                (row, col), (end_row, end_col) = token.start, token.end
                row, end_row = row - 1 + first_row, end_row - 1 + first_row
                shift = 1 if bom and row == 0 else 0
                span = Span(row, col + shift, end_row, end_col + shift)
                found.append((span, token.string, row if statement is None else statement))
            elif token.type == tokenize.NEWLINE:
                statement = None
            elif token.type not in _LAYOUT and statement is None:
                statement = token.start[0] - 1 + first_row
    except (tokenize.TokenError, SyntaxError, ValueError, RecursionError, MemoryError):
        pass
    return found


def may_suppress(text: str) -> bool:
    """Whether any comment may be a directive (if not, `apply` reads nothing more)."""
    return _CANDIDATE.search(text) is not None


def directives(text: str, starts: Sequence[int] | None = None) -> Directives:
    result = Directives()
    if not _CANDIDATE.search(text):
        return result
    for comment, string, first in comments(text, starts):
        found: list[Directive] = []
        for match in _SHAPESENSE.finditer(string):
            if match["file"]:
                result.ignore_file = True
                continue
            raw = match["codes"]
            codes = None if raw is None else tuple(_CODE.findall(raw.upper()))
            found.append(Directive(comment.line, _inside(comment, match), comment, codes, False))
        for match in _NOQA.finditer(string):
            raw = match["codes"]
            codes = None if raw is None else tuple(_CODE.findall(raw.upper()))
            found.append(Directive(comment.line, _inside(comment, match), comment, codes, True))
        for line in range(first, comment.line + 1):
            result.by_line.setdefault(line, []).extend(found)
    return result


def _inside(comment: Span, match: re.Match[str]) -> Span:
    return Span(
        comment.line, comment.column + match.start(), comment.line, comment.column + match.end()
    )


def apply(
    findings: list[Finding],
    text: str,
    report_unused: bool = False,
    starts: Sequence[int] | None = None,
) -> list[Finding]:
    """The findings no comment suppresses, plus (with `report_unused`) SS900 for each
    suppression that silenced nothing. `starts`: see `comments`."""
    found = directives(text, starts)
    if found.ignore_file:
        return []
    if not found.by_line:
        return findings
    kept: list[Finding] = []
    for finding in findings:
        lines = {finding.span.line, finding.span.end_line}
        matching = {
            id(d): d
            for line in lines
            for d in found.by_line.get(line, ())
            if d.covers(finding.code)
        }.values()
        for directive in matching:
            directive.used.add(finding.code)
        if not matching:
            kept.append(finding)
    if report_unused:
        source_lines = split_lines(text)
        every = {id(d): d for ds in found.by_line.values() for d in ds}
        for directive in every.values():
            unused = _unused_report(directive, source_lines)
            if unused is not None:
                kept.append(unused)
        kept.sort(key=lambda f: (f.span.line, f.span.column, f.code))
    return kept


def _unused_report(directive: Directive, lines: list[str]) -> Finding | None:
    if directive.codes is None:
        if directive.noqa or directive.used:
            return None  # a bare noqa may be there for another tool
        return Finding(
            directive.span,
            "warning",
            UNUSED,
            "Unused suppression: nothing is reported on this line.",
            fixes=(_removal(directive, lines),),
        )
    ours = [c for c in directive.codes if c.startswith("SS")]
    unused = [c for c in ours if c not in directive.used]
    if not unused:
        return None
    remaining = [c for c in directive.codes if c not in unused]
    if remaining:
        keyword = "noqa: " if directive.noqa else "shapesense: ignore["
        closing = "" if directive.noqa else "]"
        fix = Fix(
            f"Remove {', '.join(unused)} from the suppression",
            (TextEdit(directive.span, f"{keyword}{', '.join(remaining)}{closing}"),),
            preferred=True,
        )
    else:
        fix = _removal(directive, lines)
    return Finding(
        directive.span,
        "warning",
        UNUSED,
        f"Unused suppression of {', '.join(unused)}: not reported on this line.",
        fixes=(fix,),
    )


def _removal(directive: Directive, lines: list[str]) -> Fix:
    """Remove the directive; when it is all the comment says, the comment and the blanks before it."""
    comment = directive.comment
    line = lines[comment.line] if comment.line < len(lines) else ""
    text = line[comment.column : comment.end_column]
    rest = (
        text[: directive.span.column - comment.column]
        + text[directive.span.end_column - comment.column :]
    )
    if not rest.replace("#", "").strip():
        start = len(line[: comment.column].rstrip())
        span = Span(comment.line, start, comment.line, comment.end_column)
        return Fix("Remove the unused suppression comment", (TextEdit(span, ""),), preferred=True)
    return Fix("Remove the unused suppression", (TextEdit(directive.span, ""),), preferred=True)


def disable_edit(text: str, line: int, code: str) -> TextEdit | None:
    """The edit that silences `code` on `line`: the code added to a `# shapesense: ignore[...]`
    already there, or a new comment at the end of the line. None when the line ends inside a
    string (a comment cannot go there)."""
    lines = split_lines(text)  # as spans count lines (lines.py): a form feed is no break
    if not 0 <= line < len(lines):
        return None
    for comment, string, _ in comments(text):
        if comment.line != line:
            continue
        match = _SHAPESENSE.search(string)
        if match and not match["file"] and match["codes"] is not None:
            codes = [*_CODE.findall(match["codes"].upper()), code]
            return TextEdit(_inside(comment, match), f"shapesense: ignore[{', '.join(codes)}]")
    if _ends_in_string(text, line):
        return None
    end = len(lines[line].rstrip())
    return TextEdit(Span(line, end, line, len(lines[line])), f"  # shapesense: ignore[{code}]")


def _ends_in_string(text: str, line: int) -> bool:
    readline = io.StringIO(text).readline
    try:
        for token in tokenize.generate_tokens(readline):
            if token.type in _STRINGS and token.start[0] - 1 <= line < token.end[0] - 1:
                return True
            if token.start[0] - 1 > line:
                break
    except (tokenize.TokenError, SyntaxError, ValueError, RecursionError, MemoryError):
        pass
    return False
