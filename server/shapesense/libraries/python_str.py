"""Python's `str` methods, met on an item of a numpy array of strings (`np.str_` is a `str`).

`[t.split()[0] for t in texts]` keeps one string per item of `texts`. A method that returns
a string gives a string of unknown text; `split` gives a list of strings of unknown length.
Nothing here reads the text itself.
"""

from __future__ import annotations

import ast

from ..session import Session
from ..values import UNKNOWN, Array, Value
from .registry import REGISTRY

TO_STRING = (
    "lower",
    "upper",
    "strip",
    "lstrip",
    "rstrip",
    "title",
    "capitalize",
    "casefold",
    "replace",
)
TO_STRINGS = ("split", "rsplit", "splitlines")


def _is_string(value: Array) -> bool:
    return value.dtype == "str" and value.shape == ()


@REGISTRY.method(Array, *TO_STRING)
def _to_string(
    session: Session,
    text: Array,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    return text.step((), f"`.{method}()`") if _is_string(text) else UNKNOWN


@REGISTRY.method(Array, *TO_STRINGS)
def _to_strings(
    session: Session,
    text: Array,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    # None: a numpy shape's unknown size (shapes.py); the list is indexed like an array of strings
    return text.step((None,), f"`.{method}()`") if _is_string(text) else UNKNOWN
