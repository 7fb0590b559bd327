"""Pushed diagnostics wait for the debounce, the analysis does not: it starts with the change,
so the user waits for the longer of the two, not for both (issue 22: key to diagnostics at
most the debounce plus 20 ms).

Every assertion is about order, never time: the debounce here is ten minutes, so the only way
the analysis of a version can run (and be stopped by the next) is to have started at once.
"""

from __future__ import annotations

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from ..hardening.slow_documents import bad_fits
from .conftest import SERVER, start
from .test_responsive import stopped, until

URI = "file:///w/typed.py"
SLOW = bad_fits(3_000)  # seconds to analyse: the next change always finds it running


@pytest_lsp.fixture(config=SERVER)
async def pushed(lsp_client: LanguageClient):
    """A client that takes pushed diagnostics, with a debounce of ten minutes."""
    await start(lsp_client, "emacs", debounceMs=600_000)
    yield
    await lsp_client.shutdown_session()


def change(client: LanguageClient, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=URI),
            [types.TextDocumentContentChangeWholeDocument(text)],
        )
    )


async def round_trip(client: LanguageClient) -> None:
    """A request answered from what the server holds (no analysis): the server has handled
    every message before it, and run what they scheduled."""
    await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(URI),
            types.Range(types.Position(0, 0), types.Position(0, 0)),
            types.CodeActionContext(diagnostics=[]),
        )
    )


async def test_the_analysis_of_a_change_starts_before_the_debounce_runs_out(
    pushed: LanguageClient,
) -> None:
    client = pushed
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(URI, "python", 1, SLOW))
    )
    change(client, 2, SLOW + "# typed\n")
    await round_trip(client)
    await round_trip(client)
    change(client, 3, SLOW + "# typed again\n")
    await until(lambda: bool(stopped(client, URI, 2)), "version 2 was never being analysed")
    assert "a newer version arrived" in stopped(client, URI, 2)[0]
