"""Why a fit / evaluate / predict call was not fully checked, in the words of the user's code.

An unknown value may carry a `Cause`: where it became unknown (the call the interpreter does
not model, the class it does not follow, the parameter no caller filled...). Causes are made
where a value first becomes unknown and travel with it through attributes, subscripts,
operators and method calls, so at a call the checker can say "x comes from `pd.read_csv(...)`".
Each cause has a stable machine code (ranked by `shapesense check --statistics`) and a
`key`, the construct itself (`pandas.read_csv`), to rank finer than the code.
"""

from __future__ import annotations

import ast
import builtins
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from .findings import Span
from .values import (
    Dataset,
    Mapping,
    Seq,
    Unknown,
    Value,
    contents,
)

if TYPE_CHECKING:
    from .source import SourceText

# The codes, each with what it means for the user (docs/silence.md lists them).
DATA_FROM_FILE = "data-from-file"  # pd.read_csv, open, cv2.imread, load_img...
DATA_GENERATOR = "data-generator"  # ImageDataGenerator flows, keras.utils.Sequence, generators
DATASET_TRANSFORM = "dataset-transform"  # tf.data .map / .filter / from_generator...
UNMODELLED_CALL = "unmodelled-call"  # a library call the checker does not model
SUBCLASSED_MODEL = "subclassed-model"  # class Net(keras.Model): `call` is not followed
CUSTOM_LAYER = "custom-layer"  # class Block(layers.Layer) inside the model
USER_CLASS = "user-class"  # another class of the user's (an agent, a wrapper...)
PRETRAINED_MODEL = "pretrained-model"  # keras.applications, hub
MODEL_FROM_FILE = "model-from-file"  # load_model
FUNCTION_PARAMETER = "function-parameter"  # a function checked without a caller's arguments
PATHS_DIFFER = "paths-differ"  # if/else, loop or try paths give different values
MODEL_CHANGED_ON_SOME_PATHS = "model-changed-on-some-paths"  # add() in a branch or loop
UNKNOWN_LAYER_OUTPUT = "unknown-layer-output"  # Lambda, tf ops on tensors...
LABELS_FROM_DATA = "labels-from-data"  # to_categorical(y) without num_classes
UNKNOWN_LOSS = "unknown-loss"  # a custom loss function: labels are not checked
SEVERAL_OUTPUTS = "several-outputs"  # labels of a model with several outputs
UNKNOWN_SIZE = "unknown-size"  # an axis of x or y whose size depends on the data
DATA_CONTAINER = "data-container"  # a list, dict or unbatched dataset the checker does not read
MODEL_FAILS_EARLIER = "model-fails-earlier"  # already reported where the model is built
STALE_FUNCTION = "stale-function"  # Keras runs the function compiled before a change
ANALYSIS_LIMIT = "analysis-limit"  # call depth or call budget reached
NOT_FOUND_IMPORT = "unresolved-import"  # a relative import the project does not hold
NOT_BUILT = "not-built"  # a Sequential model with no input shape, never built by checked data
UNEXPLAINED = "unexplained"  # not known, and no cause recorded (a gap of ours)

CODES = (
    DATA_FROM_FILE,
    DATA_GENERATOR,
    DATASET_TRANSFORM,
    UNMODELLED_CALL,
    SUBCLASSED_MODEL,
    CUSTOM_LAYER,
    USER_CLASS,
    PRETRAINED_MODEL,
    MODEL_FROM_FILE,
    FUNCTION_PARAMETER,
    PATHS_DIFFER,
    MODEL_CHANGED_ON_SOME_PATHS,
    UNKNOWN_LAYER_OUTPUT,
    LABELS_FROM_DATA,
    UNKNOWN_LOSS,
    SEVERAL_OUTPUTS,
    UNKNOWN_SIZE,
    DATA_CONTAINER,
    MODEL_FAILS_EARLIER,
    STALE_FUNCTION,
    ANALYSIS_LIMIT,
    NOT_FOUND_IMPORT,
    NOT_BUILT,
    UNEXPLAINED,
)

