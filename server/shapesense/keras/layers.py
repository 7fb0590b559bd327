"""The layer catalog: one small entry per Keras layer class.

Each entry reads like the layer's Keras source: the positional parameters of `__init__`, the
`InputSpec` it checks before building, the axes its weights fix once built (what `build` puts
into `self.input_spec`), and `compute_output_shape`. Shapes include the batch axis.
Arithmetic shared by families (conv, pooling, merge) lives in the helpers at the top.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol, runtime_checkable

from .. import numpy_rules
from ..shapes import UNKNOWN_SIZE, Dim, Shape, combined, fmt, numel, product, scaled, size


class LayerError(Exception):
    """Keras raises while building or calling the layer: `message` is Keras's own text."""

    def __init__(self, message: str, code: str = "SS103") -> None:
        super().__init__(message)
        self.code = code


class Opaque(Exception):
    """An argument the output depends on is not a constant: the output is unknown."""


class InputSpec(NamedTuple):
    """What `keras.layers.InputSpec` checks before a layer is built (the axes its weights fix
    afterwards are `LayerRule.built_axes`). A named tuple: one is made per layer call."""

    ndim: int | None = None
    min_ndim: int | None = None


class Unread:
    """An argument whose value the analysis does not know (the maker of `Args` passes it)."""


UNREAD = Unread()


class Args:
    """Constructor arguments bound to parameter names, as Python constants (or UNREAD)."""

    def __init__(self, params: tuple[str, ...], positional: list[Any], keywords: dict[str, Any]):
        self.values: dict[str, Any] = dict(zip(params, positional, strict=False))
        self.values.update(keywords)
        self.extra_positional = len(positional) > len(params)

    def get(self, name: str, default: Any = None) -> Any:
        value = self.values.get(name, default)
        if value is UNREAD:
            raise Opaque(name)
        return value

    def known(self, name: str) -> bool:
        return self.values.get(name) is not UNREAD


OutputRule = Callable[[Shape, Args], Any]  # Shape, or a list of Shapes for several outputs


@dataclass(frozen=True)
class LayerRule:
    params: tuple[str, ...] = ()
    spec: Callable[[Args], InputSpec] = lambda a: InputSpec()
    output: OutputRule = lambda s, a: s
    built_axes: Callable[[Shape, Args], dict[int, int]] = lambda s, a: {}
    count_params: Callable[[Shape, Args], int] = lambda s, a: 0
    merge_output: Callable[[list[Shape], Args], Shape] = lambda s, a: s[0]  # for merge layers
    merge: bool = False  # called on a list of tensors
    kernel_rank: int | None = (
        None  # Keras 3 convolutions need exactly this rank (Keras 2 folds extra axes into the batch)
    )


# --- shared helpers -------------------------------------------------------------------------


def tuplify(value: Any, rank: int) -> tuple[int, ...]:
    if isinstance(value, int):
        return (value,) * rank
    value = tuple(value)
    if len(value) != rank or not all(isinstance(v, int) for v in value):
        raise Opaque("tuple")
    return value


def channels_first(args: Args) -> bool:
    return args.get("data_format") == "channels_first"


def channel_axis(args: Args) -> int:
    return 1 if channels_first(args) else -1


def spatial_axes(rank: int, args: Args) -> range:
    """Counted from the end, so extra leading (batch) axes are allowed where Keras allows them."""
    return range(-rank, 0) if channels_first(args) else range(-rank - 1, -1)


def channel_axis_for(rank: int, args: Args) -> int:
    return -rank - 1 if channels_first(args) else -1


def conv_length(size: Dim, kernel: int, stride: int, padding: str, dilation: int) -> Dim:
    """keras.src.ops.operation_utils.compute_conv_output_shape, one axis."""
    if type(size) is not int:
        return size
    span = (kernel - 1) * dilation + 1
    if padding == "valid":
        return (size - span) // stride + 1
    if padding in ("same", "causal"):
        return (size - 1) // stride + 1
    raise Opaque("padding")


def deconv_length(
    size: Dim, kernel: int, stride: int, padding: str, dilation: int, out_pad: int | None
) -> Dim:
    """keras.src.utils.conv_utils.deconv_output_length."""
    if type(size) is not int:
        return size
    kernel = kernel + (kernel - 1) * (dilation - 1)
    if out_pad is None:
        if padding == "valid":
            return size * stride + max(kernel - stride, 0)
        if padding == "same":
            return size * stride
        raise Opaque("padding")
    pad = kernel // 2 if padding == "same" else 0
    return (size - 1) * stride + kernel - 2 * pad + out_pad


def known_axes(shape: Shape, axes: list[int]) -> dict[int, int]:
    """The axes among these whose size is known: what a built layer's weights fix."""
    return {axis: dim for axis in axes if type(dim := shape[axis]) is int}


def fan_in(dim: Dim) -> int:
    """An axis as a weight count sees it: an unknown size makes the count unknown."""
    if dim is UNKNOWN_SIZE:
        raise Opaque("unknown size")
    return size(dim) or 0


