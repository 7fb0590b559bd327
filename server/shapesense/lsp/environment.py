"""The Keras for the server's documents: the editor's settings over the configuration file.

The editor's `python` setting is the user's own choice of interpreter: it is asked for its
paths (`python -I`, keras/interpreter.py). A `python` named by the configuration file comes
from the repository, so it is never run: its environment is read from the file system.
"""

from __future__ import annotations

import sys

from ..config import Config
from ..keras.interpreter import InterpreterError, search_path, static_search_path
from ..keras.versions import Detected, detect_with_origin
from .settings import Settings


def detect_for(settings: Settings, config: Config) -> Detected:
    if settings.keras_version != "auto":
        return detect_with_origin(
            settings.keras_version, None, "", "the editor's kerasVersion setting"
        )
    if config.keras_version != "auto":
        return detect_with_origin(config.keras_version, None, "", f"keras-version in {config.path}")
    if settings.python:
        cwd = str(config.root) if config.root else None
        try:
            exe, paths = search_path(settings.python, cwd)
            where = f"the environment of {exe} (the editor's interpreter)"
        except InterpreterError as exc:
            paths = static_search_path(settings.python)
            where = f"the environment of {settings.python} (not runnable: {exc}; read from disk)"
        return detect_with_origin("auto", paths, where)
    if config.python:
        where = f"the environment of {config.python} (python in {config.path}; read, not run)"
        return detect_with_origin("auto", static_search_path(config.python), where)
    return detect_with_origin("auto", None, f"the server's own environment, {sys.executable}")


STATUS = "shapesense/status"


def status_params(keras: Detected, uri: str | None = None) -> dict[str, object]:
    """What `shapesense/status` carries (README, "Language server")."""
    params: dict[str, object] = {
        "kerasVersion": keras.keras.major,
        "origin": keras.origin,
        "text": keras.describe(),
    }
    if uri is not None:
        params["uri"] = uri
    return params
