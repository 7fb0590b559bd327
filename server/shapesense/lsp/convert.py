"""Findings (plain data) to lsprotocol types. The fixes ride along in Diagnostic.data."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from ..findings import Finding, Fix
from ..rules import rule_url
from .settings import Settings
from .state import Cell, View

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "information": types.DiagnosticSeverity.Information,
    "hint": types.DiagnosticSeverity.Hint,
}


def rule_href(code: str) -> str:
    """The code's rule page (docs/rules/SSxxx.md, shipped with the package)."""
    return rule_url(code)


def plain(text: str) -> str:
    """Diagnostics are plain text in every client: no markdown backticks (hover renders them)."""
    return text.replace("`", "")


def diagnostics_for(view: View, cell: Cell, settings: Settings) -> list[types.Diagnostic]:
    out = []
    for finding in view.analysis.findings:
        placed = view.locate(finding.span)
        if placed is None or placed[0] is not cell:
            continue
        severity = settings.severity_overrides.get(finding.code, finding.severity)
        if severity == "off":
            continue
        out.append(
            types.Diagnostic(
                range=view.to_range(cell, placed[1]),
                message=plain(finding.full_message),
                severity=SEVERITY[severity],
                code=finding.code,
                code_description=types.CodeDescription(href=rule_href(finding.code)),
                source="shapesense",
                related_information=_related(view, finding) or None,
                data={"fixes": [fix_data(view, fix) for fix in finding.fixes]}
                if finding.fixes
                else None,
            )
        )
    return out


def _related(view: View, finding: Finding) -> list[types.DiagnosticRelatedInformation]:
    out = []
    for related in finding.related:
        placed = view.locate(related.span)
        if placed is not None:
            cell, span = placed
            out.append(
                types.DiagnosticRelatedInformation(
                    types.Location(cell.uri, view.to_range(cell, span)), plain(related.message)
                )
            )
    return out


def fix_data(view: View, fix: Fix) -> dict[str, Any]:
    """A fix as JSON: the edits already in client units, keyed by the document they change."""
    edits: list[dict[str, Any]] = []
    for edit in fix.edits:
        placed = view.locate(edit.span)
        if placed is None:
            continue
        cell, span = placed
        r = view.to_range(cell, span)
        edits.append(
            {
                "uri": cell.uri,
                "range": {
                    "start": {"line": r.start.line, "character": r.start.character},
                    "end": {"line": r.end.line, "character": r.end.character},
                },
                "newText": edit.new_text,
            }
        )
    return {
        "title": fix.title,
        "preferred": fix.preferred,
        "edits": edits,
        "complete": len(edits) == len(fix.edits),
    }


def code_action(fix: dict[str, Any], diagnostic: types.Diagnostic) -> types.CodeAction | None:
    if not fix.get("complete", True):
        return None
    changes: dict[str, list[types.TextEdit]] = {}
    for edit in fix["edits"]:
        r = edit["range"]
        rng = types.Range(types.Position(**r["start"]), types.Position(**r["end"]))
        changes.setdefault(edit["uri"], []).append(types.TextEdit(rng, edit["newText"]))
    return types.CodeAction(
        title=fix["title"],
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=bool(fix.get("preferred")),
        edit=types.WorkspaceEdit(changes=changes),
    )
