"""Shape rules of the ops code applies to Keras tensors: keras.ops, TensorFlow ops, the tf.keras
backend (K.) and Python's operators, as Keras 3 (keras/src/ops/*.py, `compute_output_spec`) and
TensorFlow's shape inference (Keras 2 wraps each op in a TFOpLambda layer) compute them on
symbolic shapes. Shapes include the batch axis; None is an undefined axis, UNKNOWN_SIZE a size
the analysis does not know. An op that cannot be decided raises `Opaque` (the result is
unknown); one that Keras refuses raises `OpError` with both versions' words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..shapes import UNKNOWN_SIZE, Dim, Shape, fmt
from .layers import LayerError, LayerRule, Opaque


class OpError(LayerError):
    """Keras raises on these shapes. `plain` says it for people; `keras3` is keras.ops's
    message, `tf` TensorFlow's shape-inference message (Keras 2, and inside a Lambda)."""

    def __init__(self, plain: str, keras3: str, tf: str, code: str = "SS103") -> None:
        super().__init__(keras3, code)
        self.plain = plain
        self.keras3 = keras3
        self.tf = tf


@dataclass(frozen=True)
class OpRule(LayerRule):
    """An op's rule; `rows`: a reshape that folds values into the undefined batch axis (the
    values one input row and one output row hold)."""

    rows: tuple[int, int] | None = None


@dataclass(frozen=True)
class LambdaRule(LayerRule):
    """A Lambda's rule: its function run on the input's shape; `trace` keeps why an output is
    unknown and the rows its reshapes fold."""

    trace: Any = None

    def unknown_why(self) -> Any:
        """Why the function's output is not known (a silence.Cause), when it is not."""
        return getattr(self.trace, "why", None)


def tf_fmt(shape: Shape) -> str:
    """A shape as TensorFlow's shape inference prints it: [?,6,4]."""
    return "[" + ",".join("?" if type(d) is not int else str(d) for d in shape) + "]"


def _both(shapes: Sequence[Shape]) -> str:
    return ", ".join(tf_fmt(s) for s in shapes)


def _axis(axis: int, rank: int) -> int:
    if not -rank <= axis < rank:
        raise Opaque("axis")
    return axis % rank


# --- one tensor --------------------------------------------------------------------------


