"""The floor of first diagnostics: a pygls server that does nothing but answer `initialize` and
publish an empty list for each opened document. Started as `shapesense serve` is, by the same
client, it takes what no ShapeSense server can avoid on this machine: starting Python, importing
pygls and lsprotocol (its 576 attrs classes), and the LSP round trips (bench/cold_start.py)."""

from lsprotocol import types
from pygls.lsp.server import LanguageServer

server = LanguageServer("floor", "1")


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    document = params.text_document
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=document.uri, diagnostics=[], version=document.version)
    )


if __name__ == "__main__":
    server.start_io()
