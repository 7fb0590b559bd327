"""Which label shapes each loss accepts against the model's output, per Keras version.

Keras 3: LossFunctionWrapper first applies `squeeze_or_expand_to_same_rank(y_true, y_pred)`, then
the loss checks (ops.binary_crossentropy / categorical_crossentropy / sparse_...). Keras 2: the
train step expands 1-D labels to (N, 1), then `squeeze_or_expand_dimensions`, then TF's checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import numpy_rules
from ..shapes import Shape, fmt
from .versions import KerasVersion

KINDS = {
    "binary_crossentropy": "binary",
    "BinaryCrossentropy": "binary",
    "categorical_crossentropy": "categorical",
    "CategoricalCrossentropy": "categorical",
    "sparse_categorical_crossentropy": "sparse",
    "SparseCategoricalCrossentropy": "sparse",
    "mse": "pointwise",
    "mean_squared_error": "pointwise",
    "MeanSquaredError": "pointwise",
    "mae": "pointwise",
    "mean_absolute_error": "pointwise",
    "MeanAbsoluteError": "pointwise",
    "msle": "pointwise",
    "mean_squared_logarithmic_error": "pointwise",
    "MeanSquaredLogarithmicError": "pointwise",
    "huber": "pointwise",
    "Huber": "pointwise",
}


# Activations whose output tf_keras remembers the logits of: binary_crossentropy then wants labels
# of the output's shape (Keras 2; Keras 3 always does).
LOGITS_ACTIVATIONS = ("sigmoid", "softmax")


@dataclass(frozen=True)
class LabelMismatch:
    keras_message: str
    problem: str  # "rank", "shape", "sparse_rank", "broadcast"


def _squeeze_or_expand_k3(y: Shape, out: Shape) -> tuple[Shape, Shape]:
    """keras.src.losses.loss.squeeze_or_expand_to_same_rank(y_true, y_pred)."""
    if len(y) == len(out) + 1 and y[-1] == 1:
        return (y, (*out, 1)) if len(out) == 1 else (y[:-1], out)
    if len(out) == len(y) + 1 and out[-1] == 1:
        return ((*y, 1), out) if len(y) == 1 else (y, out[:-1])
    return y, out


def _squeeze_k2(y: Shape, out: Shape) -> tuple[Shape, Shape]:
    """Keras 2: expand_1d on labels, then losses_utils.squeeze_or_expand_dimensions."""
    if len(y) == 1:
        y = (*y, 1)
    if len(out) == len(y) + 1 and out[-1] == 1:
        out = out[:-1]
    elif len(y) == len(out) + 1 and y[-1] == 1:
        y = y[:-1]
    return y, out


def _same_shape(y: Shape, out: Shape) -> bool:
    return all(a is None or b is None or a == b for a, b in zip(y, out, strict=True))


def check(
    kind: str,
    y: Shape,
    out: Shape,
    version: KerasVersion,
    sigmoid_output: bool,
    batch: int | None = None,
) -> LabelMismatch | None:
    """The mismatch real Keras raises for labels of shape `y` against output `out`, or None.

    `batch` is the size of a training step's batch: when ranks differ, broadcasting lines the
    labels' batch axis up with another axis of the output, so the real number matters.
    """
    y = (batch, *y[1:])
    out = (batch, *out[1:])
    if kind == "sparse":
        return _check_sparse(y, out, version)
    if version.major >= 3:
        y2, out2 = _squeeze_or_expand_k3(y, out)
    else:
        y2, out2 = _squeeze_k2(y, out)
    if kind == "pointwise":
        try:
            numpy_rules.broadcast(y2, out2)
        except numpy_rules.NumpyError:
            return LabelMismatch(f"Incompatible shapes: {fmt(y2)} vs. {fmt(out2)}", "broadcast")
        return None
    if kind == "binary" and version.major == 2:
        return _check_binary_k2(y2, out2, sigmoid_output)
    if len(y2) != len(out2):
        if version.major == 2:
            return LabelMismatch(f"Shapes {fmt(y2)} and {fmt(out2)} are incompatible", "rank")
        return LabelMismatch(
            "Arguments `target` and `output` must have the same rank (ndim). "
            f"Received: target.shape={fmt(y2)}, output.shape={fmt(out2)}",
            "rank",
        )
    if not _same_shape(y2, out2):
        if version.major == 2:
            return LabelMismatch(f"Shapes {fmt(y2)} and {fmt(out2)} are incompatible", "shape")
        return LabelMismatch(
            "Arguments `target` and `output` must have the same shape. "
            f"Received: target.shape={fmt(y2)}, output.shape={fmt(out2)}",
            "shape",
        )
    return None


def _check_binary_k2(y: Shape, out: Shape, logits_output: bool) -> LabelMismatch | None:
    """tf_keras backend.binary_crossentropy: a sigmoid or softmax output keeps its logits
    (`_keras_logits`), and TF's sigmoid_cross_entropy_with_logits wants the same shape; any
    other output goes through the formula, which broadcasts (measured with tf_keras 2.21)."""
    if logits_output:
        if len(y) == len(out) and _same_shape(y, out):
            return None
        return LabelMismatch(
            f"`logits` and `labels` must have the same shape, received ({fmt(out)} vs {fmt(y)}).",
            "rank" if len(y) != len(out) else "shape",
        )
    try:
        numpy_rules.broadcast(y, out)
    except numpy_rules.NumpyError:
        a, b = next(
            (
                (a, b)
                for a, b in zip(reversed(y), reversed(out), strict=False)
                if type(a) is int and type(b) is int and a != b and 1 not in (a, b)
            ),
            (None, None),
        )
        return LabelMismatch(
            f"Dimensions must be equal, but are {a} and {b} for "
            "'{{node binary_crossentropy/mul}} = Mul[T=DT_FLOAT](IteratorGetNext:1, "
            f"binary_crossentropy/Log)' with input shapes: {_tf_shape(y)}, {_tf_shape(out)}.",
            "broadcast",
        )
    return None


def _tf_shape(shape: Shape) -> str:
    return "[" + ",".join("?" if type(d) is not int else str(d) for d in shape) + "]"


def _check_sparse(y: Shape, out: Shape, version: KerasVersion) -> LabelMismatch | None:
    """ops.sparse_categorical_crossentropy: integer labels, one rank less than the output."""
    if len(y) == len(out) and y[-1] == 1:
        y = y[:-1]
    if len(y) != len(out) - 1:
        if version.major == 2 and len(y) == len(out):
            # Keras 2 flattens the labels and fails when the counts differ from the logits'.
            return LabelMismatch(
                "logits and labels must have the same first dimension", "sparse_rank"
            )
        return LabelMismatch(
            "Argument `output` must have rank (ndim) `target.ndim - 1`. "
            f"Received: target.shape={fmt(y)}, output.shape={fmt(out)}",
            "sparse_rank",
        )
    if not _same_shape(y, out[:-1]):
        return LabelMismatch(
            "Arguments `target` and `output` must have the same shape up until the last dimension: "
            f"target.shape={fmt(y)}, output.shape={fmt(out)}",
            "shape",
        )
    return None
