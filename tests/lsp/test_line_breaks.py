"""The server's copy of a document stays the editor's copy when it holds characters that
`str.splitlines` breaks at but LSP does not (form feed, U+2028...): incremental edits land on
the right line, diagnostics sit on the right line with the right text, quick fixes apply.
"""

from __future__ import annotations

import re

from lsprotocol import types
from pygls.workspace import PositionCodec
from pytest_lsp import LanguageClient
from shapesense.lsp.documents import LspTextDocument

from ..test_line_breaks import BAD_DATA, ODD_BREAKS, program
from .util import diagnostics, errors, open_doc

EDITOR_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what an editor counts as a line (LSP)


def editor_offset(text: str, position: types.Position) -> int:
    """Code-point offset of a position (utf-16 units; these texts are all in the BMP)."""
    starts = [0] + [m.end() for m in EDITOR_LINE_BREAK.finditer(text)]
    return starts[position.line] + position.character


def editor_apply(text: str, change: types.TextDocumentContentChangePartial) -> str:
    start = editor_offset(text, change.range.start)
    end = editor_offset(text, change.range.end)
    return text[:start] + change.text + text[end:]


def at(text: str, needle: str, line_hint: int = 0) -> types.Position:
    """Where `needle` first appears on or after line `line_hint`, as an editor counts."""
    lines = EDITOR_LINE_BREAK.split(text)
    line = next(i for i in range(line_hint, len(lines)) if needle in lines[i])
    return types.Position(line, lines[line].index(needle))


def replace(
    text: str, needle: str, new: str, line_hint: int = 0
) -> types.TextDocumentContentChangePartial:
    start = at(text, needle, line_hint)
    end = types.Position(start.line, start.character + len(needle))
    return types.TextDocumentContentChangePartial(types.Range(start, end), new)


async def send(
    client: LanguageClient,
    uri: str,
    text: str,
    version: int,
    change: types.TextDocumentContentChangePartial,
) -> tuple[str, list[types.Diagnostic]]:
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri), [change]
        )
    )
    return editor_apply(text, change), await diagnostics(client, uri)


def summary(diags: list[types.Diagnostic]) -> list[tuple[object, ...]]:
    return [
        (
            d.code,
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
            d.message,
        )
        for d in diags
    ]


async def test_incremental_edits_below_odd_line_breaks(vscode: LanguageClient) -> None:
    for name, char in ODD_BREAKS.items():
        uri, text = f"file:///w/{name}.py", program(char)
        (error,) = [d for d in await open_doc(vscode, uri, text) if d.code == "SS102"]
        assert error.range.start == at(text, BAD_DATA), name

        # Edit the data below the odd characters: the server's text must follow.
        text, diags = await send(vscode, uri, text, 2, replace(text, "(8, 5)", "(8, 6)", 6))
        (error,) = [d for d in diags if d.code == "SS102"]
        assert error.range.start == at(text, "np.zeros((8, 6))"), name
        assert "receives (8, 6) from np.zeros((8, 6))" in error.message, name

        # A new line holding the character, above; then the first two lines deleted.
        insert = types.TextDocumentContentChangePartial(
            types.Range(types.Position(1, 0), types.Position(1, 0)), f"x = 2  # {char}{char}\n"
        )
        text, diags = await send(vscode, uri, text, 3, insert)
        delete = types.TextDocumentContentChangePartial(
            types.Range(types.Position(0, 0), types.Position(2, 0)), ""
        )
        text, diags = await send(vscode, uri, text, 4, delete)
        (error,) = [d for d in diags if d.code == "SS102"]
        assert error.range.start == at(text, "np.zeros((8, 6))"), (name, text)

        # The quick fix is offered and, applied as an editor applies it, removes the error.
        actions = await vscode.text_document_code_action_async(
            types.CodeActionParams(
                types.TextDocumentIdentifier(uri), error.range, types.CodeActionContext([error])
            )
        )
        assert actions and actions[0].edit and actions[0].edit.changes, f"{name}: no quick fix"
        version = 5
        for edit in sorted(
            actions[0].edit.changes[uri],
            key=lambda e: (e.range.start.line, e.range.start.character),
            reverse=True,
        ):
            text, diags = await send(
                vscode,
                uri,
                text,
                version,
                types.TextDocumentContentChangePartial(edit.range, edit.new_text),
            )
            version += 1
        assert "SS102" not in [d.code for d in diags], (name, text)

        # The server's text is the editor's: the same diagnostics as a fresh copy of it.
        fresh = await open_doc(vscode, f"file:///w/{name}-fresh.py", text)
        assert summary(diags) == summary(fresh), name
        assert errors(fresh) == [] or all(d.code == "SS001" for d in errors(fresh)), name


def test_the_document_applies_changes_as_an_editor_does() -> None:
    """pygls's own TextDocument splits with str.splitlines: this one must not."""
    for char in ODD_BREAKS.values():
        text = program(char)
        document = LspTextDocument("file:///w/x.py", text, position_codec=PositionCodec())
        for change in (
            replace(text, "(8, 5)", "(8, 6)", 6),
            types.TextDocumentContentChangePartial(
                types.Range(types.Position(4, 3), types.Position(6, 2)), f"{char}\r\n{char}"
            ),
        ):
            document.apply_change(change)
            text = editor_apply(text, change)
            assert document.source == text
