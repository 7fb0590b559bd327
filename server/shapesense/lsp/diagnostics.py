"""Diagnostics: pushed after a debounce on every change, or pulled when the client asks."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from lsprotocol import types
from pygls.uris import to_fs_path

from ..discover import excluded
from .convert import diagnostics_for

if TYPE_CHECKING:
    from .language_server import ShapeSenseServer
    from .state import View


def register(server: ShapeSenseServer) -> None:
    @server.guarded(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.checkable[params.text_document.uri] = params.text_document.version
        schedule(server, params.text_document.uri, immediate=True)

    @server.guarded(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        stop_stale(server, params.text_document.uri)
        schedule(server, params.text_document.uri, changed=True)

    @server.guarded(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = server.waiting_for_save(uri)
        document = server.workspace.text_documents.get(unquote(uri))
        server.checkable[uri] = document.version if document is not None else None
        schedule(server, uri, immediate=True)
        if waiting and pulls(server):
            refresh_pulled(server)  # a large document is checked now: ask the editor to pull

    @server.guarded(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        cancel(server, uri)
        server.jobs.stop(uri, "the document was closed")
        server.checkable.pop(uri, None)
        server.state.forget(uri)
        if server.workspace.get_notebook_document(cell_uri=uri) is None:
            server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    @server.guarded(types.NOTEBOOK_DOCUMENT_DID_OPEN)
    def notebook_open(params: types.DidOpenNotebookDocumentParams) -> None:
        notebook = params.notebook_document
        server.checkable[notebook.uri] = notebook.version
        schedule(server, params.notebook_document.uri, immediate=True)

    @server.guarded(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
    def notebook_change(params: types.DidChangeNotebookDocumentParams) -> None:
        stop_stale(server, params.notebook_document.uri)
        schedule(server, params.notebook_document.uri)

    @server.guarded(types.NOTEBOOK_DOCUMENT_DID_SAVE)
    def notebook_save(params: types.DidSaveNotebookDocumentParams) -> None:
        notebook = server.workspace.get_notebook_document(notebook_uri=params.notebook_document.uri)
        server.checkable[params.notebook_document.uri] = notebook.version if notebook else None
        schedule(server, params.notebook_document.uri, immediate=True)

    @server.guarded(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
    def notebook_close(params: types.DidCloseNotebookDocumentParams) -> None:
        cancel(server, params.notebook_document.uri)
        server.jobs.stop(params.notebook_document.uri, "the notebook was closed")
        server.state.forget(params.notebook_document.uri)
        for cell in params.cell_text_documents:
            server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=cell.uri, diagnostics=[])
            )

    @server.guarded(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(
            identifier="shapesense", inter_file_dependencies=True, workspace_diagnostics=False
        ),
        empty=types.RelatedFullDocumentDiagnosticReport(items=[]),
    )
    async def pull(
        params: types.DocumentDiagnosticParams,
    ) -> types.RelatedFullDocumentDiagnosticReport | types.RelatedUnchangedDocumentDiagnosticReport:
        if is_excluded(server, params.text_document.uri):
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        view = await server.view(params.text_document.uri)
        if view is None:
            if params.previous_result_id and server.waiting_for_save(params.text_document.uri):
                # a large document typed in since its last check: the editor keeps its result
                return types.RelatedUnchangedDocumentDiagnosticReport(params.previous_result_id)
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        cell = view.cell(params.text_document.uri)
        if cell is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        items = await server.jobs.off_loop(diagnostics_for, view, cell, server.settings)
        return types.RelatedFullDocumentDiagnosticReport(items=items, result_id=f"{view.version}")


def pulls(server: ShapeSenseServer) -> bool:
    """Clients that pull diagnostics get them that way only, so nothing shows twice."""
    caps = server.client_capabilities.text_document
    return bool(caps and caps.diagnostic)


def cancel(server: ShapeSenseServer, key: str) -> bool:
    """Cancel the pending check of `key`; whether it was to re-check the files importing it."""
    pending = server.pending.pop(key, None)
    if pending is None:
        return False
    pending[0].cancel()
    return pending[1]


def stop_stale(server: ShapeSenseServer, uri: str) -> None:
    """A newer version of `uri` (or of its notebook) arrived: stop analysing an older one."""
    notebook = server.workspace.get_notebook_document(
        cell_uri=uri
    ) or server.workspace.get_notebook_document(notebook_uri=uri)
    if notebook is not None:
        server.jobs.stop_older(notebook.uri, notebook.version)
    else:
        document = server.workspace.text_documents.get(unquote(uri))
        server.jobs.stop_older(uri, document.version if document else None)


def schedule(
    server: ShapeSenseServer, uri: str, immediate: bool = False, changed: bool = False
) -> None:
    """Analyse after the debounce; a newer change cancels the older wait. With `changed`
    (the text of an open file changed), the files that import it are checked again too."""
    notebook = server.workspace.get_notebook_document(
        cell_uri=uri
    ) or server.workspace.get_notebook_document(notebook_uri=uri)
    key = notebook.uri if notebook is not None else uri
    changed = cancel(server, key) or changed  # the importers of a change are still re-checked
    # VS Code pulls for files; for notebook cells it does not pull, so those are pushed
    push = notebook is not None or not pulls(server)
    if not (push or changed):
        return
    delay = 0 if immediate else server.settings.debounce_ms / 1000

    async def later() -> None:
        ahead: asyncio.Future[View | None] | None = None
        try:
            if delay:
                if push and not is_excluded(server, key):
                    # The analysis starts now and the diagnostics wait for the debounce: the
                    # user waits for the longer of the two, not for both. A newer change
                    # cancels both (the analysis keeps its journals: analysis.py).
                    ahead = asyncio.ensure_future(server.view(key))
                await asyncio.sleep(delay)
            path = fs_path(key) if changed else None
            if path is not None:
                refresh_readers(server, {path})
            if push:
                await publish(server, key)  # a newer change cancels this task while it waits
        finally:
            if ahead is not None:
                ahead.cancel()  # done by now unless this task was cancelled
                ahead.add_done_callback(_retrieve)
            if server.pending.get(key, (None,))[0] is task:
                del server.pending[key]

    task = asyncio.ensure_future(later())
    server.pending[key] = (task, changed)


def _retrieve(future: asyncio.Future[Any]) -> None:
    """An analysis started ahead ends however it ends (its errors are logged where awaited)."""
    if not future.cancelled():
        future.exception()


def is_excluded(server: ShapeSenseServer, uri: str) -> bool:
    """A document (or notebook cell) under a path the configuration or .gitignore excludes:
    `shapesense check` skips it, so the editor shows nothing for it either."""
    notebook = server.workspace.get_notebook_document(cell_uri=uri)
    path = fs_path(notebook.uri if notebook is not None else uri)
    return path is not None and excluded(Path(path))


async def publish(server: ShapeSenseServer, key: str) -> None:
    if is_excluded(server, key):
        notebook = server.workspace.get_notebook_document(notebook_uri=key)
        uris = [cell.document for cell in notebook.cells] if notebook is not None else [key]
        for uri in uris:
            server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )
        return
    view = await server.view(key)
    if view is None:
        return
    per_cell = await server.jobs.off_loop(
        lambda: [diagnostics_for(view, cell, server.settings) for cell in view.cells]
    )
    if any(cell.document.version != cell.version for cell in view.cells):
        return  # a newer version arrived while it was analysed: its own publish follows
    for cell, diagnostics in zip(view.cells, per_cell, strict=True):
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=cell.uri, diagnostics=diagnostics, version=cell.version
            )
        )


def refresh_pulled(server: ShapeSenseServer) -> None:
    """Ask a pulling client to pull again (when it supports being asked)."""
    workspace_caps = server.client_capabilities.workspace
    if workspace_caps and workspace_caps.diagnostics and workspace_caps.diagnostics.refresh_support:
        server.workspace_diagnostic_refresh(None)


def refresh_all(server: ShapeSenseServer) -> None:
    if pulls(server):
        refresh_pulled(server)
        return
    keys = set(server.workspace.notebook_documents)
    for uri in server.workspace.text_documents:
        if server.workspace.get_notebook_document(cell_uri=uri) is None:
            keys.add(uri)
    for key in keys:
        schedule(server, key, immediate=True)


def fs_path(uri: str) -> str | None:
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return os.path.realpath(path) if path else None  # as the resolver names what it read


def refresh_readers(server: ShapeSenseServer, paths: set[str] | None) -> None:
    """Re-check the documents whose last analysis read one of `paths` (None: any project file)."""
    stale = server.state.stale_readers(paths)
    if not stale:
        return
    if pulls(server):
        refresh_pulled(server)
        # notebook cells are pushed even to pulling clients: see diagnostics.schedule
    for key in stale:
        schedule(server, key, immediate=True)
