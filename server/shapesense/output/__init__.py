"""Check results (results.py) and the formats that print them: one module per family of
formats, each importing results.py and never this package's `__init__`."""

from __future__ import annotations

from collections.abc import Callable

from .results import FileResult, Place, Run

__all__ = ["FORMATS", "FileResult", "Formatter", "Place", "Run", "formatters"]

Formatter = Callable[[Run], str]


# format -> (module of output/, its function): only the chosen format's module is imported
# (machine.py brings hashlib and json, a few ms of a cold `shapesense check`)
_FORMATTERS = {
    "text": ("text", "full"),
    "full": ("text", "full"),
    "concise": ("text", "concise"),
    "json": ("machine", "json_document"),
    "json-lines": ("machine", "json_lines"),
    "sarif": ("sarif", "sarif"),
    "github": ("machine", "github"),
    "gitlab": ("machine", "gitlab"),
    "junit": ("machine", "junit"),
}


def formatter(name: str) -> Formatter:
    import importlib

    module, function = _FORMATTERS[name]
    found: Formatter = getattr(importlib.import_module(f"{__name__}.{module}"), function)
    return found


FORMATS = tuple(_FORMATTERS)