_FILE_READERS = (
    "pandas.read_",
    "numpy.load",
    "numpy.genfromtxt",
    "numpy.fromfile",
    "builtins.open",
    "cv2.imread",
    "PIL.Image.open",
    "imageio.",
    "skimage.io.imread",
    "keras.utils.load_img",
    "keras.preprocessing.image.load_img",
    "keras.utils.image_dataset_from_directory",
    "keras.utils.text_dataset_from_directory",
    "keras.utils.get_file",
    "json.load",
    "pickle.load",
    "joblib.load",
    "h5py.File",
    "glob.glob",
    "os.listdir",
)
_GENERATORS = ("ImageDataGenerator", "TimeseriesGenerator", "from_generator")
_PRETRAINED = ("keras.applications.", "tensorflow_hub.")
_MODEL_FILES = ("load_model", "model_from_json", "model_from_config")


_DATA_CODES = (DATA_FROM_FILE, DATA_GENERATOR, DATASET_TRANSFORM)


class Cause(NamedTuple):
    """Where a value became unknown: `what` is the user's code (`pd.read_csv(...)`)."""

    code: str
    what: str
    span: Span | None = None
    key: str = ""
    # for a user's class whose `call` was run but could not be followed: where it stopped
    # (`line 6: \`tf.gather(x, [0], axis=1)\``), or "" when no one place is to blame
    detail: str = ""


def unknown(code: str, what: str, span: Span | None = None, key: str = "") -> Unknown:
    return Unknown(Cause(code, what, span, key))


def cause_of(value: Value) -> Cause | None:
    return value.cause if isinstance(value, Unknown) else None


@functools.lru_cache(maxsize=1024)
def shared(code: str, what: str, key: str) -> Unknown:
    """A cause with no place, made once: for the results of calls that are common and rarely
    explain anything (`print(...)`, `model.fit(...)`), so that they cost no allocation."""
    return Unknown(Cause(code, what, None, key))


@functools.lru_cache(maxsize=1024)
def _code_for_call(name: str) -> str:
    if name.startswith(_FILE_READERS):
        return DATA_FROM_FILE
    last = name.rsplit(".", 1)[-1]
    if name.startswith(_PRETRAINED):
        return PRETRAINED_MODEL
    if last in _MODEL_FILES:
        return MODEL_FROM_FILE
    if last.startswith("flow") or any(g in name for g in _GENERATORS):
        return DATA_GENERATOR
    return UNMODELLED_CALL


def from_call(
    src: SourceText, name: str, node: ast.Call, args: list[Value], handled: bool
) -> Value:
    """The unknown result of a library call `name` (qualified): from an unknown argument when
    one explains it (`np.array(df)` comes from where `df` does), else from the call itself.
    `handled`: a call the checker models, unknown here only because of its arguments."""
    code = _code_for_call(name)
    if handled or code == UNMODELLED_CALL:
        for part in (a for given in args for a in (given, *contents(given))):  # (X, y) too
            if isinstance(part, Unknown) and part.cause is not None:
                return part
    if name.startswith("builtins."):
        if not hasattr(builtins, name[9:]):  # a name defined nowhere here (a `*` import?)
            return shared(NOT_FOUND_IMPORT, f"`{name[9:]}`", "undefined name")
        return shared(code, f"{name[9:]}(...)", name)
    return unknown(code, src.segment(node, 50), src.span(node), name)


def from_arguments(args: list[Value], otherwise: Value) -> Value:
    """The first argument (or item of one) unknown for a reason: the result's story."""
    for part in (a for given in args for a in (given, *contents(given))):
        if isinstance(part, Unknown) and part.cause is not None:
            return part
    return otherwise


def called(src: SourceText, callee: Value, node: ast.Call, args: list[Value]) -> Value:
    """The result of calling an unknown `callee`: an instance of the user's class, a method
    of a library object (keyed by what the object was: `...StandardScaler.fit_transform`), or
    else the callee's own cause (data read from a file stays data from that file)."""
    cause = cause_of(callee)
    if cause is None:
        return callee
    if cause.what.startswith("class `"):
        return unknown(cause.code, f"an instance of {cause.what}", cause.span, cause.key)
    made_by_a_class = cause.key.rsplit(".", 1)[-1][:1].isupper()  # `StandardScaler()`
    if (
        isinstance(node.func, ast.Attribute)
        and cause.code in (UNMODELLED_CALL, PRETRAINED_MODEL, MODEL_FROM_FILE)
        and made_by_a_class
    ):
        for arg in args:  # `scaler.fit_transform(X)`: X's own story comes first
            if isinstance(arg, Unknown) and arg.cause and arg.cause.code in _DATA_CODES:
                return arg
        key = f"{cause.key}.{node.func.attr}" if cause.key else ""
        code = UNMODELLED_CALL if cause.code == UNMODELLED_CALL else cause.code
        return unknown(code, src.segment(node, 50), src.span(node), key)
    return callee


