"""Keras's data helpers: keras.datasets.*.load_data(), keras.utils.to_categorical,
pad_sequences, and loss objects (keras.losses.X() stands for the loss named X). The shapes
they produce are in keras/datasets.py."""

from __future__ import annotations

import ast

from ..keras import datasets
from ..session import Session
from ..shapes import fmt
from ..values import UNKNOWN, Array, Const, TokenLists, Value, const_int
from .registry import REGISTRY, FunctionModel


@REGISTRY.family("keras")
def _family(name: str) -> FunctionModel | None:
    parts = name.split(".")
    last = parts[-1]
    if len(parts) == 4 and parts[1] == "datasets" and last == "load_data":
        return load_data
    if last == "to_categorical":
        return to_categorical
    if last == "pad_sequences":
        return pad_sequences
    if len(parts) >= 3 and parts[1] == "losses":
        return loss
    return None


def load_data(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """keras.datasets.mnist.load_data(): ((x_train, y_train), (x_test, y_test))."""
    return datasets.load_data(name.split(".")[2], session.src.segment(node, 200))


def to_categorical(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    y = args[0] if args else kwargs.get("x", UNKNOWN)
    k = args[1] if len(args) > 1 else kwargs.get("num_classes", Const(None))
    if not isinstance(y, Array):
        return UNKNOWN
    shape = datasets.to_categorical(y, const_int(k))
    return y.step(shape, f"to_categorical(→ {fmt(shape)})", "float64")


def pad_sequences(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    maxlen = kwargs.get("maxlen", args[1] if len(args) > 1 else None)
    width = const_int(maxlen) if maxlen is not None else None
    given = args[0] if args else kwargs.get("sequences", UNKNOWN)
    if isinstance(given, TokenLists):  # without maxlen: as long as the longest
        if maxlen is None and given.lengths:
            longest = max(given.lengths)
            return Array(
                (given.rows, longest), "int32", (f"pad_sequences(→ longest text, {longest})",)
            )
        return Array((given.rows, width), "int32", (f"pad_sequences(maxlen={width})",))
    return datasets.pad_sequences(given, width)


def loss(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """keras.losses.CategoricalCrossentropy(): the loss by its class name."""
    return Const(name.rsplit(".", 1)[-1])


@REGISTRY.function("tensorflow.one_hot", "keras.ops.one_hot", "keras.ops.nn.one_hot")
def one_hot(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """tf.one_hot(y, depth) / keras.ops.one_hot(y, num_classes): a last axis of that size."""
    if name.startswith("keras.ops") and session.version.major < 3:
        return UNKNOWN  # keras.ops is Keras 3's
    y = args[0] if args else kwargs.get("indices", kwargs.get("x", UNKNOWN))
    depth = const_int(
        args[1] if len(args) > 1 else kwargs.get("depth", kwargs.get("num_classes", UNKNOWN))
    )
    axis = kwargs.get("axis", Const(-1))
    if (
        not isinstance(y, Array)
        or depth is None
        or depth < 0
        or axis not in (Const(-1), Const(None))
    ):
        return UNKNOWN
    shape = (*y.shape, depth)
    return y.step(shape, f"one_hot(→ {fmt(shape)})", "float32")