def check_positive(out: Shape, inp: Shape, what: Callable[[], str]) -> Shape:
    """`what` describes the arguments; only called for the error message."""
    if any(type(d) is int and d <= 0 for d in out[1:]):
        raise LayerError(
            f"Computed output size would be zero or negative. Received `inputs shape={fmt(inp)}`, {what()}.",
            code="SS104",
        )
    return out


def place(inp: Shape, args: Args, rank: int, spatial: list[Dim], channels: Dim) -> Shape:
    lead = inp[: len(inp) - rank - 1]
    if channels_first(args):
        return (*lead, channels, *spatial)
    return (*lead, *spatial, channels)


# --- convolution ----------------------------------------------------------------------------


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


# --- pooling --------------------------------------------------------------------------------


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


# --- reshaping ------------------------------------------------------------------------------


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
    default = (1, 1) if rank == 1 and crop else (0 if crop else 1)

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


# --- recurrent and wrappers -----------------------------------------------------------------


def rnn_output(inp: Shape, a: Args) -> Any:
    units = a.get("units")
    out: Shape = (inp[0], inp[1], units) if a.get("return_sequences", False) else (inp[0], units)
    if a.get("return_state", False):
        states = 2 if a.get("_cell") == "lstm" else 1
        return [out] + [(inp[0], units)] * states
    return out


def rnn(cell: str, gates: int) -> LayerRule:
    def params_count(inp: Shape, a: Args) -> int:
        units = a.get("units")
        features = fan_in(inp[-1])
        bias = units * gates * (2 if cell == "gru" and a.get("reset_after", True) else 1)
        return gates * (features * units + units * units) + bias

    return LayerRule(
        params=("units", "activation"),
        spec=lambda a: InputSpec(ndim=3),
        output=lambda s, a: rnn_output(s, _with_cell(a, cell)),
        built_axes=lambda s, a: {-1: s[-1]} if type(s[-1]) is int else {},
        count_params=params_count,
    )


def _with_cell(a: Args, cell: str) -> Args:
    a.values.setdefault("_cell", cell)
    return a


@runtime_checkable
class Wrapped(Protocol):
    """A layer given to a wrapper (Bidirectional, TimeDistributed): values.Layer."""

    rule: LayerRule | None
    args: Args
    name: str


def inner_layer(a: Args) -> Any:
    layer = a.get("layer")
    if not isinstance(layer, Wrapped) or layer.rule is None:
        raise Opaque("layer")  # not a layer we model: the wrapper's shapes are unknown too
    return layer


def bidirectional_output(inp: Shape, a: Args) -> Any:
    layer = inner_layer(a)
    out = layer.rule.output(inp, layer.args)
    if isinstance(out, list):
        raise Opaque("return_state")
    mode = a.get("merge_mode", "concat")
    if mode == "concat":
        return (*out[:-1], scaled(out[-1], 2))
    if mode is None:
        return [out, out]
    return out


def bidirectional_params(inp: Shape, a: Args) -> int:
    layer = inner_layer(a)
    return 2 * layer.rule.count_params(inp, layer.args)


def time_distributed_output(inp: Shape, a: Args) -> Shape:
    layer = inner_layer(a)
    inner = layer.rule.output((inp[0], *inp[2:]), layer.args)
    if isinstance(inner, list):
        raise Opaque("multi-output")
    return (inp[0], inp[1], *inner[1:])


def wrapped_spec(min_ndim: int) -> Callable[[Args], InputSpec]:
    return lambda a: InputSpec(min_ndim=min_ndim)


# --- merging --------------------------------------------------------------------------------


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
                )
        result = (*head, *tail)
    batches = {s[0] for s in shapes} - {None}
    return (batches.pop() if len(batches) == 1 else None, *result)


def concatenate_output(shapes: list[Shape], a: Args) -> Shape:
    axis = a.get("axis", -1)
    rank = len(shapes[0])
    if any(len(s) != rank for s in shapes):
        raise LayerError(_concat_message(shapes), code="SS106")
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
                raise LayerError(_concat_message(shapes), code="SS106")
    return tuple(out)


def _concat_message(shapes: list[Shape]) -> str:
    return (
        "A `Concatenate` layer requires inputs with matching shapes except for the "
        f"concatenation axis. Received: input_shape=[{', '.join(fmt(s) for s in shapes)}]"
    )


def merge(rule: Callable[[list[Shape], Args], Shape], params: tuple[str, ...] = ()) -> LayerRule:
    return LayerRule(params=params, merge_output=rule, merge=True)


# --- the catalog ----------------------------------------------------------------------------

identity = LayerRule()


def dense_params(inp: Shape, a: Args) -> int:
    units = a.get("units")
    return (fan_in(inp[-1])) * units + (units if a.get("use_bias", True) else 0)


def norm_params(inp: Shape, a: Args, per_axis: int) -> int:
    axis = a.get("axis", -1)
    if isinstance(axis, int):
        return per_axis * (fan_in(inp[axis]))
    return 0


