"""Across files: a file's result depends on the project modules it imports, the arrays it
loads, the CSV tables and image folders it reads (`Analysis.files_read`). When one of those changes, in the
editor (didChange of another open document) or on disk (workspace/didChangeWatchedFiles,
registered dynamically), the readers' cached analyses are dropped and their diagnostics
refreshed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from .diagnostics import fs_path, refresh_readers

if TYPE_CHECKING:
    from .language_server import ShapeSenseServer

# images too: a file created in a new class folder changes the class count a reader sees
WATCHED = ("**/*.py", "**/*.npy", "**/*.npz", "**/*.csv", "**/*.{png,jpg,jpeg,bmp,gif}")
REGISTRATION_ID = "shapesense-watched-files"


def register(server: ShapeSenseServer) -> None:
    @server.guarded(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        paths: set[str] | None = set()
        for change in params.changes:
            if change.type != types.FileChangeType.Changed:
                paths = None  # a file created or deleted may change what an import finds
                break
            path = fs_path(change.uri)
            if path is not None and paths is not None:
                paths.add(path)
        if paths is None or paths:
            refresh_readers(server, paths)


def watch(server: ShapeSenseServer) -> None:
    """Ask the client to watch the project's modules and arrays (when it can be asked)."""
    caps = server.client_capabilities.workspace
    watched = caps.did_change_watched_files if caps else None
    if not (watched and watched.dynamic_registration):
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
    )
    server.client_register_capability(
        types.RegistrationParams(
            registrations=[
                types.Registration(
                    id=REGISTRATION_ID,
                    method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=options,
                )
            ]
        )
    )
