"""initialize (initializationOptions) and workspace/didChangeConfiguration."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from .environment import STATUS, status_params

if TYPE_CHECKING:
    from .language_server import ShapeSenseServer


def register(server: ShapeSenseServer) -> None:
    @server.guarded(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        for note in server.settings.update(params.initialization_options or {}):
            server.log(note)
        server.settings_changed()

    @server.guarded(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(params: types.DidChangeConfigurationParams) -> None:
        for note in server.settings.update(params.settings):
            server.log(note)
        server.settings_changed()
        from .diagnostics import refresh_all

        refresh_all(server)

    @server.command("shapesense.server.info")
    def server_info(*args: object) -> dict[str, object]:
        keras = server.workspace_keras()
        return {
            "version": server.version,
            "keras": keras.keras.major,
            "kerasOrigin": keras.origin,
            "kerasSetting": server.settings.keras_version,
        }

    @server.guarded(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        server.processes.prestart()  # its start overlaps the editor's opening of documents
        keras = server.workspace_keras()  # logs which Keras, and why
        server.protocol.notify(STATUS, status_params(keras))
        from .dependencies import watch

        watch(server)