CATALOG: dict[str, LayerRule] = {
    "Dense": LayerRule(
        params=("units", "activation", "use_bias"),
        spec=lambda a: InputSpec(min_ndim=2),
        output=lambda s, a: (*s[:-1], a.get("units")),
        built_axes=lambda s, a: {-1: s[-1]} if type(s[-1]) is int else {},
        count_params=dense_params,
    ),
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
    "Dropout": identity,
    "SpatialDropout1D": LayerRule(params=("rate",), spec=lambda a: InputSpec(ndim=3)),
    "SpatialDropout2D": LayerRule(params=("rate", "data_format"), spec=lambda a: InputSpec(ndim=4)),
    "SpatialDropout3D": LayerRule(params=("rate", "data_format"), spec=lambda a: InputSpec(ndim=5)),
    "GaussianNoise": identity,
    "GaussianDropout": identity,
    "AlphaDropout": identity,
    "ActivityRegularization": identity,
    "BatchNormalization": LayerRule(
        params=("axis",),
        built_axes=lambda s, a: (
            {a.get("axis", -1): s[a.get("axis", -1)]} if type(s[a.get("axis", -1)]) is int else {}
        ),
        count_params=lambda s, a: norm_params(s, a, 4),
    ),
    "LayerNormalization": LayerRule(
        params=("axis",),
        built_axes=lambda s, a: (
            {a.get("axis", -1): s[a.get("axis", -1)]}
            if isinstance(a.get("axis", -1), int) and type(s[a.get("axis", -1)]) is int
            else {}
        ),
        count_params=lambda s, a: norm_params(s, a, 2),
    ),
    "Activation": identity,
    "ReLU": identity,
    "LeakyReLU": identity,
    "ELU": identity,
    "Softmax": identity,
    "Rescaling": identity,
    "Embedding": LayerRule(
        params=("input_dim", "output_dim"),
        output=lambda s, a: (*s, a.get("output_dim")),
        count_params=lambda s, a: a.get("input_dim") * a.get("output_dim"),
    ),
    "SimpleRNN": rnn("simple", 1),
    "LSTM": rnn("lstm", 4),
    "GRU": rnn("gru", 3),
    "Bidirectional": LayerRule(
        params=("layer", "merge_mode"),
        spec=lambda a: inner_layer(a).rule.spec(inner_layer(a).args),
        output=bidirectional_output,
        built_axes=lambda s, a: inner_layer(a).rule.built_axes(s, inner_layer(a).args),
        count_params=bidirectional_params,
    ),
    "TimeDistributed": LayerRule(
        params=("layer",), spec=wrapped_spec(3), output=time_distributed_output
    ),
    "ZeroPadding1D": padding_rule(1, crop=False),
    "ZeroPadding2D": padding_rule(2, crop=False),
    "Cropping1D": padding_rule(1, crop=True),
    "Cropping2D": padding_rule(2, crop=True),
    "UpSampling1D": upsampling(1),
    "UpSampling2D": upsampling(2),
    "Concatenate": merge(concatenate_output, ("axis",)),
    "Add": merge(elementwise_merge),
    "Subtract": merge(elementwise_merge),
    "Multiply": merge(elementwise_merge),
    "Average": merge(elementwise_merge),
    "Maximum": merge(elementwise_merge),
    "Minimum": merge(elementwise_merge),
}

ALIASES = {
    "MaxPool1D": "MaxPooling1D",
    "MaxPool2D": "MaxPooling2D",
    "MaxPool3D": "MaxPooling3D",
    "AvgPool1D": "AveragePooling1D",
    "AvgPool2D": "AveragePooling2D",
    "AvgPool3D": "AveragePooling3D",
    "GlobalAvgPool1D": "GlobalAveragePooling1D",
    "GlobalAvgPool2D": "GlobalAveragePooling2D",
    "GlobalMaxPool1D": "GlobalMaxPooling1D",
    "GlobalMaxPool2D": "GlobalMaxPooling2D",
    "Convolution1D": "Conv1D",
    "Convolution2D": "Conv2D",
    "Convolution3D": "Conv3D",
    "Deconvolution2D": "Conv2DTranspose",
    "SeparableConvolution2D": "SeparableConv2D",
}

# The function forms: keras.layers.concatenate([a, b], axis=1) and friends.
MERGE_FUNCTIONS = {
    "concatenate": "Concatenate",
    "add": "Add",
    "subtract": "Subtract",
    "multiply": "Multiply",
    "average": "Average",
    "maximum": "Maximum",
    "minimum": "Minimum",
}


def lookup(class_name: str) -> LayerRule | None:
    return CATALOG.get(ALIASES.get(class_name, class_name))


def canonical_name(class_name: str) -> str:
    return ALIASES.get(class_name, class_name)


@functools.lru_cache(maxsize=1024)
def snake_case(class_name: str) -> str:
    """Keras's default layer name: Conv2D -> conv2d, MaxPooling2D -> max_pooling2d."""
    out = []
    for i, ch in enumerate(class_name):
        if (
            ch.isupper()
            and i > 0
            and (
                class_name[i - 1].islower()
                or (i + 1 < len(class_name) and class_name[i + 1].islower())
            )
        ):
            out.append("_")
        out.append(ch.lower())
    return "".join(out)
