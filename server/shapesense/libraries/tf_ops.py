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
from . import numpy as np_model
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
    op = name.rsplit(".", 1)[-1]
    listed = op in JOINED and not (op == "convert_to_tensor" and isinstance(first, Array))
    if listed and "." not in name.removeprefix("tensorflow."):
        return _joined(session, op, node, args, kwargs)
    if not isinstance(first, Array):
        return UNKNOWN
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


# ops on a list of arrays (images appended in a loop): numpy's stack, concatenate and array
JOINED = {"stack": "stack", "concat": "concatenate", "convert_to_tensor": "array"}


def _joined(
    session: Session, op: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """tf.stack(values, axis=0), tf.concat(values, axis) and tf.convert_to_tensor(list): as
    numpy stacks, concatenates or makes an array of them (the same shape rules)."""
    if op == "convert_to_tensor":  # of a list (an array's is SAME_SHAPE's)
        if len(args) != 1 or set(kwargs) - {"dtype", "name"}:
            return UNKNOWN
        return np_model.array(session, "numpy.array", node, args, {})
    if set(kwargs) - {"axis", "name", "values"} or len(args) > 2:
        return UNKNOWN
    given = {k: v for k, v in kwargs.items() if k != "name"}
    values = args[0] if args else given.pop("values", UNKNOWN)
    if op == "concat" and "axis" not in given and len(args) < 2:
        return UNKNOWN  # TensorFlow requires the axis
    return np_model.join(session, f"numpy.{JOINED[op]}", node, [values, *args[1:2]], given)


OPS = frozenset(
    {*SAME_SHAPE, *JOINED, "expand_dims", "reshape", "squeeze", "transpose", "resize"}
    | {"rgb_to_grayscale", "grayscale_to_rgb"}
)


@REGISTRY.family("tensorflow")
def _family(name: str) -> FunctionModel | None:
    parts = name.split(".")
    if len(parts) > 3 or parts[-1] not in OPS or (len(parts) == 3 and parts[1] != "image"):
        return None
    return tf_array_op
