"""A quick fix must fix the program, not just the line.

Each fix that the call's own re-check kept (fixes.py) is applied to the whole text, and the
edited text is analysed afresh: the fix is kept only when that finds no error that was not
there before (errors are matched by code and by the line they would be on in the original
text). A fix that moves the error elsewhere, e.g. changing a model's input shape for one call
while another call fits the old one, is dropped; when none survives, the finding says so.
Fixes that change only the data at this call rank before fixes that change the model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from .findings import Finding, Fix, Span, TextEdit

MAX_RECHECKS = 12  # whole-file re-analyses per analysis; fixes past it are not offered
MAX_LINES = 5_000  # a longer file is not re-analysed per fix, so it is offered no fix
DATA_HAS_TO_CHANGE = (
    "No quick fix: changing the model would break its other calls; the data has to change."
)
NO_FIX_KEEPS_THE_PROGRAM = "No quick fix: each one tried makes another line fail."


def apply_edits(text: str, edits: tuple[TextEdit, ...]) -> str:
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e.span.line, e.span.column), reverse=True):
        s = edit.span
        if s.end_line >= len(lines):
            return text
        head = lines[s.line][: s.column]
        tail = lines[s.end_line][s.end_column :]
        lines[s.line : s.end_line + 1] = (head + edit.new_text + tail).split("\n")
    return "\n".join(lines)


def _original_line(line: int, edits: tuple[TextEdit, ...]) -> int:
    """Where a line of the edited text was before the edits (edits above it moved it)."""
    moved = 0
    for edit in sorted(edits, key=lambda e: (e.span.line, e.span.column)):
        start = edit.span.line + moved
        end = start + edit.new_text.count("\n")
        if line > end:
            moved += edit.new_text.count("\n") - (edit.span.end_line - edit.span.line)
        elif line >= start:
            return edit.span.line
    return line - moved


def _errors(findings: list[Finding], edits: tuple[TextEdit, ...] = ()) -> Counter[tuple[str, int]]:
    return Counter(
        (f.code, _original_line(f.span.line, edits)) for f in findings if f.severity == "error"
    )


def _changes_only_the_data(fix: Fix, span: Span) -> bool:
    """Every edit is inside the finding's data, or only adds an import at the top."""
    return all(_inside(edit.span, span) or _adds_import(edit) for edit in fix.edits)


def _inside(inner: Span, outer: Span) -> bool:
    return (inner.line, inner.column) >= (outer.line, outer.column) and (
        inner.end_line,
        inner.end_column,
    ) <= (outer.end_line, outer.end_column)


def _adds_import(edit: TextEdit) -> bool:
    empty = (edit.span.line, edit.span.column) == (edit.span.end_line, edit.span.end_column)
    return empty and edit.new_text.startswith("import ")


def keep_program_fixes(
    text: str, findings: list[Finding], analyze: Callable[[str, str], list[Finding]]
) -> list[Finding]:
    """The findings with only the fixes under which the whole file gains no error.
    `analyze(key, edited_text)` gives the findings of an edited text; the key names the fix."""
    if not any(f.fixes for f in findings):
        return findings
    if text.count("\n") > MAX_LINES:
        return [replace(f, fixes=()) if f.fixes else f for f in findings]
    before = _errors(findings)
    budget = MAX_RECHECKS
    out: list[Finding] = []
    for finding in findings:
        if not finding.fixes:
            out.append(finding)
            continue
        kept: list[Fix] = []
        dropped: list[Fix] = []
        for fix in finding.fixes:
            if budget <= 0:
                continue  # not re-checked: not offered, and nothing said about it
            budget -= 1
            key = f"{finding.code} {fix.title}"
            after = _errors(analyze(key, apply_edits(text, fix.edits)), fix.edits)
            if after - before:
                dropped.append(fix)
            else:
                kept.append(fix)
        kept.sort(key=lambda fix: not _changes_only_the_data(fix, finding.span))
        fixes = tuple(replace(fix, preferred=i == 0) for i, fix in enumerate(kept))
        message = finding.message
        if dropped and not kept and finding.severity == "error":
            model_fix = any(not _changes_only_the_data(fix, finding.span) for fix in dropped)
            message += " " + (DATA_HAS_TO_CHANGE if model_fix else NO_FIX_KEEPS_THE_PROGRAM)
        out.append(replace(finding, fixes=fixes, message=message))
    return out
