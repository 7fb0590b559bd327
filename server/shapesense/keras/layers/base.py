"""What every catalog entry is made of, and the arithmetic families share.

A `LayerRule` reads like the layer's Keras source: the positional parameters of `__init__`, the
`InputSpec` it checks before building, the axes its weights fix once built (what `build` puts
into `self.input_spec`), and `compute_output_shape`. Shapes include the batch axis.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from ...shapes import UNKNOWN_SIZE, Dim, Shape, fmt, size


class LayerError(Exception):
    """Keras raises while building or calling the layer: `message` is Keras's own text;
    `expected`, when given, says for people what the layer needed (else: another input shape)."""

    def __init__(self, message: str, code: str = "SS103", expected: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.expected = expected


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
    merge_output: Callable[[list[Shape], Args], Any] = lambda s, a: s[0]  # for merge layers
    merge: bool = False  # called on a list of tensors
    merge_params: Callable[[list[Shape], Args], int] = lambda s, a: 0
    # Several tensors as call arguments, e.g. MultiHeadAttention's (query, value, key): the
    # call is read as a merge layer's list. Flags are call keywords that change the output.
    call_inputs: tuple[str, ...] = ()
    call_flags: tuple[str, ...] = ()
    # Where Keras builds the layer on these shapes (a Shape, or a list of them for several
    # tensors) but fit/evaluate/predict then raise inside it: Keras's error (None: it runs).
    # Reported at those calls; a quick fix must not lead there.
    run_error: Callable[[Any, Args], LayerError | None] = lambda s, a: None
    kernel_rank: int | None = (
        None  # Keras 3 convolutions need exactly this rank (Keras 2 folds extra axes into the batch)
    )
    # The shapes of get_weights(), in order, once built on an input shape (None: not built):
    # what `set_weights` and `weights=` are held to.
    weight_shapes: Callable[[Shape | None, Args], list[Shape]] | None = None
    # Keras 2 and 3 differ where the layer is built: its arguments carry `keras_major`.
    versioned: bool = False
    # A model standing as one layer (a backbone): where built axis `axis` refuses input `s`,
    # the inner layer Keras names and the shape that reaches it (None: the layer itself).
    refused_by: Callable[[int, Shape, Args], tuple[str, Shape] | None] = lambda axis, s, a: None


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
            expected=f"an input large enough for its window (it would output {fmt(out)})",
        )
    return out


def place(inp: Shape, args: Args, rank: int, spatial: list[Dim], channels: Dim) -> Shape:
    lead = inp[: len(inp) - rank - 1]
    if channels_first(args):
        return (*lead, channels, *spatial)
    return (*lead, *spatial, channels)


identity = LayerRule()  # shape in, same shape out, no weights


def given_weights_check(a: Args) -> None:
    """Keras 2 sets `weights=` given to the constructor when the layer is built: where they do
    not fit (keras_weights put Keras's message in the arguments), the build raises."""
    message = a.values.get("weights_error")
    if isinstance(message, tuple):
        raise LayerError(message[0], code="SS111", expected=message[1])
