"""`--diff` and `--fix`: the preferred quick fix of each error (and of each unused suppression),
applied one at a time, each kept only when a fresh analysis of the result has fewer errors and
no new ones. Fixes change what the program does, so they are applied only when asked for."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import TypeVar

from .findings import Finding, Fix
from .lines import split_lines_keepends
from .suppress import UNUSED

MAX_ROUNDS = 50
D = TypeVar("D")


def _wanted(findings: list[Finding]) -> list[tuple[Finding, Fix]]:
    out = []
    for finding in findings:
        if finding.fixes and (finding.severity == "error" or finding.code == UNUSED):
            preferred = next((f for f in finding.fixes if f.preferred), finding.fixes[0])
            out.append((finding, preferred))
    return out


def apply_edits(text: str, fix: Fix) -> str:
    lines = split_lines_keepends(text)  # spans count lines as LSP does (lines.py)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(line: int, column: int) -> int:
        return offsets[min(line, len(lines))] + column

    for edit in sorted(fix.edits, key=lambda e: (e.span.line, e.span.column), reverse=True):
        start = offset(edit.span.line, edit.span.column)
        end = offset(edit.span.end_line, edit.span.end_column)
        text = text[:start] + edit.new_text + text[end:]
    return text


def fixed_text(text: str, analyse: Callable[[str], list[Finding]]) -> tuple[str, int]:
    """The text with every fix that verifiably helps applied, and how many were applied."""
    return fixed(text, analyse, apply_edits)


def fixed(
    document: D,
    analyse: Callable[[D], list[Finding]],
    apply: Callable[[D, Fix], D | None],
) -> tuple[D, int]:
    """`fixed_text` for any document (a text, a notebook's cells): `apply` returns None for a
    fix it cannot place, which is then skipped."""
    findings = analyse(document)
    applied = 0
    skipped: set[tuple[str, str]] = set()
    for _ in range(MAX_ROUNDS):
        candidates = [
            (f, fix) for f, fix in _wanted(findings) if (f.code, fix.title) not in skipped
        ]
        if not candidates:
            break
        finding, fix = candidates[0]
        new_document = apply(document, fix)
        new_findings = analyse(new_document) if new_document is not None else []
        if new_document is not None and _better(findings, new_findings, finding):
            document, findings, applied = new_document, new_findings, applied + 1
        else:
            skipped.add((finding.code, fix.title))
    return document, applied


def _key(finding: Finding) -> tuple[str, str]:
    return finding.code, finding.message


def _better(before: list[Finding], after: list[Finding], target: Finding) -> bool:
    if target.code == UNUSED:
        return sum(f.code == UNUSED for f in after) < sum(f.code == UNUSED for f in before)
    errors_before = [f for f in before if f.severity == "error"]
    errors_after = [f for f in after if f.severity == "error"]
    old = {_key(f) for f in errors_before}
    # Messages name line numbers, which a fix may move: compare codes for "nothing new".
    new_codes = {f.code for f in errors_after} - {f.code for f in errors_before}
    return len(errors_after) < len(errors_before) and not new_codes and bool(old)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            split_lines_keepends(before),
            split_lines_keepends(after),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )
