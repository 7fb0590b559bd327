"""Merge layers, called on a list of tensors: keras/src/layers/merging/."""

from __future__ import annotations

from collections.abc import Callable

from ...shapes import Dim, Shape, combined, fmt
from .base import Args, LayerError, LayerRule, Opaque


def elementwise_merge(shapes: list[Shape], a: Args) -> Shape:
    """keras.src.layers.merging.base_merge.Merge.compute_output_shape: the axes after the
    batch axis broadcast pairwise, aligned from the right (call() gives a lower-rank input new
    axes after its batch axis)."""
    result: Shape = shapes[0][1:]
    for shape in shapes[1:]:
        other = shape[1:]
        if len(result) < len(other):
            result, other = other, result
        head = list(result[: len(result) - len(other)])
        tail: list[Dim] = []
        for i, j in zip(result[len(result) - len(other) :], other, strict=True):
            if type(i) is not int or type(j) is not int:
                tail.append(combined(i, j))
            elif i == 1:
                tail.append(j)
            elif j == 1 or i == j:
                tail.append(i)
            else:
                raise LayerError(
                    f"Inputs have incompatible shapes. Received shapes {fmt(shapes[0][1:])} and {fmt(shape[1:])}",
                    code="SS106",
                    expected="inputs of one shape (or sizes of 1 that broadcast)",
                )
        result = (*head, *tail)
    batches = {s[0] for s in shapes} - {None}
    return (batches.pop() if len(batches) == 1 else None, *result)


def concatenate_output(shapes: list[Shape], a: Args) -> Shape:
    axis = a.get("axis", -1)
    rank = len(shapes[0])
    if any(len(s) != rank for s in shapes):
        raise LayerError(_concat_message(shapes), code="SS106", expected=_concat_expected(a))
    axis = axis % rank
    out = list(shapes[0])
    for s in shapes[1:]:
        for i in range(rank):
            if i == axis:
                left, right = out[i], s[i]
                out[i] = (
                    left + right
                    if type(left) is int and type(right) is int
                    else combined(left, right)
                )
            elif type(out[i]) is int and type(s[i]) is int and out[i] != s[i]:
                raise LayerError(
                    _concat_message(shapes), code="SS106", expected=_concat_expected(a)
                )
    return tuple(out)


def _concat_message(shapes: list[Shape]) -> str:
    return (
        "A `Concatenate` layer requires inputs with matching shapes except for the "
        f"concatenation axis. Received: input_shape=[{', '.join(fmt(s) for s in shapes)}]"
    )


def _concat_expected(a: Args) -> str:
    return f"inputs of one rank, of the same sizes except on axis {a.get('axis', -1)}"


def merge(rule: Callable[[list[Shape], Args], Shape], params: tuple[str, ...] = ()) -> LayerRule:
    return LayerRule(params=params, merge_output=rule, merge=True)


def dot_output(shapes: list[Shape], a: Args) -> Shape:
    """keras.src.layers.merging.dot.Dot.compute_output_shape."""
    if len(shapes) != 2:
        raise Opaque("inputs")
    first, second = list(shapes[0]), list(shapes[1])
    axes = a.get("axes")
    pair = [axes, axes] if isinstance(axes, int) else list(axes)
    pair = [ax % len(s) if ax < 0 else ax for ax, s in zip(pair, (first, second), strict=True)]
    left, right = first[pair[0]], second[pair[1]]
    if type(left) is int and type(right) is int and left != right:
        raise LayerError(
            f"Incompatible input shapes: axis values {left} (at axis {pair[0]}) != {right} "
            f"(at axis {pair[1]}). Full input shapes: {fmt(shapes[0])}, {fmt(shapes[1])}",
            code="SS106",
            expected=f"axis {pair[0]} of input 0 and axis {pair[1]} of input 1 of one size",
        )
    if len(first) != len(second) or len(first) > 3:
        raise Opaque("rank")  # batch_dot of other ranks: not modelled
    first.pop(pair[0])
    second.pop(pair[1])
    out = first + second[1:]
    return tuple([*out, 1] if len(out) == 1 else out)


ENTRIES: dict[str, LayerRule] = {
    "Dot": merge(dot_output, ("axes", "normalize")),
    "Concatenate": merge(concatenate_output, ("axis",)),
    "Add": merge(elementwise_merge),
    "Subtract": merge(elementwise_merge),
    "Multiply": merge(elementwise_merge),
    "Average": merge(elementwise_merge),
    "Maximum": merge(elementwise_merge),
    "Minimum": merge(elementwise_merge),
}
