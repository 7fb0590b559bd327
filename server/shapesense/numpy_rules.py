"""Shapes of numpy operations, answered by numpy itself.

Each rule builds zero-itemsize proxy arrays of the input shapes (they hold no bytes, whatever
the user's numbers are) and lets numpy run the real operation, so reshape with -1, negative
axes, broadcasting and fancy slicing follow numpy's own rules, errors included.
"""

from __future__ import annotations

import math
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
    plain = _reshape_known(shape, target)
    if plain is not None:
        return plain
    return ask(lambda a: a.reshape(tuple(target)), shape)


def _expand(shape: Shape, axis: int | tuple[int, ...]) -> Shape:
    plain = _expand_known(shape, axis)
    if plain is not None:
        return plain
    return ask(np.expand_dims, shape, axis=axis)


def expand_dims(shape: Shape, axis: int | tuple[int, ...]) -> Shape:
    if is_known(shape):
        return _expand(shape, axis)
    # Unknown dims are carried through: expand a proxy with placeholders, then map back.
    marker = tuple(1 if d is None else d for d in shape)
    out = _expand(marker, axis)
    axes = (axis,) if isinstance(axis, int) else axis
    new_positions = {a % len(out) for a in axes}
    dims = iter(shape)
    return tuple(1 if i in new_positions else next(dims) for i in range(len(out)))


# Some questions are answered without numpy where the answer is plain arithmetic and numpy
# would accept the operation: basic indexing (`x[:, 0]`, `x[..., None]`), broadcasting shapes
# that agree, reshape, expand_dims and a reduction's axes: of the 85 tests/corpus programs that
# loaded numpy for them, 4 still do (concatenate, squeeze), and importing numpy is about 0.13 s
# of a cold `shapesense check`. Anything else, errors included, is still numpy's own answer and
# message (tests/test_numpy_rules.py holds each to numpy).
_MAX_RANK = 32  # numpy 1's limit on dimensions (numpy 2: 64): beyond it numpy decides
_MAX_BOUND = 1 << 62  # a slice bound numpy might clamp differently from Python


def _basic_index(shape: Shape, key: object) -> Shape | None:
    """The shape of `a[key]` for basic indexing numpy accepts (ints in range, slices of ints,
    None, one Ellipsis); None for anything else."""
    sizes = [d for d in shape if type(d) is int]
    items = key if type(key) is tuple else (key,)
    consumed, ellipses = 0, 0
    for item in items:
        if item is Ellipsis:
            ellipses += 1
        elif type(item) is int:
            consumed += 1
        elif isinstance(item, slice):
            bounds = (item.start, item.stop, item.step)
            if item.step == 0 or not all(
                b is None or (type(b) is int and abs(b) < _MAX_BOUND) for b in bounds
            ):
                return None
            consumed += 1
        elif item is not None:
            return None  # a list, an array, a bool: numpy's advanced indexing
    if len(sizes) != len(shape) or ellipses > 1 or consumed > len(sizes):
        return None
    out: list[int] = []
    dims = iter(sizes)
    for item in items:
        if item is Ellipsis:
            out.extend(next(dims) for _ in range(len(sizes) - consumed))
        elif item is None:
            out.append(1)
        elif isinstance(item, slice):
            out.append(len(range(*item.indices(next(dims)))))
        else:
            size = next(dims)
            if not -size <= item < size:
                return None
    out.extend(dims)
    return tuple(out) if len(out) <= _MAX_RANK else None


def _known_sizes(shape: Shape) -> list[int] | None:
    """The shape's sizes where `ask` would build a proxy of it (known, sane), else None."""
    sizes = [d for d in shape if type(d) is int]
    return sizes if len(sizes) == len(shape) and sane(shape) else None


def _axes(axis: object, ndim: int) -> tuple[int, ...] | None:
    """numpy's normalize_axis_tuple for an int or a tuple of ints it accepts, else None."""
    axes = axis if type(axis) is tuple else (axis,)
    if not all(type(a) is int and -ndim <= a < ndim for a in axes):
        return None
    normal = tuple(a % ndim for a in axes)
    return normal if len(set(normal)) == len(normal) else None


def _reshape_known(shape: Shape, target: Sequence[int]) -> Shape | None:
    """`a.reshape(target)` where numpy accepts it: ints, at most one -1, the same size."""
    sizes = _known_sizes(shape)
    target = tuple(target)
    if sizes is None or len(target) > _MAX_RANK or not all(type(d) is int for d in target):
        return None
    unknown = [i for i, d in enumerate(target) if d == -1]
    if len(unknown) > 1 or any(d < -1 for d in target):
        return None
    total, rest = math.prod(sizes), math.prod(d for d in target if d != -1)
    if not unknown:
        return target if rest == total else None
    if rest == 0 or total % rest:
        return None
    return tuple(total // rest if d == -1 else d for d in target)


def _expand_known(shape: Shape, axis: int | tuple[int, ...]) -> Shape | None:
    sizes = _known_sizes(shape)
    count = len(axis) if type(axis) is tuple else 1
    axes = None if sizes is None else _axes(axis, len(sizes) + count)
    if sizes is None or axes is None or len(sizes) + count > _MAX_RANK:
        return None
    dims = iter(sizes)
    return tuple(1 if i in axes else next(dims) for i in range(len(sizes) + count))


def index(shape: Shape, key: object) -> Shape:
    if is_known(shape) and sane(shape):
        basic = _basic_index(shape, key)
        if basic is not None:
            return basic
    return ask(lambda a: a[key], shape)


def _broadcast_known(shapes: Sequence[Shape]) -> Shape | None:
    """numpy's broadcast of known shapes that agree; None where numpy would raise."""
    sizes = [[d for d in s if type(d) is int and d >= 0] for s in shapes]
    rank = max((len(s) for s in sizes), default=0)
    if rank > _MAX_RANK or any(len(a) != len(s) for a, s in zip(sizes, shapes, strict=True)):
        return None
    out: list[int] = []
    for dims in zip(*[[1] * (rank - len(s)) + s for s in sizes], strict=True):
        real = set(dims) - {1}
        if len(real) > 1:
            return None
        out.append(real.pop() if real else 1)
    return tuple(out)


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
        agreed = _broadcast_known(shapes)
        if agreed is not None:
            return agreed
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
    plain = None if axis is None else _axes(axis, len(shape))
    try:
        axes = (
            set(range(len(shape)))
            if axis is None
            else set(plain)
            if plain is not None
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
