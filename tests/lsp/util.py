"""Helpers for the LSP tests: open documents, wait for diagnostics, apply edits as an editor does."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pygls.workspace import PositionCodec, TextDocument
from pytest_lsp import LanguageClient

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def accept_registrations(client: LanguageClient) -> list[types.Registration]:
    """Answer client/registerCapability as an editor does (the server registers its file
    watchers with clients that support it); returns what was registered."""
    registrations: list[types.Registration] = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params):  # type: ignore[no-untyped-def]  (pygls reads annotations: none here)
        registrations.extend(params.registrations)

    return registrations


async def open_doc(
    client: LanguageClient, uri: str, text: str, version: int = 1
) -> list[types.Diagnostic]:
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "python", version, text))
    )
    return await diagnostics(client, uri)


def pulls(client: LanguageClient) -> bool:
    caps = client.capabilities.text_document if client.capabilities else None
    return bool(caps and caps.diagnostic)


async def diagnostics(
    client: LanguageClient, uri: str, timeout: float = 120
) -> list[types.Diagnostic]:
    """Diagnostics for `uri` as the editor gets them: pulled if it pulls, else the next push.
    `timeout` is a hang guard: it only runs out when nothing comes, never on a slow machine."""
    if pulls(client):
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(types.TextDocumentIdentifier(uri))
        )
        return list(report.items)
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if uri in client.diagnostics:
            return list(client.diagnostics[uri])
        await asyncio.sleep(0.02)
    raise TimeoutError(f"no diagnostics for {uri}")


async def change(
    client: LanguageClient, uri: str, text: str, version: int
) -> list[types.Diagnostic]:
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text)],
        )
    )
    return await diagnostics(client, uri)


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    """Apply edits the way an editor does (positions in the negotiated encoding)."""
    doc = TextDocument("file:///tmp/x.py", text, position_codec=PositionCodec(encoding=encoding))
    for edit in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        doc.apply_change(
            types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)
        )
    return doc.source


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines()) if needle in line)


def errors(diags: list[types.Diagnostic]) -> list[types.Diagnostic]:
    return [d for d in diags if d.severity == types.DiagnosticSeverity.Error]
