"""A real LSP client (pytest-lsp) driving `python -m shapesense serve` over stdio."""

from __future__ import annotations

import sys

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from .util import accept_registrations

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "shapesense", "serve"])
EDITORS = ["visual-studio-code", "neovim", "emacs"]


async def start(lsp_client: LanguageClient, editor: str, **options: object) -> None:
    init = {"debounceMs": 0, "kerasVersion": "3", **options}
    accept_registrations(lsp_client)
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(editor), initialization_options=init
        )
    )
    lsp_client.position_encoding = result.capabilities.position_encoding or "utf-16"  # type: ignore[attr-defined]


@pytest_lsp.fixture(config=SERVER, params=EDITORS)
async def client(request, lsp_client: LanguageClient):
    await start(lsp_client, request.param)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def vscode(lsp_client: LanguageClient):
    await start(lsp_client, "visual-studio-code")
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def neovim(lsp_client: LanguageClient):
    """A client that pulls diagnostics (Neovim 0.10's capabilities)."""
    await start(lsp_client, "neovim")
    yield
    await lsp_client.shutdown_session()
