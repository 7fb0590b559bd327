"""TensorFlow's array ops on arrays of known shape, as a tf.data `map` function applies them to
an element (`tf.cast(image, tf.float32) / 255.0`, `tf.image.resize(image, (64, 64))`).

Only arrays are answered here (a Keras tensor's ops are the model side's); the shape rules are
numpy's where TensorFlow's are the same (reshape, expand_dims, squeeze, transpose).
"""

from __future__ import annotations

import ast

from .. import numpy_rules as npr
from ..session import Session
from ..values import UNKNOWN, Array, Ref, Value, as_array_shape, const_int
from .numpy_arrays import array_method
from .registry import REGISTRY, FunctionModel

SAME_SHAPE = ("cast", "convert_to_tensor", "identity", "convert_image_dtype", "stop_gradient")


def tf_array_op(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    try:
        return _array_op(session, name, node, args, kwargs)
    except npr.NumpyError:
        return UNKNOWN  # TensorFlow raises too: the program stops there


def _array_op(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    first = args[0] if args else UNKNOWN
    if not isinstance(first, Array):
        return UNKNOWN
    op = name.rsplit(".", 1)[-1]
    second = args[1] if len(args) > 1 else None
    if op in SAME_SHAPE:
        dtype = second if second is not None else kwargs.get("dtype")
        named = dtype.name.rsplit(".", 1)[-1] if isinstance(dtype, Ref) else first.dtype
        return first.step(first.shape, f"tf.{op}", named)
    if op == "expand_dims":
        axis = const_int(second if second is not None else kwargs.get("axis", UNKNOWN))
        if axis is None:
            return UNKNOWN
        return first.step(npr.expand_dims(first.shape, axis), f"tf.expand_dims(axis={axis})")
    if op in ("reshape", "squeeze", "transpose"):
        given = second if second is not None else kwargs.get("shape", kwargs.get("perm"))
        if op == "squeeze" and "axis" in kwargs:
            return array_method(session, first, op, node, [], {"axis": kwargs["axis"]})
        return array_method(session, first, op, node, [] if given is None else [given], {})
    if op == "resize" and ".image." in f".{name}":
        return _resize(first, second if second is not None else kwargs.get("size", UNKNOWN))
    if op in ("rgb_to_grayscale", "grayscale_to_rgb") and first.shape:
        channels = 1 if op == "rgb_to_grayscale" else 3
        return first.step((*first.shape[:-1], channels), f"tf.image.{op}")
    return UNKNOWN


def _resize(images: Array, size: Value) -> Value:
    """tf.image.resize: (h, w, c) or (batch, h, w, c) to the size asked."""
    target = as_array_shape(size)
    if target is None or len(target) != 2 or len(images.shape) not in (3, 4):
        return UNKNOWN
    shape = (*images.shape[:-3], *target, images.shape[-1])
    return images.step(shape, f"tf.image.resize to {target[0]}x{target[1]}")


OPS = frozenset(
    {*SAME_SHAPE, "expand_dims", "reshape", "squeeze", "transpose", "resize"}
    | {"rgb_to_grayscale", "grayscale_to_rgb"}
)


@REGISTRY.family("tensorflow")
def _family(name: str) -> FunctionModel | None:
    parts = name.split(".")
    if len(parts) > 3 or parts[-1] not in OPS or (len(parts) == 3 and parts[1] != "image"):
        return None
    return tf_array_op
