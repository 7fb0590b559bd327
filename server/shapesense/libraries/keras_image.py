"""Keras's ImageDataGenerator: `flow` (rank-4 arrays only) and `flow_from_directory` /
`flow_from_dataframe` make batches of images (None, height, width, channels) and labels shaped
by `class_mode`; `fit` meets them as a batched dataset. The class count of a `categorical`
flow comes from `classes=[...]` or from a literal folder's subfolders (tables.py).

Keras 3's own `keras.preprocessing.image` no longer has ImageDataGenerator (tf.keras still
does): under Keras 3 a module that spells it the plain-keras way is not followed.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ..findings import Span
from ..session import Session
from ..shapes import Shape
from ..tables import class_folders
from ..values import UNKNOWN, Array, Const, Dataset, Value, as_array_shape, to_python
from .imaging import MODE_CHANNELS, PilImage
from .registry import REGISTRY, FunctionModel

CHANNELS = {"rgb": 3, "grayscale": 1, "rgba": 4}


@dataclass(frozen=True)
class ImageGenerator(Value):
    """An ImageDataGenerator(...): augmentation settings change no shape."""


@REGISTRY.function("keras.preprocessing.image.ImageDataGenerator")
def image_data_generator(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    if session.version.major >= 3 and plain_keras_spelling(session, node, "keras.preprocessing"):
        return UNKNOWN  # ImportError in Keras 3: the program never gets here
    return ImageGenerator()


def plain_keras_spelling(session: Session, node: ast.Call, module: str) -> bool:
    """The call is spelled from plain `keras.preprocessing` (say), or its module imports from
    there: under Keras 3, where that module is gone, the program never gets to the call."""
    if session.src.segment(node.func, 80).startswith(module):
        return True
    for stmt in ast.walk(session.tree):
        if isinstance(stmt, ast.ImportFrom) and (stmt.module or "").startswith(module):
            return True
    return False


def _origin(session: Session, node: ast.Call) -> tuple[tuple[str, ...], Span]:
    return (f"`{session.src.segment(node, 60)}`",), session.src.span(node)


@REGISTRY.method(ImageGenerator, "flow")
def flow(
    session: Session,
    gen: ImageGenerator,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """datagen.flow(x, y, batch_size): batches of x's samples and y's (x must be rank 4)."""
    x = args[0] if args else kwargs.get("x", UNKNOWN)
    y = args[1] if len(args) > 1 else kwargs.get("y", Const(None))
    if not isinstance(x, Array) or len(x.shape) != 4 or not isinstance(y, Array) or not y.shape:
        return UNKNOWN  # a rank other than 4 raises in flow; no labels: not modelled
    return Dataset(
        (x.step((None, *x.shape[1:]), "flow batch"), y.step((None, *y.shape[1:]), "flow batch")),
        batched=True,
    )


@REGISTRY.method(ImageGenerator, "flow_from_directory", "flow_from_dataframe")
def flow_from_files(
    session: Session,
    gen: ImageGenerator,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """Images resized to target_size (256x256 by default), channels by color_mode, labels by
    class_mode: categorical (None, classes), binary and sparse (None,), input (the images)."""
    size = as_array_shape(kwargs.get("target_size", Const(None)))
    if "target_size" not in kwargs:
        size = (256, 256)
    channels = CHANNELS.get(str(to_python(kwargs.get("color_mode", Const("rgb")))))
    mode = to_python(kwargs.get("class_mode", Const("categorical")))
    if size is None or len(size) != 2 or any(type(d) is not int for d in size) or not channels:
        return UNKNOWN
    trace, span = _origin(session, node)
    x = Array((None, *size, channels), "float32", trace, span)
    if mode in ("binary", "sparse"):
        y: Value = Array((None,), "float32", trace, span)
    elif mode == "input":
        y = x
    elif mode == "categorical":
        y = Array((None, _class_count(session, method, args, kwargs)), "float32", trace, span)
    else:
        return UNKNOWN  # raw, multi_output, None: not modelled
    return Dataset((x, y), batched=True)


def _class_count(
    session: Session, method: str, args: list[Value], kwargs: dict[str, Value]
) -> int | None:
    classes = to_python(kwargs.get("classes", Const(None)))
    if isinstance(classes, (list, tuple)) and classes:
        return len(classes)
    if method != "flow_from_directory":
        return None  # flow_from_dataframe: the classes are the column's values
    folder = to_python(args[0] if args else kwargs.get("directory", UNKNOWN))
    resolver = session.resolver
    if not isinstance(folder, str) or resolver is None:
        return None
    located = resolver.locate_dir(folder)
    return class_folders(located) if located else None


# --- single images: load_img and img_to_array ---------------------------------------------

COLOR_MODES = {"rgb": "RGB", "grayscale": "L", "rgba": "RGBA"}


def load_img(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """load_img(path, color_mode=, target_size=(height, width)): a PIL image of that size and
    mode (the file's own size, without target_size, is not read)."""
    mode = COLOR_MODES.get(str(to_python(kwargs.get("color_mode", Const("rgb")))))
    size = as_array_shape(kwargs.get("target_size", Const(None)))
    if "target_size" not in kwargs or kwargs["target_size"] == Const(None):
        size = (None, None)
    if mode is None or size is None or len(size) != 2:
        return UNKNOWN
    height, width = size
    return PilImage(height, width, mode, (f"`{session.src.segment(node, 60)}`",))


def img_to_array(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """img_to_array(img): (height, width, channels) float32; a grayscale image keeps a channel
    axis of 1 (np.array of it has none). No batch axis: the classic predict bug."""
    image = args[0] if args else kwargs.get("img", UNKNOWN)
    if isinstance(image, PilImage) and image.mode in MODE_CHANNELS:
        channels = MODE_CHANNELS[image.mode] or 1
        shape: Shape = (image.height, image.width, channels)
        return Array(shape, "float32", (*image.trace, "img_to_array")[-6:])
    if isinstance(image, Array) and len(image.shape) in (2, 3):
        shape = image.shape if len(image.shape) == 3 else (*image.shape, 1)
        return image.step(shape, "img_to_array", "float32")
    return UNKNOWN


SINGLE_IMAGES: dict[str, FunctionModel] = {"load_img": load_img, "img_to_array": img_to_array}


@REGISTRY.family("keras")
def _single_images(name: str) -> FunctionModel | None:
    parts = name.split(".")
    if parts[1:2] in (["utils"], ["preprocessing"]):
        return SINGLE_IMAGES.get(parts[-1])
    return None
