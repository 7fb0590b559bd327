"""A large document in the server: checked when it is opened and when it is saved, never while
typing (issue 14; the policy is `lsp/large.py`).

Found by the hostile-input campaign: a 100,000-line document took 10 s to its first
diagnostics, 769 MB, and 16.9 s per keystroke. The work is bounded here by CPU time of the
server and its analysis processes (measured against its own first analysis), never by the wall clock; every wait
is a hang guard.
"""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from bench.processes import cpu_seconds

from ..hardening.big_document import big_text
from .util import diagnostics, errors

URI = "file:///w/large.py"
LINES = 100_000
HANG_GUARD = 900.0
KEYSTROKES = 20


def error_lines(diags: list[types.Diagnostic]) -> list[tuple[object, int]]:
    return [(d.code, d.range.start.line) for d in errors(diags)]


async def test_a_100000_line_document_is_checked_when_opened_and_saved(
    vscode: LanguageClient,
) -> None:
    client = vscode
    pid = client._server.pid  # type: ignore[union-attr]
    text = big_text(LINES)
    last_line = text.count("\n") - 1  # the bad fit
    start = cpu_seconds(pid)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(URI, "python", 1, text))
    )
    opened = await diagnostics(client, URI, timeout=HANG_GUARD)
    assert error_lines(opened) == [("SS102", last_line)]
    one_analysis = cpu_seconds(pid) - start
    assert any("checked when opened and when saved" in m.message for m in client.log_messages)

    start = cpu_seconds(pid)
    client.diagnostics.pop(URI)
    for version in range(2, KEYSTROKES + 2):  # Enter near the top: every line below moves
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=URI),
                [
                    types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(5, 0), types.Position(5, 0)), text="\n"
                    )
                ],
            )
        )
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(URI), types.Position(last_line + 20, 2))
    )
    typing = cpu_seconds(pid) - start
    assert hover is None  # the typed version is not analysed...
    assert URI not in client.diagnostics  # ...nor published
    assert typing < one_analysis / 2, (typing, one_analysis)  # 20 analyses before

    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(URI))
    )
    saved = await diagnostics(client, URI, timeout=HANG_GUARD)
    assert error_lines(saved) == [("SS102", last_line + KEYSTROKES)]


async def test_a_large_document_edited_since_its_check_keeps_its_pulled_result(
    neovim: LanguageClient,
) -> None:
    client = neovim
    text = big_text(20_000)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(URI, "python", 1, text))
    )
    first = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(types.TextDocumentIdentifier(URI))
    )
    assert [d.code for d in errors(list(first.items))] == ["SS102"]
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=URI),
            [
                types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(5, 0), types.Position(5, 0)), text="\n"
                )
            ],
        )
    )
    again = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(
            types.TextDocumentIdentifier(URI), previous_result_id=first.result_id
        )
    )
    assert again.kind == "unchanged" and again.result_id == first.result_id
