"""keras.applications backbones (VGG16, ResNet50, MobileNetV2, EfficientNetB0...) and their
`preprocess_input`. A backbone is a functional model of one Input and one node standing for the
whole network; what that node does comes from a table measured on real Keras 2 and 3
(keras/applications.json, written by `python -m tests.oracle.applications_table`). The
constructor's own refusals are Keras's `imagenet_utils.obtain_input_shape` and its class check.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import json
import re
from pathlib import Path
from typing import Any

from .. import silence
from ..findings import Finding
from ..keras.graph import LayerFailure, Run, run_nodes
from ..keras.layers import Args, InputSpec, LayerError, LayerRule, Opaque
from ..session import Session
from ..shapes import UNKNOWN_SIZE, Dim, Shape, fmt
from ..values import UNKNOWN, Array, Layer, Model, Node, Tensor, Unknown, Value, to_python
from . import keras_application_names
from .keras_layers import apply_layer
from .keras_models import register_model
from .registry import REGISTRY, FunctionModel

TABLE = Path(__file__).resolve().parents[1] / "keras" / "applications.json"
STEMS = TABLE.with_name("application_stems.json")
# Constructor arguments that change no shape and no parameter count; any other (alpha,
# depth_multiplier, minimalistic, include_preprocessing...) leaves the backbone unknown.
NEUTRAL = {
    "classifier_activation",
    "name",
    "model_name",  # RegNet's name for `name`
    "dropout",
    "dropout_rate",
    "drop_connect_rate",
}
READ = {"include_top", "weights", "input_shape", "input_tensor", "pooling", "classes"}
# Arguments that change the network, accepted at the value the table was measured with.
DEFAULTS = {
    "alpha": 1.0,
    "depth_multiplier": 1,
    "minimalistic": False,
    "include_preprocessing": True,
}


@functools.cache
def table() -> dict[str, dict[str, dict[str, Any]]]:
    """Version ("2", "3") -> backbone name -> its measured row."""
    return json.loads(TABLE.read_text()) if TABLE.exists() else {}


@functools.cache
def stems() -> dict[str, dict[str, dict[str, Any]]]:
    """Version -> backbone -> {"stem": the layer Keras names when the channels are not 3,
    "pad": pixels rows and columns gain before it} (keras/application_stems.json, written by
    `python -m tests.oracle.application_stems`)."""
    return json.loads(STEMS.read_text()) if STEMS.exists() else {}


@functools.cache
def _names() -> frozenset[str]:
    return frozenset(name for rows in table().values() for name in rows)  # measured or not


@functools.cache
def _modules(version: str) -> frozenset[str]:
    """The keras.applications modules of a version's backbones (vgg16, regnet...)."""
    return frozenset(row.get("module", "") for row in table().get(version, {}).values())


@REGISTRY.family("keras")
def _family(name: str) -> FunctionModel | None:
    parts = name.split(".")
    if len(parts) < 3 or parts[1] != "applications":
        return None
    if parts[-1] == "preprocess_input":
        return preprocess_input
    return make_backbone if parts[-1] in _names() else None


