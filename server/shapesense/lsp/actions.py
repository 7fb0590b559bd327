"""Quick fixes: a lookup of the fixes each diagnostic carries (no second analysis), and for
each diagnostic a "Disable SSxxx for this line" action that adds a suppression comment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lsprotocol import types

from ..suppress import disable_edit
from .convert import code_action, diagnostics_for

if TYPE_CHECKING:
    from .language_server import ShapeSenseServer

OPTIONS = types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])


def register(server: ShapeSenseServer) -> None:
    @server.guarded(types.TEXT_DOCUMENT_CODE_ACTION, OPTIONS, empty=[])
    async def code_actions(params: types.CodeActionParams) -> list[types.CodeAction]:
        only = params.context.only
        if only and types.CodeActionKind.QuickFix not in only:
            return []
        actions = []
        for diagnostic in params.context.diagnostics:
            if diagnostic.source not in (None, "shapesense"):
                continue
            for fix in await _fixes(server, params.text_document.uri, diagnostic):
                action = code_action(fix, diagnostic)
                if action is not None:
                    actions.append(action)
        for diagnostic in params.context.diagnostics:
            if diagnostic.source == "shapesense" and isinstance(diagnostic.code, str):
                action = await _disable(server, params.text_document.uri, diagnostic)
                if action is not None:
                    actions.append(action)
        return actions


async def _disable(
    server: ShapeSenseServer, uri: str, diagnostic: types.Diagnostic
) -> types.CodeAction | None:
    """`# shapesense: ignore[CODE]` at the end of the diagnostic's first line."""
    view = await server.view(uri)
    start = view.to_source(uri, diagnostic.range.start) if view else None
    if view is None or start is None:
        return None
    edit = disable_edit(view.source, start[0], str(diagnostic.code))
    placed = view.locate(edit.span) if edit else None
    if edit is None or placed is None:
        return None
    cell, span = placed
    return types.CodeAction(
        title=f"Disable {diagnostic.code} for this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(
            changes={cell.uri: [types.TextEdit(view.to_range(cell, span), edit.new_text)]}
        ),
    )


async def _fixes(
    server: ShapeSenseServer, uri: str, diagnostic: types.Diagnostic
) -> list[dict[str, Any]]:
    data = diagnostic.data
    if isinstance(data, dict) and isinstance(data.get("fixes"), list):
        return data["fixes"]
    # Some clients (Neovim's rebuilt diagnostics) drop `data`: find ours by range and code.
    view = await server.view(uri)
    cell = view.cell(uri) if view else None
    if view is None or cell is None:
        return []
    for ours in diagnostics_for(view, cell, server.settings):
        same_code = diagnostic.code in (None, ours.code)
        if (
            same_code
            and ours.range.start.line == diagnostic.range.start.line
            and isinstance(ours.data, dict)
        ):
            return ours.data.get("fixes", [])
    return []
