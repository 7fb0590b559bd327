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

from .. import coverage, fixes, silence
from ..findings import Finding, Span
from ..recheck import DataArg
from ..session import Session
from ..shapes import Shape, fmt
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
    x_node = coverage.node_arg(node, 0, "x")
    if isinstance(x, Array) and len(x.shape) != 4 and x_node is not None:
        _report_flow_rank(session, x, x_node)
        return _not_followed(session, node)  # flow raised: the program stops here
    if not isinstance(x, Array) or not isinstance(y, Array) or not y.shape:
        return silence.from_arguments(args, _not_followed(session, node))  # no labels
    return Dataset(
        (x.step((None, *x.shape[1:]), "flow batch"), y.step((None, *y.shape[1:]), "flow batch")),
        batched=True,
    )


def _report_flow_rank(session: Session, x: Array, x_node: ast.expr) -> None:
    """Keras's NumpyArrayIterator takes rank-4 images only (measured, Keras 2 and 3:
    tests/corpus/programs/images/datagen_flow_mnist_without_channel.py)."""
    label = session.src.segment(x_node, 40)
    data = DataArg(x, x_node, label)
    session.add(
        Finding(
            session.src.span(x_node),
            "error",
            "SS101",
            f"ImageDataGenerator.flow needs images of rank 4 (samples, height, width, channels),"
            f" but receives {fmt(x.shape)} ({len(x.shape)} dims) from `{label}`.{data.origin}",
            "Input data in `NumpyArrayIterator` should have rank 4. You passed an array with"
            f" shape {fmt(x.shape)}",
            fixes=(fixes.channel_axis(session, data),) if len(x.shape) == 3 else (),
        )
    )


def _not_followed(session: Session, node: ast.Call) -> Value:
    key = f"ImageDataGenerator.{node.func.attr if isinstance(node.func, ast.Attribute) else 'flow'}"
    return silence.unknown(
        silence.DATA_GENERATOR, session.src.segment(node, 50), session.src.span(node), key
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
        return _not_followed(session, node)
    trace, span = _origin(session, node)
    x = Array((None, *size, channels), "float32", trace, span)
    if mode in ("binary", "sparse"):
        y: Value = Array((None,), "float32", trace, span)
    elif mode == "input":
        y = x
    elif mode == "categorical":
        y = Array((None, _class_count(session, method, args, kwargs)), "float32", trace, span)
    elif mode == "raw" and method == "flow_from_dataframe":
        y = _raw_labels(kwargs.get("y_col", Const("class")), trace, span)
    else:
        return _not_followed(session, node)  # multi_output, None: not modelled
    return Dataset((x, y), batched=True)


def _raw_labels(y_col: Value, trace: tuple[str, ...], span: Span) -> Value:
    """class_mode="raw": the y_col column's values as they are, (None,); several columns,
    (None, columns)."""
    columns = to_python(y_col)
    if isinstance(columns, str):
        return Array((None,), None, trace, span)
    if isinstance(columns, list) and columns and all(isinstance(c, str) for c in columns):
        return Array((None, len(columns)), None, trace, span)
    return UNKNOWN


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
    if located is None:
        return None
    session.files_read.add(located)  # a class folder created there changes the count
    return class_folders(located)


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
