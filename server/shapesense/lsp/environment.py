"""The Keras for the server's documents: the editor's settings over the configuration file.

An interpreter (the editor's `python` setting, else the configuration's) is never run: its
environment is read from the file system (keras/interpreter.py).
"""

from __future__ import annotations

import sys

from ..config import Config
from ..keras.interpreter import InterpreterError, search_path
from ..keras.versions import KERAS_3, Detected, detect_with_origin
from .settings import Settings


def detect_for(settings: Settings, config: Config) -> Detected:
    if settings.keras_version != "auto":
        return detect_with_origin(
            settings.keras_version, None, "", "the editor's kerasVersion setting"
        )
    if config.keras_version != "auto":
        return detect_with_origin(config.keras_version, None, "", f"keras-version in {config.path}")
    python, source = (
        (settings.python, "the editor's interpreter")
        if settings.python
        else (config.python, f"python in {config.path}")
    )
    if python:
        try:
            exe, paths = search_path(python, str(config.root) if config.root else None)
        except InterpreterError as exc:
            return Detected(KERAS_3, f"assumed: {source}: {exc}")
        return detect_with_origin("auto", paths, f"the environment of {exe} ({source})")
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
