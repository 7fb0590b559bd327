"""The "Disable SSxxx for this line" quick fix, applied as an editor applies it."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from .util import EXAMPLES, apply_edits, change, errors, open_doc

SEED3 = (EXAMPLES / "seed_lstm.py").read_text()


async def test_disable_for_this_line_silences_the_diagnostic(client: LanguageClient) -> None:
    uri = "file:///w/seed3_disable.py"
    (error,) = errors(await open_doc(client, uri, SEED3))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            error.range,
            types.CodeActionContext(diagnostics=[error]),
        )
    )
    titles = [a.title for a in actions or []]
    assert titles[-1] == "Disable SS102 for this line" and not actions[-1].is_preferred
    silenced = apply_edits(SEED3, actions[-1].edit.changes[uri], client.position_encoding)
    line = silenced.splitlines()[error.range.start.line]
    assert line.endswith("  # shapesense: ignore[SS102]")
    assert await change(client, uri, silenced, 2) == []