def unknown_method(src: SourceText, receiver: Value, node: ast.Call) -> Value:
    """A method the library's model does not know (`ds.map(f)`, `model.summary()`)."""
    if isinstance(receiver, Unknown):  # a frame or object not known: its own story goes on
        return called(src, receiver, node, []) if receiver.cause is not None else receiver
    attr = node.func.attr if isinstance(node.func, ast.Attribute) else "?"
    kind = type(receiver).__name__
    if isinstance(receiver, Dataset):
        key = f"tf.data.Dataset.{attr}"
        return unknown(DATASET_TRANSFORM, src.segment(node, 50), src.span(node), key)
    return shared(UNMODELLED_CALL, f"{kind}.{attr}(...)", f"{kind}.{attr}")


def from_class(src: SourceText, node: ast.ClassDef) -> Unknown:
    bases = [src.segment(base, 60) for base in node.bases]
    last = [b.rsplit(".", 1)[-1] for b in bases]
    if any(b in ("Model", "Sequential", "Functional") for b in last):
        code = SUBCLASSED_MODEL
    elif any(b == "Layer" for b in last):
        code = CUSTOM_LAYER
    elif any(b in ("Sequence", "PyDataset") for b in last):
        code = DATA_GENERATOR
    else:
        code = USER_CLASS
    span = Span(node.lineno - 1, node.col_offset, node.lineno - 1, node.col_offset)
    return unknown(code, f"class `{node.name}`", span, f"class {','.join(last) or 'object'}")


STOPPED = "stopped"  # a Cause's detail: `call` ran, and stopped at no one place we can name


def call_not_followed(
    class_cause: Cause | None, result: Value, line_of: Callable[[int], int] = lambda line: line
) -> Unknown:
    """The unknown output of a user's model or layer whose `call` ran but did not give a
    tensor: the class's cause, told where `call` stopped (`result`'s own cause; `line_of`
    places a span's line in the text, `SourceText.line_of`)."""
    if class_cause is None:
        return Unknown(None)
    inner = cause_of(result)
    if inner is not None and inner.detail:  # a layer inside whose own `call` stopped
        return Unknown(inner)
    detail = STOPPED
    if inner is not None and inner.span is not None:
        what = (
            inner.what if inner.what.startswith(("class `", "an instance")) else f"`{inner.what}`"
        )
        detail = f"line {line_of(inner.span.line) + 1}: {what}"
    return Unknown(class_cause._replace(detail=detail))


def parameter(src: SourceText, fn: ast.AST, function: str, name: str) -> Unknown:
    line, column = getattr(fn, "lineno", 1) - 1, getattr(fn, "col_offset", 0)
    span = Span(line, column, line, column)
    return unknown(FUNCTION_PARAMETER, f"parameter `{name}` of `{function}`", span, "parameter")


def paths_differ(name: str, values: list[Value | None]) -> Unknown:
    """A name whose paths disagree: the first path's own cause, if one is unknown for a reason."""
    for value in values:
        if isinstance(value, Unknown) and value.cause is not None:
            return value
    return unknown(PATHS_DIFFER, f"`{name}`", None, "paths")


def graph_cause(value: Value) -> Cause | None:
    """Why the inputs or outputs given to `keras.Model(...)` are not Keras tensors we know."""
    if isinstance(value, Unknown):
        return value.cause
    if isinstance(value, Mapping):
        return Cause(DATA_CONTAINER, "a dict of inputs or outputs", None, "dict io")
    for item in value.items if isinstance(value, Seq) else ():
        cause = graph_cause(item)
        if cause is not None:
            return cause
    return None


_NOT_KERAS = frozenset(
    {"sklearn", "pandas", "numpy", "scipy", "xgboost", "lightgbm", "catboost", "statsmodels"}
)


def may_be_model(receiver: Unknown) -> bool:
    """Whether `receiver.fit(...)` may be a Keras model's: not when the receiver is known to
    come from another library (a scaler's fit) or is a data generator (`datagen.fit(x)`)."""
    cause = receiver.cause
    if cause is None:
        return True
    if cause.code in (DATA_GENERATOR, DATA_FROM_FILE):
        return False
    return cause.key.split(".", 1)[0] not in _NOT_KERAS
