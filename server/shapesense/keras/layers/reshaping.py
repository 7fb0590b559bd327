"""Reshaping: keras/src/layers/reshaping/."""

from __future__ import annotations

from ... import numpy_rules
from ...shapes import Shape, fmt, numel, product, scaled
from .base import Args, InputSpec, LayerError, LayerRule, Opaque, spatial_axes, tuplify


def flatten_output(inp: Shape, a: Args) -> Shape:
    rest = inp[1:]
    return (inp[0], product(rest) if rest else 1)


def reshape_output(inp: Shape, a: Args) -> Shape:
    target = tuple(a.get("target_shape"))
    size = numel(inp[1:])
    if size is None:
        if target.count(-1) == 0:
            return (inp[0], *target)
        raise Opaque("size")
    try:
        resolved = numpy_rules.reshape((size,), target)
    except numpy_rules.NumpyError:
        raise LayerError(
            f"The total size of the tensor must be unchanged. Received: input_shape={fmt(inp[1:])}, target_shape={fmt(target)}",
            code="SS105",
        ) from None
    return (inp[0], *resolved)


def permute_output(inp: Shape, a: Args) -> Shape:
    dims = tuple(a.get("dims"))
    return (inp[0], *(inp[d] for d in dims))


def padding_rule(rank: int, crop: bool) -> LayerRule:
    key = "cropping" if crop else "padding"
    # Keras's defaults: Cropping1D (1, 1), Cropping2D none, Cropping3D one on each side.
    default = (1, 1) if rank == 1 and crop else (0 if crop and rank == 2 else 1)

    def amounts(a: Args) -> list[tuple[int, int]]:
        value = a.get(key, default)
        if isinstance(value, int):
            return [(value, value)] * rank
        value = tuple(value)
        pairs = (
            [value] if rank == 1 else [(v, v) if isinstance(v, int) else tuple(v) for v in value]
        )
        if not all(len(p) == 2 and all(isinstance(x, int) for x in p) for p in pairs):
            raise Opaque(key)
        return [(p[0], p[1]) for p in pairs]

    def output(inp: Shape, a: Args) -> Shape:
        sign = -1 if crop else 1
        axes = spatial_axes(rank, a) if rank > 1 else range(1, 2)
        out = list(inp)
        for ax, (lo, hi) in zip(axes, amounts(a), strict=True):
            dim = out[ax]
            if type(dim) is int:
                out[ax] = dim = dim + sign * (lo + hi)
                if crop and dim <= 0:
                    raise LayerError(
                        f"`cropping` parameter of `Cropping{rank}D` layer must be smaller than the input size. Received: inputs.shape={fmt(inp)}"
                    )
        return tuple(out)

    params = (key,) if rank == 1 else (key, "data_format")
    return LayerRule(params=params, spec=lambda a: InputSpec(ndim=rank + 2), output=output)


def upsampling(rank: int) -> LayerRule:
    def output(inp: Shape, a: Args) -> Shape:
        size = tuplify(a.get("size", 2), rank)
        axes = spatial_axes(rank, a) if rank > 1 else range(1, 2)
        out = list(inp)
        for ax, s in zip(axes, size, strict=True):
            out[ax] = scaled(out[ax], s)
        return tuple(out)

    params = ("size",) if rank == 1 else ("size", "data_format", "interpolation")
    return LayerRule(params=params, spec=lambda a: InputSpec(ndim=rank + 2), output=output)


ENTRIES: dict[str, LayerRule] = {
    "Flatten": LayerRule(
        params=("data_format",), spec=lambda a: InputSpec(min_ndim=1), output=flatten_output
    ),
    "Reshape": LayerRule(params=("target_shape",), output=reshape_output),
    "Permute": LayerRule(
        params=("dims",),
        spec=lambda a: InputSpec(ndim=len(a.get("dims")) + 1),
        output=permute_output,
    ),
    "RepeatVector": LayerRule(
        params=("n",),
        spec=lambda a: InputSpec(ndim=2),
        output=lambda s, a: (s[0], a.get("n"), s[1]),
    ),
    "ZeroPadding1D": padding_rule(1, crop=False),
    "ZeroPadding2D": padding_rule(2, crop=False),
    "Cropping1D": padding_rule(1, crop=True),
    "Cropping2D": padding_rule(2, crop=True),
    "UpSampling1D": upsampling(1),
    "UpSampling2D": upsampling(2),
    "ZeroPadding3D": padding_rule(3, crop=False),
    "Cropping3D": padding_rule(3, crop=True),
    "UpSampling3D": upsampling(3),
}