def preprocess_input(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """Scales or centres the values: the shape stays (a float array)."""
    module = name.split(".")[-2]
    if module not in _modules(str(session.version.major)) and any(
        module in _modules(version) for version in table()
    ):  # keras.applications.regnet in Keras 3: AttributeError, nothing after it runs
        return _missing(session, node, name, f"`keras.applications.{module}`")
    x = args[0] if args else kwargs.get("x", UNKNOWN)
    if isinstance(x, Array):
        return x.step(x.shape, f"`{session.src.segment(node, 40)}`", "float32")
    return x if isinstance(x, Tensor) else UNKNOWN


def _missing(session: Session, node: ast.Call, name: str, missing: str) -> Value:
    """Silence, saying why: this Keras has no such backbone (or module)."""
    detail = f"Keras {session.version.major} has no {missing} (AttributeError or ImportError)"
    what = session.src.segment(node, 50)
    cause = silence.Cause(silence.PRETRAINED_MODEL, what, session.src.span(node), name, detail)
    return Unknown(cause)


def obtain_input_shape(
    input_shape: Any, default_size: int, min_size: int, require_flatten: bool, weights: Any
) -> tuple[Any, ...]:
    """keras.src.applications.imagenet_utils.obtain_input_shape (channels last), raising its
    ValueError messages word for word (the same in Keras 2 and 3)."""
    if weights != "imagenet" and input_shape and len(input_shape) == 3:
        default_shape = (default_size, default_size, input_shape[-1])
    else:
        default_shape = (default_size, default_size, 3)
    if weights == "imagenet" and require_flatten:
        if input_shape is not None and input_shape != default_shape:
            raise ValueError(
                "When setting `include_top=True` and loading `imagenet` weights, "
                f"`input_shape` should be {default_shape}.  Received: input_shape={input_shape}"
            )
        return default_shape
    if input_shape:
        if len(input_shape) != 3:
            raise ValueError("`input_shape` must be a tuple of three integers.")
        if input_shape[-1] != 3 and weights == "imagenet":
            raise ValueError(
                f"The input must have 3 channels; Received `input_shape={input_shape}`"
            )
        if (input_shape[0] is not None and input_shape[0] < min_size) or (
            input_shape[1] is not None and input_shape[1] < min_size
        ):
            raise ValueError(
                f"Input size must be at least {min_size}x{min_size}; "
                f"Received: input_shape={input_shape}"
            )
    else:
        input_shape = default_shape if require_flatten else (None, None, 3)
    if require_flatten and None in input_shape:
        raise ValueError(
            "If `include_top` is True, you should specify a static `input_shape`. "
            f"Received: input_shape={input_shape}"
        )
    return tuple(input_shape)


def feature_size(row: dict[str, Any], size: Dim) -> Dim:
    """One spatial axis of the feature map for an input axis of `size`."""
    if size is None or type(size) is not int:
        return size  # undefined stays undefined; a size not known stays not known
    if row.get("spatial_checked") and row.get("spatial"):
        offset, stride, extra = row["spatial"]
        return (size + offset) // stride + extra
    measured = row.get("measured", {}).get(str(size))
    return measured if measured is not None else UNKNOWN_SIZE


def _output(shape: Shape, a: Args) -> Shape:
    row, top, pooling = a.get("row"), a.get("include_top"), a.get("pooling")
    channels = shape[-1] if shape else None
    if a.get("gray") and type(channels) is int and channels not in (1, 3):
        # measured (EfficientNetB0 on 4 channels): Keras 3 checks its Input, Keras 2 fails
        # in the Normalization that broadcasts 1 channel to 3
        if a.get("keras") == 2:
            message = f"Dimensions must be equal, but are {channels} and 3"
        else:
            expected = fmt((None, *a.get("built_on")))
            message = f"expected shape={expected}, found shape={fmt(shape)}"
        raise LayerError(message, "SS102", f"{fmt((*shape[:-1], 3))} (or 1 channel)")
    if top:
        return (shape[0], a.get("classes"))
    if pooling in ("avg", "max"):
        return (shape[0], row["channels"])
    return (shape[0], feature_size(row, shape[1]), feature_size(row, shape[2]), row["channels"])


def _params(shape: Shape, a: Args) -> int:
    row = a.get("row")
    if tuple(shape[1:]) != a.get("built_on") or shape[-1] != 3:
        raise Opaque("input")  # measured on 3 channels, and with the top at the default size
    if not a.get("include_top"):
        return int(row["bare_params"])
    if row.get("top_any_size") or [d for d in row["top_input"] if d is not None] == [3]:
        pass  # MobileNetV3, RegNet...: a classifier after global pooling, the same at any size
    elif list(shape[1:]) != row["top_input"]:
        raise Opaque("input")
    return int(row["top_params"]) + (a.get("classes") - 1000) * int(row["params_per_class"])


def _refused_by(axis: int, shape: Shape, a: Args) -> tuple[str, Shape] | None:
    """Channels other than 3 reach the stem convolution, which Keras names, with the shape
    that reaches it there (ResNet50 pads 64x64 images to 70x70 before `conv1_conv`)."""
    stem = a.get("stem")
    if axis != 3 or not stem:
        return None
    pad = int(stem["pad"])
    at = tuple(d + pad if type(d) is int else d for d in shape[1:3])
    return str(stem["stem"]), (shape[0], *at, shape[3])


BACKBONE = LayerRule(
    spec=lambda a: InputSpec(ndim=4),
    output=_output,
    built_axes=lambda s, a: dict(a.get("fixed")),
    count_params=_params,
    refused_by=_refused_by,
)


def make_backbone(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    class_name = name.rsplit(".", 1)[-1]
    row = table().get(str(session.version.major), {}).get(class_name)
    what = session.src.segment(node, 50)  # the reason shows it in backticks
    opaque = silence.unknown(silence.PRETRAINED_MODEL, what, session.src.span(node), name)
    if row is None and any(class_name in rows for rows in table().values()):
        # RegNet and ResNetRS are Keras 2's only: Keras 3 raises AttributeError (ImportError
        # for a `from` import) before the call, so nothing after it runs
        return _missing(session, node, name, f"`{class_name}`")
    if row is None or "error" in row or not {"channels", "top_params", "min_size"} <= row.keys():
        return opaque  # not measured (python -m tests.oracle.applications_table --only NAME)
    if args:
        return opaque  # positional arguments: their order differs from backbone to backbone
    if "parameters" in row and not kwargs.keys() <= set(row["parameters"]):
        return opaque  # a keyword the constructor does not take: TypeError (no code of ours)
    if any(
        k not in READ | NEUTRAL and not (k in DEFAULTS and to_python(v) == DEFAULTS[k])
        for k, v in kwargs.items()
    ):
        return opaque
    given = {k: to_python(v) for k, v in kwargs.items() if k in READ and k != "input_tensor"}
    if any(v is UNKNOWN for v in given.values()):
        return opaque
    include_top = given.get("include_top", True)
    weights = given.get("weights", "imagenet")
    classes = given.get("classes", 1000)
    if not isinstance(include_top, bool) or type(classes) is not int:
        return opaque
    if "model_name" in kwargs and weights == "imagenet":
        return opaque  # RegNet picks its weights file by the name's end: KeyError for most
    source = kwargs.get("input_tensor")
    tensor_shape = _tensor_image(source) if isinstance(source, Tensor) else None
    unread_tensor = source is not None and tensor_shape is None
    try:
        if weights not in ("imagenet", None):
            return opaque  # a weights file: not read
        if row["min_size"] is None:  # MobileNetV3: its own checks, not obtain_input_shape
            if unread_tensor:
                return opaque  # its sizes are the input shape
            input_shape = _mobilenet_v3_shape(session, row, given, tensor_shape, classes)
        else:
            if weights == "imagenet" and include_top and classes != 1000:
                message = row.get("classes_error", _classes_message(session, classes))
                if message is not None:  # None: the backbone does not check it
                    raise ValueError(message.replace("{classes}", str(classes)))
            flatten = include_top or bool(row.get("always_flatten"))  # NASNet in Keras 2
            shape = given.get("input_shape")
            # ResNetRS passes weights="imagenet-i224" (say): no ImageNet rule applies there
            passed = row.get("imagenet_as", "imagenet") if weights == "imagenet" else weights
            input_shape = obtain_input_shape(
                shape, _default_size(row, shape), row["min_size"], flatten, passed
            )
    except ValueError as exc:
        message = f"{class_name}(...) raises: {exc}"
        code = "SS104" if "at least" in str(exc) else "SS103"
        session.add(Finding(session.src.span(node), "error", code, message, str(exc)))
        return UNKNOWN
    if input_shape is None or unread_tensor:
        return opaque
    if weights == "imagenet" and input_shape[-1] != 3:
        return opaque  # taken by its constructor (ResNetRS); loading the weights fails
    bare = row.get("bare_input") or []
    if not include_top and "input_shape" not in given and all(type(d) is int for d in bare):
        input_shape = tuple(bare)  # NASNet in Keras 3: its default size even without the top
    if tensor_shape is not None and not _builds_on_tensor(row, include_top, weights, tensor_shape):
        return opaque
    input_name = keras_application_names.use_names(session, class_name, source is None, include_top)
    inputs = (
        source
        if source is not None
        else Tensor((None, *input_shape), Node(None, is_input=True, layer_name=str(input_name)))
    )
    if (
        not isinstance(inputs, Tensor)
        or inputs.shape is None
        or (sources := _source_inputs(inputs)) is None
    ):
        return opaque
    built_on = tuple(inputs.shape[1:])
    own_input = sources[0] is inputs  # else the backbone follows the layers on its Input
    fixed = {
        axis: dim
        for axis, dim in enumerate(inputs.shape)
        if axis and type(dim) is int and (axis == 3 or (own_input and session.version.major >= 3))
    }  # Keras 3 checks every axis its Input was given; Keras 2 only what weights fix
    gray = _gray_broadcast(row, class_name) and fixed.get(3) == 3
    if gray:
        fixed.pop(3)  # 1 channel runs too; other counts fail in _output
    values = {
        "row": row,
        "include_top": include_top,
        "pooling": given.get("pooling"),
        "classes": classes,
        "built_on": built_on,
        "fixed": fixed,
        "gray": gray,
        "keras": session.version.major,
        "stem": _stem(session, class_name, row, kwargs),
    }
    layer = Layer(
        class_name,
        BACKBONE,
        Args((), [], values),
        session.src.span(node),
        keras_application_names.model_name(
            session,
            class_name,
            kwargs.get("name", kwargs.get("model_name")),  # RegNet's model_name=
            input_shape,
            weights,
            row.get("model_name"),
        ),
    )
    layer.foreign = session.foreign
    output = apply_layer(session, layer, inputs, node)
    if not isinstance(output, Tensor):
        return opaque
    model = Model("functional", session.src.span(node), layer.name)
    register_model(session, model)
    model.inputs, model.outputs = sources, [output]
    model.output_shape = output.shape
    model.declared_input = sources[0].shape
    model.built_run = session.functional_run
    run = Run(session.version)  # the model summary's rows (hover), as for keras.Model(...)
    with contextlib.suppress(LayerFailure):
        run_nodes([n for n in (output.node,) if n], {id(sources[0].node): sources[0].shape}, run)
    session.record_run(run, model.name, "its inputs", model_span=model.span)
    return model


def _stem(
    session: Session, class_name: str, row: dict[str, Any], kwargs: dict[str, Value]
) -> dict[str, Any] | None:
    """The stem's row; none where `name=`/`model_name=` renames it (RegNet's stem is
    `regnetx002_stem_conv`: its model name's)."""
    stem = stems().get(str(session.version.major), {}).get(class_name)
    if stem is None or not ({"name", "model_name"} & kwargs.keys()):
        return stem
    default = keras_application_names.table().get(str(session.version.major), {})
    prefix = default.get(class_name, {}).get("name") or row.get("model_name") or class_name.lower()
    return None if str(stem["stem"]).startswith(f"{prefix}_") else stem


def _gray_broadcast(row: dict[str, Any], class_name: str) -> bool:
    """Backbones whose preprocessing layers (a Normalization by ImageNet's 3 channel means,
    after a Rescaling) broadcast a 1-channel image to 3 channels before the stem convolution:
    called on gray images, Keras runs them. Measured with Keras 3.15 on every backbone, built
    for (96, 96, 3), called on (96, 96, 1) and predicting: EfficientNetB0-B7,
    EfficientNetV2B0-B3 and ConvNeXt* run; EfficientNetV2S/M/L, MobileNetV3 and the others
    raise. Keras 2.21 on one of each family: the same, and ResNetRS50 runs, RegNetX002 and
    RegNetY002 raise (tests/corpus/programs/models_transfer/efficientnet_resizing_grayscale.py)."""
    module = row.get("module")
    if module == "efficientnet_v2":
        return class_name[-2:] in ("B0", "B1", "B2", "B3")
    return module in ("efficientnet", "convnext", "resnet_rs")


def _default_size(row: dict[str, Any], input_shape: Any) -> int:
    """MobileNet and MobileNetV2 take a square input of 96-224 as their default size."""
    if isinstance(input_shape, tuple | list) and len(input_shape) == 3:
        rows, cols = input_shape[0], input_shape[1]
        if rows == cols and str(rows) in row.get("default_size_by_input", {}):
            return int(row["default_size_by_input"][str(rows)])
    return int(row["default_size"])


def _source_inputs(tensor: Tensor) -> list[Tensor] | None:
    """The one Input a tensor comes from (Keras's get_source_inputs: the backbone's model
    starts there, e.g. at the Input before a Resizing), or None (several, or an opaque node)."""
    if tensor.node is None:
        return None
    if tensor.node.is_input:
        return [tensor]
    found: dict[int, Node] = {}
    pending, seen = [tensor.node], set()
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.is_input:
            found[id(node)] = node
        elif node.layer is None or not node.parents:
            return None  # an opaque tensor: where it starts is not known
        pending.extend(node.parents)
    if len(found) != 1:
        return None
    (start,) = found.values()
    return [Tensor(start.input_shape, start)] if start.input_shape is not None else None


def _tensor_image(tensor: Tensor) -> tuple[Any, ...] | None:
    """input_tensor's shape without the batch axis, when it is an image batch (rank 4)."""
    shape = tensor.shape
    if shape is None or len(shape) != 4:
        return None
    if any(d is not None and type(d) is not int for d in shape[1:]):
        return None  # a size not known: the backbone's output is not either
    return tuple(shape[1:])


def _builds_on_tensor(
    row: dict[str, Any], include_top: bool, weights: Any, shape: tuple[Any, ...]
) -> bool:
    """Whether the table knows the backbone Keras builds on `input_tensor`: the constructor's
    checks look at input_shape only, so ImageNet weights on another channel count fail when
    loaded, and a top built on another size than the default has other weights (except a top
    of global pooling and Dense: `top_any_size`)."""
    if shape[-1] != 3 and weights == "imagenet":
        return False
    return (
        not include_top or bool(row.get("top_any_size")) or list(shape[:2]) == row["top_input"][:2]
    )


def _mobilenet_v3_shape(
    session: Session,
    row: dict[str, Any],
    given: dict[str, Any],
    tensor_shape: tuple[Any, ...] | None,
    classes: int,
) -> tuple[Any, ...] | None:
    """keras.applications.MobileNetV3Small/Large check sizes themselves (Keras 2 and 3): any
    size of at least 32 (the table's `below_min`), with or without the top, and take it from
    input_tensor when input_shape is not given."""
    imagenet = given.get("weights", "imagenet") == "imagenet"
    if imagenet and given.get("include_top", True) and classes != 1000:
        weights = (
            '`weights="imagenet"`' if session.version.major >= 3 else '`weights` as `"imagenet"`'
        )
        raise ValueError(
            f"If using {weights} with `include_top` as true, `classes` should be 1000.  "
            f"Received classes={classes}"
        )
    input_shape = given.get("input_shape")
    if input_shape is not None and tensor_shape is not None:
        return None  # both: Keras compares them
    if input_shape is None:
        input_shape = (tensor_shape[1], tensor_shape[0], 3) if tensor_shape else (None, None, 3)
    if not isinstance(input_shape, tuple | list) or len(input_shape) != 3:
        return None
    minimum = re.search(r"at least (\d+)x", str(row.get("below_min", "")))
    if minimum is None:
        return None
    rows, cols, least = input_shape[0], input_shape[1], int(minimum.group(1))
    if rows and cols and (rows < least or cols < least):
        raise ValueError(
            f"Input size must be at least {least}x{least}; Received `input_shape={input_shape}`"
        )
    if input_shape[-1] != 3 and imagenet:
        return None  # the constructor takes it; loading the weights fails
    return tuple(input_shape)


def _classes_message(session: Session, classes: int) -> str:
    weights = '`weights="imagenet"`' if session.version.major >= 3 else '`weights` as `"imagenet"`'
    return (
        f"If using {weights} with `include_top` as true, `classes` should be 1000. "
        f"Received `classes={classes}`"
    )
