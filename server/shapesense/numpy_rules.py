"""Shapes of numpy operations, answered by numpy itself.

Each rule builds zero-itemsize proxy arrays of the input shapes (they hold no bytes, whatever
the user's numbers are) and lets numpy run the real operation, so reshape with -1, negative
axes, broadcasting and fancy slicing follow numpy's own rules, errors included.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from .shapes import Shape, is_known, sane

if TYPE_CHECKING:
    import numpy as np
else:
    from .lazy import lazy_import

    np = lazy_import("numpy")  # loaded by the first shape question (lazy.py)


@cache
def _void() -> np.dtype:
    return np.dtype([])  # itemsize 0: any shape costs nothing


class NumpyError(Exception):
    """numpy itself raises on this operation (e.g. reshape to a different size)."""


class Undecidable(Exception):
    """Not enough is known to ask numpy."""


def proxy(shape: Shape) -> np.ndarray:
    if not is_known(shape) or not sane(shape):
        raise Undecidable
    return np.empty(shape, dtype=_void())  # type: ignore[arg-type]


def ask(op: Callable[..., Any], *shapes: Shape, **kwargs: Any) -> Shape:
    """Run `op` on proxies of `shapes` and return the shape of the result."""
    arrays = [proxy(s) for s in shapes]
    try:
        result = op(*arrays, **kwargs)
    except (ValueError, IndexError, TypeError, np.exceptions.AxisError) as exc:
        raise NumpyError(str(exc)) from exc
    except (OverflowError, MemoryError) as exc:
        raise Undecidable from exc
    shape = tuple(int(d) for d in np.shape(result))
    if not sane(shape):
        raise Undecidable
    return shape


def reshape(shape: Shape, target: Sequence[int]) -> Shape:
    return ask(lambda a: a.reshape(tuple(target)), shape)


def expand_dims(shape: Shape, axis: int | tuple[int, ...]) -> Shape:
    if is_known(shape):
        return ask(np.expand_dims, shape, axis=axis)
    # Unknown dims are carried through: expand a proxy with placeholders, then map back.
    marker = tuple(1 if d is None else d for d in shape)
    out = ask(np.expand_dims, marker, axis=axis)
    axes = (axis,) if isinstance(axis, int) else axis
    new_positions = {a % len(out) for a in axes}
    dims = iter(shape)
    return tuple(1 if i in new_positions else next(dims) for i in range(len(out)))


def index(shape: Shape, key: object) -> Shape:
    return ask(lambda a: a[key], shape)


def squeeze(shape: Shape, axis: int | tuple[int, ...] | None = None) -> Shape:
    return ask(np.squeeze, shape, axis=axis)


def transpose(shape: Shape, axes: object = None) -> Shape:
    return ask(np.transpose, shape, axes=axes)


def swapaxes(shape: Shape, a: int, b: int) -> Shape:
    return ask(np.swapaxes, shape, axis1=a, axis2=b)


def moveaxis(shape: Shape, source: object, destination: object) -> Shape:
    return ask(np.moveaxis, shape, source=source, destination=destination)


def join_arrays(kind: str, shapes: Sequence[Shape], axis: int = 0) -> Shape:
    """concatenate / stack / vstack / hstack / dstack / column_stack."""
    fn = {
        "concatenate": lambda *a: np.concatenate(a, axis=axis),
        "stack": lambda *a: np.stack(a, axis=axis),
        "vstack": lambda *a: np.vstack(a),
        "hstack": lambda *a: np.hstack(a),
        "dstack": lambda *a: np.dstack(a),
        "column_stack": lambda *a: np.column_stack(a),
    }[kind]
    return ask(fn, *shapes)


def broadcast(*shapes: Shape) -> Shape:
    """numpy broadcasting of operands; unknown dims only where numpy's answer cannot depend on them."""
    if all(is_known(s) for s in shapes):
        try:
            return tuple(np.broadcast_shapes(*shapes))  # type: ignore[arg-type]
        except ValueError as exc:
            raise NumpyError(str(exc)) from exc
    rank = max(len(s) for s in shapes)
    padded = [(1,) * (rank - len(s)) + tuple(s) for s in shapes]
    out: list[int | None] = []
    for dims in zip(*padded, strict=True):
        real = {d for d in dims if d != 1}
        if None in real:
            known = real - {None}
            if len(known) > 1:
                raise NumpyError("operands could not be broadcast together")
            out.append(next(iter(known)) if known else None)
        else:
            if len(real) > 1:
                raise NumpyError("operands could not be broadcast together")
            out.append(real.pop() if real else 1)
    return tuple(out)


def reduce(shape: Shape, axis: int | tuple[int, ...] | None, keepdims: bool = False) -> Shape:
    """Shape after sum/mean/max/argmax-style reductions, with numpy's own axis normalisation."""
    try:
        axes = (
            set(range(len(shape)))
            if axis is None
            else set(np.lib.array_utils.normalize_axis_tuple(axis, len(shape)))
        )
    except (np.exceptions.AxisError, TypeError, ValueError) as exc:
        raise NumpyError(str(exc)) from exc
    if keepdims:
        return tuple(1 if i in axes else d for i, d in enumerate(shape))
    return tuple(d for i, d in enumerate(shape) if i not in axes)


def matmul(a: Shape, b: Shape) -> Shape:
    """Shape of a @ b, computed on broadcast scalars so nothing is multiplied."""
    if not (is_known(a) and is_known(b)) or len(a) == 0 or len(b) == 0:
        raise Undecidable
    if a[-1] != (b[0] if len(b) == 1 else b[-2]):
        raise NumpyError(f"matmul: mismatch in core dimension: {a} @ {b}")
    if len(a) == 1 and len(b) == 1:
        return ()
    if len(b) == 1:
        return tuple(a[:-1])
    if len(a) == 1:
        return (*b[:-2], b[-1])
    batch = broadcast(tuple(a[:-2]), tuple(b[:-2]))
    return (*batch, a[-2], b[-1])