def reshape(shape: Shape, target: Sequence[object], op: str) -> Shape:
    """keras.src.ops.operation_utils.compute_reshape_output_shape (TensorFlow agrees while
    the batch axis is undefined: the -1 stays undefined)."""
    dims: list[int] = []
    for d in target:
        if d is None:
            dims.append(-1)
        elif type(d) is int and d >= -1:
            dims.append(d)
        else:
            raise Opaque("shape")
    if dims.count(-1) > 1:
        raise Opaque("shape")
    if None in shape or UNKNOWN_SIZE in shape:
        fill: Dim = None if None in shape else UNKNOWN_SIZE
        return tuple(fill if d == -1 else d for d in dims)
    size = math.prod(d for d in shape if type(d) is int)
    known = math.prod(d for d in dims if d != -1)
    if -1 not in dims and size == known:
        return tuple(dims)
    if -1 in dims and known and size % known == 0:
        return tuple(size // known if d == -1 else d for d in dims)
    wanted: Shape = tuple(dims)
    raise OpError(
        f"`{op}` cannot reshape {fmt(shape)} ({size} values) to {fmt(wanted)}",
        f"The total size of the tensor must be unchanged. Received: input_shape={fmt(shape)}, newshape={fmt(wanted)}",
        f"Cannot reshape a tensor with {size} elements to shape {tf_fmt(wanted)} ({known} elements)",
        code="SS105",
    )


def rows_ratio(shape: Shape, out: Shape) -> tuple[int, int] | None:
    """A reshape whose -1 takes the undefined batch axis: how many values one row of the input
    and one row of the output hold. Unequal, the reshape changes the number of rows in every
    batch, which no symbolic shape shows (Keras only sees None in both)."""
    if not shape or not out or shape[0] is not None or out[0] is not None:
        return None
    rest_in, rest_out = shape[1:], out[1:]
    if not all(type(d) is int for d in (*rest_in, *rest_out)):
        return None
    return math.prod(rest_in), math.prod(rest_out)  # type: ignore[arg-type]


def expand_dims(shape: Shape, axis: int) -> Shape:
    rank = len(shape) + 1
    at = _axis(axis, rank)
    return (*shape[:at], 1, *shape[at:])


def squeeze(shape: Shape, axis: object, op: str) -> Shape:
    if axis is None:
        if not all(type(d) is int for d in shape[1:]):
            raise Opaque("squeeze of unknown axes")
        return tuple(d for i, d in enumerate(shape) if i == 0 or d != 1)
    axes = (
        [axis] if isinstance(axis, int) else list(axis) if isinstance(axis, (list, tuple)) else None
    )
    if axes is None or not all(type(a) is int for a in axes):
        raise Opaque("axis")
    drop = {_axis(a, len(shape)) for a in axes}
    for a in sorted(drop):
        dim = shape[a]
        if type(dim) is int and dim != 1:
            raise OpError(
                f"`{op}` cannot squeeze axis {a} of {fmt(shape)}: its size is {dim}, not 1",
                f"Cannot squeeze axis {a}, because the dimension is not 1.",
                f"Can not squeeze dim[{a}], expected a dimension of 1, got {dim}",
            )
        if type(dim) is not int:
            raise Opaque("squeeze of an unknown axis")
    return tuple(d for i, d in enumerate(shape) if i not in drop)


def transpose(shape: Shape, perm: object) -> Shape:
    if perm is None:
        return tuple(reversed(shape))
    if not isinstance(perm, (list, tuple)) or sorted(perm) != list(range(len(shape))):
        raise Opaque("perm")
    return tuple(shape[p] for p in perm)


def reduce(shape: Shape, axis: object, keepdims: bool) -> Shape:
    """reduce_sum / mean / max ... over `axis` (None: every axis)."""
    if axis is None:
        return tuple(1 for _ in shape) if keepdims else ()
    axes = (
        [axis] if isinstance(axis, int) else list(axis) if isinstance(axis, (list, tuple)) else None
    )
    if axes is None or not all(type(a) is int for a in axes):
        raise Opaque("axis")
    gone = {_axis(a, len(shape)) for a in axes}
    if keepdims:
        return tuple(1 if i in gone else d for i, d in enumerate(shape))
    return tuple(d for i, d in enumerate(shape) if i not in gone)


def tile(shape: Shape, multiples: object) -> Shape:
    if not isinstance(multiples, (list, tuple)) or len(multiples) != len(shape):
        raise Opaque("multiples")
    if not all(type(m) is int for m in multiples):
        raise Opaque("multiples")
    return tuple(d * m if type(d) is int else d for d, m in zip(shape, multiples, strict=True))


def getitem(shape: Shape, index: Sequence[object]) -> Shape:
    """x[...] with ints, slices, None (a new axis) and one Ellipsis."""
    consumed = sum(1 for i in index if i is not None and i is not Ellipsis)
    if consumed > len(shape) or sum(1 for i in index if i is Ellipsis) > 1:
        raise Opaque("index")
    items = list(index)
    if Ellipsis in items:
        at = items.index(Ellipsis)
        items[at : at + 1] = [slice(None)] * (len(shape) - consumed)
    else:
        items += [slice(None)] * (len(shape) - consumed)
    out: list[Dim] = []
    axis = 0
    for item in items:
        if item is None:
            out.append(1)
            continue
        dim = shape[axis]
        axis += 1
        if isinstance(item, bool) or not isinstance(item, (int, slice)):
            raise Opaque("index")
        if isinstance(item, int):
            if type(dim) is int and not -dim <= item < dim:
                raise Opaque("index out of range")  # Keras 3 and TF disagree on the words
            continue
        if type(dim) is int:
            out.append(len(range(*item.indices(dim))))
        elif item == slice(None):
            out.append(dim)
        else:
            out.append(UNKNOWN_SIZE if dim is UNKNOWN_SIZE else None)
    return tuple(out)


# --- several tensors -----------------------------------------------------------------------


def broadcast(a: Shape, b: Shape, op: str) -> Shape:
    """keras.src.ops.operation_utils.broadcast_shapes; TensorFlow's BroadcastBinaryOpShapeFn
    agrees on symbolic shapes. An unknown size never fails."""
    rank = max(len(a), len(b))
    left = (1,) * (rank - len(a)) + tuple(a)
    right = (1,) * (rank - len(b)) + tuple(b)
    out: list[Dim] = []
    for x, y in zip(left, right, strict=True):
        if x == 1:
            out.append(y)
        elif y == 1:
            out.append(x)
        elif type(x) is int and type(y) is int:
            if x != y:
                raise OpError(
                    f"`{op}` cannot broadcast {fmt(a)} with {fmt(b)}: {x} against {y}",
                    f"Cannot broadcast shape, the failure dim has value {x}, which cannot be "
                    f"broadcasted to {y}. Input shapes are: {list(a)} and {list(b)}.",
                    f"Dimensions must be equal, but are {x} and {y} for '{{{{node {op}}}}}' "
                    f"with input shapes: {_both((a, b))}.",
                )
            out.append(x)
        elif type(x) is int or type(y) is int:
            out.append(x if type(x) is int else y)
        else:
            out.append(None if x is None and y is None else UNKNOWN_SIZE)
    return tuple(out)


def concatenate(shapes: Sequence[Shape], axis: int, op: str) -> Shape:
    first = shapes[0]
    for other in shapes[1:]:
        if len(other) != len(first):
            raise OpError(
                f"`{op}` joins tensors of different ranks: {fmt(first)} and {fmt(other)}",
                "Every value in `xs` must have the same shape except on the `axis` dim. But "
                f"found element of shape {fmt(other)}, which is different from the first "
                f"element's shape {fmt(first)}.",
                f"Shape must be rank {len(first)} but is rank {len(other)} for "
                f"'{{{{node {op}}}}}' with input shapes: {_both(shapes)}.",
                code="SS106",
            )
    at = _axis(axis, len(first))
    out = list(first)
    for other in shapes[1:]:
        for i, (x, y) in enumerate(zip(out, other, strict=True)):
            if i == at:
                continue
            if type(x) is int and type(y) is int and x != y:
                raise OpError(
                    f"`{op}` joins {fmt(first)} and {fmt(other)} on axis {axis}: axis {i} differs ({x} and {y})",
                    "Every value in `xs` must have the same shape except on the `axis` dim. But "
                    f"found element of shape {fmt(other)}, which is different from the first "
                    f"element's shape {fmt(first)}.",
                    f"Dimension {i} in both shapes must be equal, but are {x} and {y}. Shapes are "
                    f"{tf_fmt(first)} and {tf_fmt(other)}. for '{{{{node {op}}}}}' with input "
                    f"shapes: {_both(shapes)}.",
                    code="SS106",
                )
            if type(x) is not int and type(y) is int:
                out[i] = y
    joined = [s[at] for s in shapes]
    if all(type(d) is int for d in joined):
        out[at] = sum(joined)  # type: ignore[arg-type]
    else:
        out[at] = None if any(d is None for d in joined) else UNKNOWN_SIZE
    return tuple(out)


def split(shape: Shape, pieces: int | Sequence[int], axis: int) -> list[Shape]:
    """tf.split / keras.ops.split: equal pieces, or pieces of the sizes given (one may be -1).
    A split that does not divide the axis stays unknown (Opaque): its error is not modelled."""
    at = _axis(axis, len(shape))
    size = shape[at]
    if isinstance(pieces, int):
        if pieces <= 0 or (type(size) is int and size % pieces):
            raise Opaque("split")
        each: Dim = size // pieces if type(size) is int else size
        sizes: list[Dim] = [each] * pieces
    else:
        given = list(pieces)
        if given.count(-1) > 1 or any(type(d) is not int or d < -1 for d in given):
            raise Opaque("split")
        if -1 in given:
            if type(size) is not int:
                raise Opaque("split")
            given[given.index(-1)] = size - (sum(given) + 1)
        if type(size) is int and (sum(given) != size or min(given, default=0) < 0):
            raise Opaque("split")
        sizes = list(given)
    return [(*shape[:at], d, *shape[at + 1 :]) for d in sizes]


def stack(shapes: Sequence[Shape], axis: int, op: str) -> Shape:
    first = shapes[0]
    for other in shapes[1:]:
        if len(other) != len(first) or any(
            type(x) is int and type(y) is int and x != y for x, y in zip(first, other, strict=False)
        ):
            raise OpError(
                f"`{op}` stacks tensors of different shapes: {fmt(first)} and {fmt(other)}",
                "Every value in `xs` must have the same shape. But found element of shape "
                f"{fmt(other)}, which is different from the first element's shape {fmt(first)}.",
                f"Shapes must be equal rank, but are {len(first)} and {len(other)} for "
                f"'{{{{node {op}}}}}' with input shapes: {_both(shapes)}."
                if len(other) != len(first)
                else f"Dimensions must be equal for '{{{{node {op}}}}}' with input shapes: "
                f"{_both(shapes)}.",
                code="SS106",
            )
    at = _axis(axis, len(first) + 1)
    return (*first[:at], len(shapes), *first[at:])


def matmul(
    a: Shape, b: Shape, op: str, transpose_a: bool = False, transpose_b: bool = False
) -> Shape:
    if len(a) < 2 or len(b) < 2:
        raise Opaque("matmul of vectors")
    if transpose_a:
        a = (*a[:-2], a[-1], a[-2])
    if transpose_b:
        b = (*b[:-2], b[-1], b[-2])
    inner_a, inner_b = a[-1], b[-2]
    if type(inner_a) is int and type(inner_b) is int and inner_a != inner_b:
        raise OpError(
            f"`{op}` multiplies {fmt(a)} by {fmt(b)}: inner sizes {inner_a} and {inner_b} differ",
            "Inner dimensions (`x1.shape[-1]` and `x2.shape[-2]`) must be equal, but received "
            f"`x1.shape={fmt(a)}` and `x2.shape={fmt(b)}`.",
            f"Dimensions must be equal, but are {inner_a} and {inner_b} for '{{{{node {op}}}}}' "
            f"with input shapes: {_both((a, b))}.",
        )
    batch = broadcast(a[:-2], b[:-2], op) if (a[:-2] or b[:-2]) else ()
    return (*batch, a[-2], b[-1])
