"""Layers that TensorFlow's CPU kernels refuse with data_format="channels_first" (SS301).

Measured with TensorFlow 2.21 on a CPU, Keras 3.15 and tf_keras 2.21 (`python -m pytest -m
oracle tests/oracle/test_devices.py`): with `TF_ENABLE_ONEDNN_OPTS=0` these layers raise in
`predict`, `evaluate` and `fit`, each in TensorFlow's words below; with TensorFlow's oneDNN
kernels on (its default on Linux x86) and on a GPU, they run. `compile(jit_compile=True)`
runs Conv2D through XLA (measured in both versions; silence for every layer there), and Keras 3
runs Conv3D, separable, depthwise and pooling layers itself (XLA or a transpose). Keras 3
compiles with XLA by default only when the machine has a GPU.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..values import Const, Layer, Model, Value
from .graph import run_order
from .layers import ALIASES
from .layers.base import Opaque

_CONV2D = "The Conv2D op currently only supports the NHWC tensor format on the CPU. The op was given the format: NCHW"
_FILTER = "Conv2DCustomBackpropFilterOp only supports NHWC."
_INPUT = "Conv2DCustomBackpropInputOp only supports NHWC."
_INPUT3D = "Conv3DBackpropInputOpV2 only supports NDHWC on the CPU."
_DEPTHWISE = "Depthwise convolution on CPU is only supported for NHWC format"
_MAX_POOL = "Default MaxPoolingOp only supports NHWC on device type CPU"
_AVG_POOL = "Default AvgPoolingOp only supports NHWC on device type CPU"

# class -> (what predict and evaluate raise, what fit raises), per Keras major version
REFUSED: dict[int, dict[str, tuple[str, str]]] = {
    3: {
        "Conv1D": (_CONV2D, _FILTER),
        "Conv2D": (_CONV2D, _FILTER),
        "Conv1DTranspose": (_INPUT, _INPUT),
        "Conv2DTranspose": (_INPUT, _INPUT),
        "Conv3DTranspose": (_INPUT3D, _INPUT3D),
        "ConvLSTM1D": (_CONV2D, _FILTER),
        "ConvLSTM2D": (_CONV2D, _FILTER),
    },
    2: {
        "Conv1D": (_CONV2D, _FILTER),
        "Conv2D": (_CONV2D, _FILTER),
        "Conv3D": (
            "CPU implementation of Conv3D currently only supports the NHWC tensor format.",
            "Conv3DBackpropFilterOpV2 only supports NDHWC on the CPU.",
        ),
        "Conv1DTranspose": (_INPUT, _INPUT),
        "Conv3DTranspose": (_INPUT3D, _INPUT3D),
        "SeparableConv1D": (_DEPTHWISE, _FILTER),
        "SeparableConv2D": (_DEPTHWISE, _FILTER),
        "DepthwiseConv1D": (_DEPTHWISE, _DEPTHWISE),
        "MaxPooling2D": (_MAX_POOL, _MAX_POOL),
        "AveragePooling2D": (_AVG_POOL, _AVG_POOL),
    },
}
METHODS = ("fit", "evaluate", "predict")  # measured; the *_on_batch calls are not


def refused_on_cpu(model: Model, major: int, method: str) -> tuple[Layer, str] | None:
    """The first layer the call runs that a CPU refuses, with TensorFlow's words; None when
    every layer runs there, or when it is not known (a layer's arguments, the compile)."""
    if method not in METHODS or not _without_xla(model.jit_compile):
        return None
    table = REFUSED.get(major, {})
    for layer in _layers(model):
        words = table.get(ALIASES.get(layer.class_name, layer.class_name))
        if words is None or not layer.args.known("data_format"):
            continue
        try:
            if (
                layer.args.get("data_format") != "channels_first"
                or layer.args.get("groups", 1) != 1
            ):
                continue  # a grouped convolution runs through XLA in Keras 3
        except Opaque:
            continue
        return layer, words[1] if method == "fit" else words[0]
    return None


def _without_xla(jit_compile: Value) -> bool:
    """compile(jit_compile=...) as written: not given, False, None or "auto" (which is off on a
    machine without a GPU) leave the kernels to TensorFlow; True or an unknown value: silence."""
    return isinstance(jit_compile, Const) and jit_compile.value in (False, None, "auto")


def _layers(model: Model) -> Iterator[Layer]:
    """The layers a call runs, in order, a nested model's own included."""
    for item in run_order(model):
        if isinstance(item, Model):
            yield from _layers(item)
        else:
            yield item
