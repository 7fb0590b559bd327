"""Core layers: keras/src/layers/core/."""

from __future__ import annotations

import math

from ...shapes import Dim, Shape
from .base import (
    Args,
    InputSpec,
    LayerError,
    LayerRule,
    Opaque,
    fan_in,
    given_weights_check,
    identity,
)


def dense_params(inp: Shape, a: Args) -> int:
    units = a.get("units")
    return (fan_in(inp[-1])) * units + (units if a.get("use_bias", True) else 0)


def dense_weights(built_on: Shape | None, a: Args) -> list[Shape]:
    """kernel (input width, units), then bias (units,)."""
    if built_on is None or type(built_on[-1]) is not int:
        raise Opaque("not built")
    units = known_int(a, "units")
    return [(built_on[-1], units), (units,)] if a.get("use_bias", True) else [(built_on[-1], units)]


def embedding_output(inp: Shape, a: Args) -> Shape:
    given_weights_check(a)
    return (*inp, a.get("output_dim"))


def known_int(a: Args, name: str) -> int:
    value = a.get(name)
    if type(value) is not int:
        raise Opaque(name)
    return value


def einsum_parts(inp: Shape, a: Args) -> tuple[str, str, str, Shape, dict[str, Dim]]:
    """keras.src.layers.core.einsum_dense._analyze_einsum_string, for `ab,bc->ac` and
    `...b,bc->...c`: the input, kernel and output letters, the output shape, and each
    letter's size (Keras 2 and 3 agree while output_shape names no None)."""
    equation = a.get("equation")
    target = a.get("output_shape")
    target = (target,) if isinstance(target, int) else tuple(target)
    if not isinstance(equation, str) or not all(isinstance(d, int) for d in target):
        raise Opaque("equation")
    left, _, out_spec = equation.replace(" ", "").partition("->")
    in_spec, _, kernel_spec = left.partition(",")
    ellipsis = in_spec.startswith("...")
    if ellipsis != out_spec.startswith("...") or "." in kernel_spec:
        raise Opaque("equation")
    in_spec, out_spec = in_spec.removeprefix("..."), out_spec.removeprefix("...")
    lead = inp[: len(inp) - len(in_spec)] if ellipsis else ()
    if len(inp) - len(lead) != len(in_spec):
        raise Opaque("rank")
    sizes: dict[str, Dim] = dict(zip(in_spec, inp[len(lead) :], strict=True))
    # without an ellipsis the output's first letter is the batch axis, not in output_shape
    named = out_spec if ellipsis else out_spec[1:]
    if len(target) != len(named):
        raise Opaque("output_shape")
    for letter, dim in zip(named, target, strict=True):
        known = sizes.get(letter)
        if letter in sizes and type(known) is int and known != dim:
            raise LayerError(
                f"Input shape and output shape do not match at shared dimension '{letter}'. "
                f"Input shape is {known}, and output shape is {dim}."
            )
        sizes.setdefault(letter, dim)
    out = (*lead, *(sizes[letter] for letter in out_spec))
    return in_spec, kernel_spec, out_spec, out, sizes


def einsum_params(inp: Shape, a: Args) -> int:
    _, kernel_spec, _, _, sizes = einsum_parts(inp, a)
    kernel = math.prod(fan_in(sizes[letter]) for letter in kernel_spec)
    bias_axes = a.get("bias_axes") or ""
    return (
        kernel + math.prod(fan_in(sizes[letter]) for letter in bias_axes) if bias_axes else kernel
    )


ENTRIES: dict[str, LayerRule] = {
    "Dense": LayerRule(
        params=("units", "activation", "use_bias"),
        spec=lambda a: InputSpec(min_ndim=2),
        output=lambda s, a: (*s[:-1], a.get("units")),
        built_axes=lambda s, a: {-1: s[-1]} if type(s[-1]) is int else {},
        count_params=dense_params,
        weight_shapes=dense_weights,
    ),
    "Embedding": LayerRule(
        params=("input_dim", "output_dim"),
        output=embedding_output,
        count_params=lambda s, a: a.get("input_dim") * a.get("output_dim"),
        weight_shapes=lambda s, a: [(known_int(a, "input_dim"), known_int(a, "output_dim"))],
    ),
    "EinsumDense": LayerRule(
        params=("equation", "output_shape", "activation", "bias_axes"),
        output=lambda s, a: einsum_parts(s, a)[3],
        count_params=einsum_params,
    ),
    "Masking": identity,
    "Identity": identity,
}
