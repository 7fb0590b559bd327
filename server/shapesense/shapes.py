"""Shapes as Keras prints them: a tuple of dims.

A dim is a known int, None (an axis Keras itself leaves undefined: the batch axis, or one the
user declared as None) or UNKNOWN_SIZE (a real size at run time that the analysis does not
know, e.g. `X.shape[1]` of an unmodelled X). The two are apart on purpose: Keras rejects some
undefined axes (Keras 2's Dense needs a defined last axis) but never an unknown size.
Numpy array shapes still write an unknown size as None (an array has no undefined axes);
`keras_sample` is the one way from an array's shape into Keras's.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable


class UnknownSize:
    """A size that exists at run time but that the analysis does not know."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "?"

    def __reduce__(self) -> str:
        return "UNKNOWN_SIZE"  # one instance, across copies and pickles


UNKNOWN_SIZE = UnknownSize()
Dim = int | None | UnknownSize
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
    dims = [str(d) for d in shape]
    if len(dims) == 1:
        return f"({dims[0]},)"
    return "(" + ", ".join(dims) + ")"


def size(dim: Dim) -> int | None:
    """The dim as an int, or None when it is not a known number (undefined or unknown)."""
    return dim if type(dim) is int else None


def scaled(dim: Dim, factor: int) -> Dim:
    """dim * factor; an undefined axis stays undefined, an unknown size unknown."""
    return dim * factor if type(dim) is int else dim


def product(dims: Iterable[Dim]) -> Dim:
    """The size of axes merged into one (Flatten): undefined if one is, else unknown if one is."""
    dims = tuple(dims)
    if any(d is None for d in dims):
        return None
    if not is_known(dims):
        return UNKNOWN_SIZE
    return math.prod(d for d in dims if type(d) is int)


def combined(a: Dim, b: Dim) -> Dim:
    """The kind two dims that are not both known give: undefined wins over unknown."""
    return None if a is None or b is None else UNKNOWN_SIZE


def is_known(shape: Shape) -> bool:
    return all(type(d) is int for d in shape)


def numel(shape: Shape) -> int | None:
    """Number of elements, or None if a dim is unknown."""
    if not is_known(shape):
        return None
    return math.prod(d for d in shape if type(d) is int)


def sane(shape: Shape) -> bool:
    """True for shapes the propagator can reason about (non-negative, not astronomically large)."""
    if any(type(d) is int and d < 0 for d in shape):
        return False
    n = numel(shape)
    return n is None or n <= MAX_ELEMENTS


def with_batch(sample: Shape) -> Shape:
    return (None, *sample)


def keras_sample(data: Shape) -> Shape:
    """What Keras sees of an array of this shape: the batch axis undefined, and every size the
    analysis does not know an unknown size (never an undefined axis: the array has a size)."""
    return (None, *(UNKNOWN_SIZE if d is None else d for d in data[1:]))


def compatible(expected: Shape, actual: Shape) -> bool:
    """Same rank, and every axis known on both sides is equal (Keras's shape compatibility)."""
    if len(expected) != len(actual):
        return False
    return all(
        type(e) is not int or type(a) is not int or e == a
        for e, a in zip(expected, actual, strict=True)
    )
