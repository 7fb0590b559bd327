"""The names a keras.applications backbone gets, and the automatic names its construction uses
up, as measured on real Keras 2 and 3 (keras/application_names.json, written by
`python -m tests.oracle.application_names`)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from ..session import Session
from ..values import Value, to_python

TABLE = Path(__file__).resolve().parents[1] / "keras" / "application_names.json"
# MobileNet and MobileNetV2 name themselves f"{prefix}_{alpha:0.2f}_{rows}"; with imagenet
# weights, rows not square or not a size weights exist for are named 224 (both versions' source)
_ROWS_NAMED = {
    "MobileNet": ("mobilenet", (128, 160, 192, 224)),
    "MobileNetV2": ("mobilenetv2", (96, 128, 160, 192, 224)),
}


@functools.cache
def table() -> dict[str, dict[str, dict[str, Any]]]:
    """Version ("2", "3") -> backbone -> {"name": model name, "uses": {base: count}}."""
    return json.loads(TABLE.read_text()) if TABLE.exists() else {}


def model_name(
    session: Session,
    class_name: str,
    given: Value | None,
    input_shape: tuple[Any, ...],
    weights: Any,
    measured: str | None = None,
) -> str:
    """`name=` as written, else Keras's own: MobileNet's by its rows, else the names table's,
    else the one the applications table measured (`measured`), else the lower-cased class."""
    written = to_python(given) if given is not None else None
    if isinstance(written, str):
        return written
    if class_name in _ROWS_NAMED:
        prefix, sizes = _ROWS_NAMED[class_name]
        rows, cols = input_shape[0], input_shape[1]
        if weights == "imagenet" and (rows != cols or rows not in sizes):
            rows = 224
        return f"{prefix}_1.00_{rows}"  # alpha: only its default, 1.0, is followed
    row = table().get(str(session.version.major), {}).get(class_name)
    return str(row["name"]) if row else (measured or class_name.lower())


def use_names(session: Session, class_name: str, own_input: bool, include_top: bool) -> str | None:
    """Count the automatic names the backbone's construction takes; the name of the Input it
    makes (None when it is built on the user's tensor). Measured with the top and without it
    (pooling=None): a `pooling=` layer some backbones leave unnamed is not counted."""
    input_base = "input" if session.version.major == 2 else "input_layer"
    input_name = session.input_name(None) if own_input else None
    row = table().get(str(session.version.major), {}).get(class_name) or {}
    for base, count in row.get("uses" if include_top else "uses_without_top", {}).items():
        for _ in range(count - (base == input_base)):
            session.use_name(base)
    return input_name
