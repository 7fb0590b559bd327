"""Keras's dataset builders (keras.utils, any spelling): image_dataset_from_directory,
text_dataset_from_directory and timeseries_dataset_from_array make tf.data datasets
(tf_data.py follows their methods). Labels are shaped by `label_mode`; the class count of a
`categorical` one comes from `class_names=[...]` or from a literal folder's subfolders."""

from __future__ import annotations

import ast

from ..session import Session
from ..shapes import Shape
from ..tables import class_folders
from ..values import (
    UNKNOWN,
    Array,
    Const,
    Dataset,
    Seq,
    Value,
    as_array_shape,
    const_int,
    to_python,
)
from .registry import REGISTRY, FunctionModel

CHANNELS = {"rgb": 3, "grayscale": 1, "rgba": 4}


def image_dataset(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """image_dataset_from_directory(...): images (batch, h, w, channels) and labels."""
    size = as_array_shape(kwargs.get("image_size", Seq((Const(256), Const(256)))))
    mode = kwargs.get("color_mode", Const("rgb"))
    if size is None or len(size) != 2 or not isinstance(mode, Const):
        return UNKNOWN
    channels = CHANNELS.get(str(mode.value))
    if channels is None:
        return UNKNOWN
    x = _origin(session, node, (None, *size, channels), "float32")
    return _with_labels(session, node, args, kwargs, x)


def text_dataset(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """text_dataset_from_directory(...): one string per sample (batch,) and labels."""
    return _with_labels(session, node, args, kwargs, _origin(session, node, (None,), "str"))


def _with_labels(
    session: Session, node: ast.Call, args: list[Value], kwargs: dict[str, Value], x: Array
) -> Value:
    labels = to_python(kwargs.get("label_mode", Const("int")))
    if kwargs.get("labels") == Const(None):
        labels = None  # no labels: the images (or texts) alone
    count = _class_count(session, args, kwargs)
    if labels is None:
        element: tuple[Value, ...] = (x,)
    elif labels in ("int", "binary", "categorical"):
        width = {"int": (), "binary": (1,), "categorical": (count,)}[labels]
        element = (x, _origin(session, node, (None, *width), "int32"))
    else:
        return UNKNOWN
    if labels == "binary" and count not in (None, 2):
        return UNKNOWN  # Keras raises: binary labels need exactly 2 classes
    batch = kwargs.get("batch_size", Const(32))
    if batch == Const(None):
        return Dataset(element, batched=False, classes=count)
    return Dataset(element, batched=True, classes=count) if const_int(batch) else UNKNOWN


def _class_count(session: Session, args: list[Value], kwargs: dict[str, Value]) -> int | None:
    if to_python(kwargs.get("labels", Const("inferred"))) != "inferred":
        return None  # labels given as a list: as many classes as distinct values
    named = to_python(kwargs.get("class_names", Const(None)))
    if isinstance(named, (list, tuple)) and named:
        return len(named)
    folder = args[0] if args else kwargs.get("directory")
    resolver = session.resolver
    if not (isinstance(folder, Const) and isinstance(folder.value, str)) or resolver is None:
        return None
    located = resolver.locate_dir(folder.value)
    if located is None:
        return None
    session.files_read.add(located)  # a class folder created there changes the count
    return class_folders(located)


def timeseries_dataset(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """timeseries_dataset_from_array(data, targets, sequence_length, ...): windows
    (batch, sequence_length, *features) and one target per window (batch, *target).
    sampling_rate and sequence_stride change which rows, not the shapes."""
    names = ("data", "targets", "sequence_length", "sequence_stride", "sampling_rate")
    given = dict(zip(names, args, strict=False)) | kwargs
    data = given.get("data", UNKNOWN)
    targets = given.get("targets", UNKNOWN)
    length = const_int(given.get("sequence_length", UNKNOWN))
    if not isinstance(data, Array) or not data.shape or length is None or length < 1:
        return UNKNOWN
    # tf.data leaves the window axis undefined (None): Keras traces fit on that, so a model
    # whose time axis differs is not an error there (an LSTM runs on any length)
    x = data.step((None, None, *data.shape[1:]), f"timeseries windows of {length}")
    if targets == Const(None):
        element: tuple[Value, ...] = (x,)
    elif isinstance(targets, Array) and targets.shape:
        element = (x, targets.step((None, *targets.shape[1:]), "timeseries target"))
    else:
        return UNKNOWN
    batch = given.get("batch_size", Const(128))
    if batch == Const(None):
        return Dataset(element, batched=False)
    return Dataset(element, batched=True) if const_int(batch) else UNKNOWN


def _origin(session: Session, node: ast.Call, shape: Shape, dtype: str) -> Array:
    trace = (f"`{session.src.segment(node, 50)}`",)
    return Array(shape, dtype, trace, session.src.span(node))


BUILDERS: dict[str, FunctionModel] = {
    "image_dataset_from_directory": image_dataset,
    "text_dataset_from_directory": text_dataset,
    "timeseries_dataset_from_array": timeseries_dataset,
}


def _family(name: str) -> FunctionModel | None:
    """keras.utils.image_dataset_from_directory, tf.keras.preprocessing...: any spelling."""
    return BUILDERS.get(name.rsplit(".", 1)[-1])


REGISTRY.family("tensorflow")(_family)
REGISTRY.family("keras")(_family)
