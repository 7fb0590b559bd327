"""Small helpers for driving the core the way its adapters do."""

from __future__ import annotations

from shapesense import Options, analyze
from shapesense.findings import Analysis, Finding
from shapesense.keras.versions import KerasVersion


def run(source: str, keras: int = 3) -> Analysis:
    return analyze(source, Options(KerasVersion(keras)))


def errors(source: str, keras: int = 3) -> list[Finding]:
    return [f for f in run(source, keras).findings if f.severity == "error"]


def shape_of(source: str, name: str) -> str | None:
    """The inferred shape of `name` at its last mention, as hover shows it."""
    found = [s for s in run(source).symbols if s.name == name]
    if not found:
        return None
    desc = found[-1].description
    return (
        desc[desc.index("(") : desc.index(")") + 1]
        if desc.startswith(("array", "KerasTensor"))
        else desc
    )
