"""Recurrent layers and the wrappers around them: keras/src/layers/rnn/."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from ...shapes import Shape, scaled
from .base import Args, InputSpec, LayerRule, Opaque, channels_first, fan_in, known_axes, tuplify
from .convolutional import conv


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
    class_name: str


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


def conv_lstm(rank: int) -> LayerRule:
    """keras.src.layers.rnn.conv_lstm.ConvLSTM: a convolution per step (5-D input for 2D:
    batch, time, rows, cols, channels); the recurrent kernel keeps the step's shape."""
    step = conv(rank)

    def step_shape(inp: Shape, a: Args) -> Shape:
        return step.output((inp[0], *inp[2:]), a)

    def output(inp: Shape, a: Args) -> Any:
        frame = step_shape(inp, a)
        out = (inp[0], inp[1], *frame[1:]) if a.get("return_sequences", False) else frame
        return [out, frame, frame] if a.get("return_state", False) else out

    def params_count(inp: Shape, a: Args) -> int:
        kernel = math.prod(tuplify(a.get("kernel_size"), rank))
        filters = a.get("filters")
        in_ch = fan_in(inp[2 if channels_first(a) else -1])
        bias = 4 * filters if a.get("use_bias", True) else 0
        return 4 * kernel * filters * (in_ch + filters) + bias

    return LayerRule(
        params=step.params,
        spec=lambda a: InputSpec(ndim=rank + 3),
        output=output,
        built_axes=lambda s, a: known_axes(s, [2 if channels_first(a) else -1]),
        count_params=params_count,
    )


CELL_GATES = {"SimpleRNNCell": 1, "GRUCell": 3, "LSTMCell": 4}


def rnn_cells(a: Args) -> list[Wrapped]:
    """keras.layers.RNN's cell: one cell, a list of cells or StackedRNNCells([...])."""
    cell = a.get("cell")
    if isinstance(cell, Wrapped) and cell.class_name == "StackedRNNCells":
        cell = cell.args.get("cells")
    cells = list(cell) if isinstance(cell, (list, tuple)) else [cell]
    if not cells or not all(isinstance(c, Wrapped) and c.class_name in CELL_GATES for c in cells):
        raise Opaque("cell")  # a custom cell: unknown
    return cells


def rnn_layer_output(inp: Shape, a: Args) -> Any:
    if len(inp) != 3:
        raise Opaque("rank")  # Keras 2 and 3 fail inside the cell, with no InputSpec message
    cells = rnn_cells(a)
    units = cells[-1].args.get("units")
    out: Shape = (inp[0], inp[1], units) if a.get("return_sequences", False) else (inp[0], units)
    if not a.get("return_state", False):
        return out
    states: list[Shape] = []
    for c in cells:
        count = 2 if c.class_name == "LSTMCell" else 1
        states += [(inp[0], c.args.get("units"))] * count
    return [out, *states]


def rnn_layer_params(inp: Shape, a: Args) -> int:
    features, total = fan_in(inp[-1]), 0
    for c in rnn_cells(a):
        gates, units = CELL_GATES[c.class_name], c.args.get("units")
        gru = c.class_name == "GRUCell" and c.args.get("reset_after", True)
        biases = (2 if gru else 1) if c.args.get("use_bias", True) else 0
        total += gates * (features * units + units * units) + units * gates * biases
        features = units
    return total


def cell_output(inp: Shape, a: Args) -> Any:
    raise Opaque("cell")  # a cell called alone takes states too: not modelled


ENTRIES: dict[str, LayerRule] = {
    "RNN": LayerRule(
        params=("cell", "return_sequences", "return_state"),
        output=rnn_layer_output,
        count_params=rnn_layer_params,
    ),
    "SimpleRNNCell": LayerRule(params=("units",), output=cell_output),
    "GRUCell": LayerRule(params=("units",), output=cell_output),
    "LSTMCell": LayerRule(params=("units",), output=cell_output),
    "StackedRNNCells": LayerRule(params=("cells",), output=cell_output),
    "ConvLSTM1D": conv_lstm(1),
    "ConvLSTM2D": conv_lstm(2),
    "ConvLSTM3D": conv_lstm(3),
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
}
