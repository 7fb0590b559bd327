"""tf.data: datasets made from arrays or an image folder, and the methods that keep their
element shapes. A batched dataset of (x, y) meets `fit` as arrays would (checks.py)."""

from __future__ import annotations

import ast

from ..session import Session
from ..tables import class_folders
from ..values import UNKNOWN, Array, Const, Dataset, Seq, Value, as_array_shape, to_python
from .registry import REGISTRY, FunctionModel


@REGISTRY.function(
    "tensorflow.data.Dataset.from_tensor_slices", "tensorflow.data.Dataset.from_tensors"
)
def from_tensors(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """tf.data.Dataset.from_tensor_slices((x, y)): elements are one row of each array."""
    tensors = args[0] if args else kwargs.get("tensors", UNKNOWN)
    parts = tensors.items if isinstance(tensors, Seq) else (tensors,)
    if not parts or len(parts) > 2 or not all(isinstance(p, Array) and p.shape for p in parts):
        return UNKNOWN
    if name.endswith("from_tensors"):
        return UNKNOWN  # one element holding the whole arrays: not modelled
    rows = tuple(
        p.step((None, *p.shape[1:]), "tf.data element") for p in parts if isinstance(p, Array)
    )
    return Dataset(rows, batched=False)


def image_dataset(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """image_dataset_from_directory(...): batched images (None, h, w, channels) and labels."""
    size = as_array_shape(kwargs.get("image_size", Seq((Const(256), Const(256)))))
    mode = kwargs.get("color_mode", Const("rgb"))
    labels = kwargs.get("label_mode", Const("int"))
    if (
        size is None
        or len(size) != 2
        or not isinstance(mode, Const)
        or not isinstance(labels, Const)
    ):
        return UNKNOWN
    channels = {"rgb": 3, "grayscale": 1, "rgba": 4}.get(str(mode.value))
    if channels is None or kwargs.get("batch_size") == Const(None):
        return UNKNOWN
    origin = (f"`{session.src.segment(node, 50)}`",)
    x = Array((None, *size, channels), "float32", origin, session.src.span(node))
    y_shape = {"int": (None,), "binary": (None, 1)}.get(str(labels.value))
    if labels.value == "categorical":  # one column per class folder, when they can be counted
        named = to_python(kwargs.get("class_names", Const(None)))
        count = _class_count(session, args[0] if args else kwargs.get("directory"))
        if isinstance(named, (list, tuple)) and named:
            count = len(named)
        y_shape = (None, None if "labels" in kwargs else count)
    y: Value = Array(y_shape, "int32", origin, session.src.span(node)) if y_shape else UNKNOWN
    return Dataset((x, y), batched=True)


def _class_count(session: Session, folder: Value | None) -> int | None:
    resolver = session.resolver
    if not (isinstance(folder, Const) and isinstance(folder.value, str)) or resolver is None:
        return None
    located = resolver.locate_dir(folder.value)
    return class_folders(located) if located else None


def _image_dataset_family(name: str) -> FunctionModel | None:
    """keras.utils.image_dataset_from_directory, tf.keras.preprocessing...: any spelling."""
    return image_dataset if name.rsplit(".", 1)[-1] == "image_dataset_from_directory" else None


REGISTRY.family("tensorflow")(_image_dataset_family)
REGISTRY.family("keras")(_image_dataset_family)


@REGISTRY.method(Dataset, "batch")
def batch(
    session: Session,
    ds: Dataset,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    return Dataset(ds.element, True)


@REGISTRY.method(Dataset, "shuffle", "prefetch", "cache", "repeat", "take", "skip")
def same_elements(
    session: Session,
    ds: Dataset,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    return ds


# map, filter, unbatch...: the element shapes may change, so their value is unknown
