"""The pygls server: the server object (`language_server.py`) with every feature module's
handlers registered on it, one module per LSP feature; and `serve`, its stdio or TCP loop.

The feature modules import the server object's module, never this one: this module only
wires them (tests/test_architecture.py holds lsp/ free of import circles).
"""

from __future__ import annotations

from . import actions, codelens, config, dependencies, diagnostics, hover, inlay
from .language_server import ShapeSenseServer


def create_server() -> ShapeSenseServer:
    server = ShapeSenseServer()
    for module in (config, diagnostics, dependencies, hover, actions, inlay, codelens):
        module.register(server)
    return server


def serve(tcp: str | None = None) -> int:
    server = create_server()
    if tcp:
        host, _, port = tcp.rpartition(":")
        server.start_tcp(host or "127.0.0.1", int(port))
    else:
        server.start_io()
    return server.exit_code
