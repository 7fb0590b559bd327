"""Check results (results.py) and the formats that print them: one module per family of
formats, each importing results.py and never this package's `__init__`."""

from __future__ import annotations

from collections.abc import Callable

from .results import FileResult, Place, Run

__all__ = ["FORMATS", "FileResult", "Formatter", "Place", "Run", "formatters"]

Formatter = Callable[[Run], str]


def formatters() -> dict[str, Formatter]:
    from . import machine, sarif, text

    return {
        "text": text.full,
        "full": text.full,
        "concise": text.concise,
        "json": machine.json_document,
        "json-lines": machine.json_lines,
        "sarif": sarif.sarif,
        "github": machine.github,
        "gitlab": machine.gitlab,
        "junit": machine.junit,
    }


FORMATS = ("text", "full", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit")
