"""Pooling, local and global: keras/src/layers/pooling/."""

from __future__ import annotations

from ...shapes import Shape
from .base import (
    Args,
    InputSpec,
    LayerRule,
    channel_axis,
    check_positive,
    conv_length,
    place,
    spatial_axes,
    tuplify,
)


def pooling(rank: int) -> LayerRule:
    def output(inp: Shape, a: Args) -> Shape:
        pool = tuplify(a.get("pool_size", 2), rank)
        strides_arg = a.get("strides")
        strides = pool if strides_arg is None else tuplify(strides_arg, rank)
        padding = str(a.get("padding", "valid")).lower()
        sizes = [inp[ax] for ax in spatial_axes(rank, a)]
        spatial = [
            conv_length(s, p, st, padding, 1) for s, p, st in zip(sizes, pool, strides, strict=True)
        ]
        out = place(inp, a, rank, spatial, inp[channel_axis(a)])
        return check_positive(
            out, inp, lambda: f"`pool_size={pool}`, `strides={strides}`, `padding={padding}`"
        )

    return LayerRule(
        params=("pool_size", "strides", "padding", "data_format"),
        spec=lambda a: InputSpec(ndim=rank + 2),
        output=output,
    )


def global_pooling(rank: int) -> LayerRule:
    def output(inp: Shape, a: Args) -> Shape:
        ch = inp[channel_axis(a)]
        if a.get("keepdims", False):
            return place(inp, a, rank, [1] * rank, ch)
        return (inp[0], ch)

    return LayerRule(
        params=("data_format", "keepdims"), spec=lambda a: InputSpec(ndim=rank + 2), output=output
    )


ENTRIES: dict[str, LayerRule] = {
    "MaxPooling1D": pooling(1),
    "MaxPooling2D": pooling(2),
    "MaxPooling3D": pooling(3),
    "AveragePooling1D": pooling(1),
    "AveragePooling2D": pooling(2),
    "AveragePooling3D": pooling(3),
    "GlobalAveragePooling1D": global_pooling(1),
    "GlobalAveragePooling2D": global_pooling(2),
    "GlobalAveragePooling3D": global_pooling(3),
    "GlobalMaxPooling1D": global_pooling(1),
    "GlobalMaxPooling2D": global_pooling(2),
    "GlobalMaxPooling3D": global_pooling(3),
}
