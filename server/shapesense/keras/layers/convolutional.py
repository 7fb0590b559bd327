"""Convolutions: keras/src/layers/convolutional/."""

from __future__ import annotations

import math

from ...shapes import Shape, scaled
from .base import (
    Args,
    InputSpec,
    LayerRule,
    channel_axis,
    channel_axis_for,
    check_positive,
    conv_length,
    deconv_length,
    fan_in,
    known_axes,
    place,
    spatial_axes,
    tuplify,
)


def conv(rank: int, depthwise: bool = False, transpose: bool = False) -> LayerRule:
    params = (
        ("kernel_size", "strides", "padding", "depth_multiplier", "data_format", "dilation_rate")
        if depthwise
        else ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate")
    )

    def output(inp: Shape, a: Args) -> Shape:
        kernel = tuplify(a.get("kernel_size"), rank)
        strides = tuplify(a.get("strides", 1), rank)
        dilation = tuplify(a.get("dilation_rate", 1), rank)
        padding = str(a.get("padding", "valid")).lower()
        sizes = [inp[ax] for ax in spatial_axes(rank, a)]
        if transpose:
            out_pad = a.get("output_padding")
            pads = tuplify(out_pad, rank) if out_pad is not None else (None,) * rank
            spatial = [
                deconv_length(s, k, st, padding, d, p)
                for s, k, st, d, p in zip(sizes, kernel, strides, dilation, pads, strict=True)
            ]
        else:
            spatial = [
                conv_length(s, k, st, padding, d)
                for s, k, st, d in zip(sizes, kernel, strides, dilation, strict=True)
            ]
        in_ch = inp[channel_axis_for(rank, a)]
        if depthwise:
            mult = a.get("depth_multiplier", 1)
            channels = scaled(in_ch, mult)
        else:
            channels = a.get("filters")
        out = place(inp, a, rank, spatial, channels)
        return check_positive(
            out, inp, lambda: f"`kernel_size={kernel}`, `strides={strides}`, `padding={padding}`"
        )

    def params_count(inp: Shape, a: Args) -> int:
        kernel = math.prod(tuplify(a.get("kernel_size"), rank))
        in_ch = fan_in(inp[channel_axis(a)])
        bias = 1 if a.get("use_bias", True) else 0
        if depthwise:
            mult = a.get("depth_multiplier", 1)
            return kernel * in_ch * mult + bias * in_ch * mult
        filters = a.get("filters")
        return kernel * in_ch * filters + bias * filters

    return LayerRule(
        params=params,
        spec=lambda a: InputSpec(min_ndim=rank + 2),
        output=output,
        built_axes=lambda s, a: known_axes(s, [channel_axis_for(rank, a)]),
        count_params=params_count,
        kernel_rank=rank + 2,
    )


def separable(rank: int) -> LayerRule:
    base = conv(rank)

    def params_count(inp: Shape, a: Args) -> int:
        kernel = math.prod(tuplify(a.get("kernel_size"), rank))
        in_ch = fan_in(inp[channel_axis(a)])
        mult = a.get("depth_multiplier", 1)
        filters = a.get("filters")
        bias = filters if a.get("use_bias", True) else 0
        return kernel * in_ch * mult + in_ch * mult * filters + bias

    return LayerRule(
        base.params, base.spec, base.output, base.built_axes, params_count, kernel_rank=rank + 2
    )


ENTRIES: dict[str, LayerRule] = {
    "Conv1D": conv(1),
    "Conv2D": conv(2),
    "Conv3D": conv(3),
    "Conv1DTranspose": conv(1, transpose=True),
    "Conv2DTranspose": conv(2, transpose=True),
    "Conv3DTranspose": conv(3, transpose=True),
    "SeparableConv1D": separable(1),
    "SeparableConv2D": separable(2),
    "DepthwiseConv1D": conv(1, depthwise=True),
    "DepthwiseConv2D": conv(2, depthwise=True),
}
