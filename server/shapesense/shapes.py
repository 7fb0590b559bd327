"""Shapes as Keras prints them: a tuple of dims, each a known int or None (batch or unknown)."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

Dim = int | None
Shape = tuple[Dim, ...]

# Shapes whose element count passes this are treated as unknown: no rule ever needs them.
MAX_ELEMENTS = 2**62


def fmt(shape: Iterable[Dim] | None) -> str:
    """Format like Keras and numpy: (None, 20, 5), (10,), ()."""
    if shape is None:
        return "(?)"
    return _fmt_tuple(shape if type(shape) is tuple else tuple(shape))


@functools.lru_cache(maxsize=4096)  # the same few shapes are printed over and over
def _fmt_tuple(shape: Shape) -> str:
    dims = ["None" if d is None else str(d) for d in shape]
    if len(dims) == 1:
        return f"({dims[0]},)"
    return "(" + ", ".join(dims) + ")"


def is_known(shape: Shape) -> bool:
    return all(d is not None for d in shape)


def numel(shape: Shape) -> int | None:
    """Number of elements, or None if a dim is unknown."""
    if not is_known(shape):
        return None
    return math.prod(d for d in shape if d is not None)


def sane(shape: Shape) -> bool:
    """True for shapes the propagator can reason about (non-negative, not astronomically large)."""
    if any(d is not None and d < 0 for d in shape):
        return False
    n = numel(shape)
    return n is None or n <= MAX_ELEMENTS


def with_batch(sample: Shape) -> Shape:
    return (None, *sample)


def compatible(expected: Shape, actual: Shape) -> bool:
    """Same rank, and every axis known on both sides is equal (Keras's shape compatibility)."""
    if len(expected) != len(actual):
        return False
    return all(e is None or a is None or e == a for e, a in zip(expected, actual, strict=True))
