"""TensorFlow, keras.ops and tf.keras backend functions called by name on Keras tensors
(`tf.reduce_mean(x, axis=1)`, `keras.ops.concatenate`, `K.mean`), each run as an op of the
functional graph by keras_ops.py's `apply_op`, its shape by keras/ops.py's rule; and the
TensorFlow constructors a layer's `call` uses (tf.TensorShape, tf.ones of tf.shape(x), tf.range).
On arrays, these names are tf_ops.py's models.
"""

from __future__ import annotations

import ast

from .. import silence
from ..findings import Finding
from ..keras import op_layers, ops
from ..keras.layers import Opaque
from ..keras.op_layers import Keras2Layers
from ..session import Session
from ..values import (
    UNKNOWN,
    Array,
    Const,
    Seq,
    Tensor,
    Value,
    as_array_shape,
    dim_value,
    to_python,
)
from . import tf_ops
from .keras_ops import (
    KERAS_TENSOR_TO_TF,
    ShapeRule,
    SizesOf,
    SymbolicScope,
    apply_op,
    argument,
    constant_value,
    elementwise,
    matmul,
    split,
)
from .registry import REGISTRY, FunctionModel

REDUCTIONS = frozenset(
    {"sum", "mean", "max", "min", "prod", "any", "all", "std", "var", "logsumexp"}
)
SAME_SHAPE = frozenset(
    {"cast", "identity", "relu", "relu6", "elu", "selu", "gelu", "softmax", "log_softmax"}
    | {"sigmoid", "tanh", "exp", "log", "sqrt", "square", "abs", "negative", "sign", "round"}
    | {"softplus", "softsign", "l2_normalize", "stop_gradient", "clip_by_value", "clip", "floor"}
    | {"ceil", "sin", "cos", "reciprocal", "rsqrt", "erf", "silu", "swish", "leaky_relu"}
    | {"convert_to_tensor", "normalize", "zeros_like", "ones_like", "dropout"}
)
BINARY = frozenset(
    {"add", "subtract", "multiply", "divide", "truediv", "maximum", "minimum", "pow", "power"}
    | {"squared_difference", "floordiv", "mod", "divide_no_nan"}
)
STRUCTURAL = frozenset(
    {"reshape", "expand_dims", "squeeze", "transpose", "permute_dimensions", "concat"}
    | {"concatenate", "stack", "matmul", "tile", "int_shape", "shape", "split"}
)
# the functions Keras 2 wraps in TFOpLambda layers on Keras tensors (keras/op_layers.py)
TFOP_MODULES = ("tensorflow.", "keras.backend.", "keras.activations.")
MODULES = {
    "tensorflow": "tf",
    "tensorflow.math": "tf",
    "tensorflow.nn": "tf",
    "tensorflow.linalg": "tf",
    "keras.ops": "ops",
    "keras.backend": "K",
    "keras.activations": "ops",
}
# measured, TensorFlow 2.21: the reduce_* functions each module has (tf.reduce_std and
# tf.math.reduce_var do not exist; tf.math.reduce_variance is the variance)
TF_REDUCTIONS = {
    "tensorflow": frozenset({"all", "any", "logsumexp", "max", "mean", "min", "prod", "sum"}),
    "tensorflow.math": frozenset(
        {"all", "any", "logsumexp", "max", "mean", "min", "prod", "std", "sum", "variance"}
    ),
}


def _flavour(name: str) -> tuple[str, str] | None:
    """(library, op) of a canonical name this module models, or None."""
    module, _, op = name.rpartition(".")
    flavour = MODULES.get(module)
    if flavour is None:
        return None
    if op.startswith("reduce_") and flavour == "tf":
        op = op[len("reduce_") :]
        if op not in TF_REDUCTIONS.get(module, ()):
            return None
        return flavour, "var" if op == "variance" else op
    if op in REDUCTIONS and flavour == "tf":
        return None  # tf.sum does not exist; tf.math.maximum is binary (below)
    if op in REDUCTIONS or op in SAME_SHAPE or op in BINARY or op in STRUCTURAL:
        return flavour, op
    return None


def _tensors_in(args: list[Value], kwargs: dict[str, Value]) -> bool:
    for value in (*args, *kwargs.values()):
        if isinstance(value, Tensor):
            return True
        if isinstance(value, Seq) and any(isinstance(v, Tensor) for v in value.items):
            return True
    return False


def symbolic_op(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """An op of keras.ops, tf or K.: on Keras tensors here; on arrays, tf_ops.py's model."""
    found = _flavour(name)
    if found is None or not _tensors_in(args, kwargs):
        array_model = _array_model(name)
        return UNKNOWN if array_model is None else array_model(session, name, node, args, kwargs)
    flavour, op = found
    scope = session.state(SymbolicScope)
    if (
        flavour == "K"
        and session.version.major >= 3
        and not scope.lambda_depth
        and not scope.call_depth
    ):
        if op == "int_shape":
            return UNKNOWN  # K.int_shape runs in Keras 3 (measured; K.shape raises)
        # measured, Keras 3.15, 27 functions (mean, sum, max, square, relu, cast, stack,
        # reshape, transpose, shape...): `keras.backend` has none (AttributeError), and
        # tf.keras.backend's raise on a Keras tensor, each in its own words (most: a
        # KerasTensor cannot be used as input to a TensorFlow function)
        session.add(
            Finding(
                session.src.span(node),
                "error",
                "SS109",
                f"Keras 3 has no backend function `K.{op}` for a Keras tensor outside a layer: "
                f"use `keras.ops.{op}` if it exists, or wrap it in a Lambda layer.",
                f"module 'keras.backend' has no attribute '{op}' (import keras); "
                + KERAS_TENSOR_TO_TF.split(". ")[0]
                + " (tf.keras.backend)",
            )
        )
        return silence.unknown(silence.MODEL_FAILS_EARLIER, f"`K.{op}` (reported)", None, f"K.{op}")
    label = f"{flavour}.{op}" if flavour != "tf" else "tf." + name.split(".", 1)[1]
    keras2 = None
    if (
        session.version.major == 2
        and name.startswith(TFOP_MODULES)
        and not scope.lambda_depth
        and not scope.call_depth
    ):
        keras2 = op_layers.function_layers(name, len(args) + len(kwargs))
        if keras2 is None:  # a layer whose name Keras 2 gives is not measured: say nothing
            return silence.unknown(
                silence.UNMODELLED_CALL,
                f"`{label}` on a Keras tensor",
                session.src.span(node),
                label,
            )
    return _by_op(session, flavour, op, label, node, args, kwargs, keras2)


def _array_model(name: str) -> FunctionModel | None:
    """TensorFlow's ops on arrays (tf_ops.py): asked when no Keras tensor is among the arguments."""
    return tf_ops._family(name) if name.startswith("tensorflow.") else None


def _by_op(
    session: Session,
    flavour: str,
    op: str,
    label: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
    keras2: Keras2Layers | None,
) -> Value:
    tf = flavour == "tf"
    first = argument(args, kwargs, 0, "x", "a", "tensor", "input", "inputs", "values", "xs", "x1")
    try:
        if op in BINARY:
            second = argument(args, kwargs, 1, "y", "b", "x2")
            operands = [v for v in (first, second) if v is not None]
            return elementwise(session, label, node, operands, tf, keras2)
        if op == "matmul":
            second = argument(args, kwargs, 1, "b", "x2", "y")
            ta = bool(constant_value(kwargs.get("transpose_a"), False))
            tb = bool(constant_value(kwargs.get("transpose_b"), False))
            if first is None or second is None:
                return UNKNOWN
            return matmul(session, label, node, first, second, ta, tb, tf, keras2)
        if op in ("concat", "concatenate", "stack"):
            default = {"concat": None, "concatenate": -1 if flavour == "K" else 0}.get(op, 0)
            axis = constant_value(argument(args, kwargs, 1, "axis"), default)
            if not isinstance(first, Seq) or not all(isinstance(t, Tensor) for t in first.items):
                return silence.from_arguments([first or UNKNOWN], UNKNOWN)
            if type(axis) is not int or not first.items:
                return UNKNOWN
            tensors: list[Tensor] = list(first.items)  # type: ignore[arg-type]
            join = ops.stack if op == "stack" else ops.concatenate
            rule: ShapeRule = lambda ss: join(ss, axis, label)  # noqa: E731
            return apply_op(session, label, node, tensors, rule, tf, keras2)
        if not isinstance(first, Tensor):
            return silence.from_arguments([first or UNKNOWN], UNKNOWN)
        return _one_tensor(session, flavour, op, label, node, first, args, kwargs, keras2)
    except Opaque:
        return UNKNOWN


def _one_tensor(
    session: Session,
    flavour: str,
    op: str,
    label: str,
    node: ast.Call,
    x: Tensor,
    args: list[Value],
    kwargs: dict[str, Value],
    keras2: Keras2Layers | None,
) -> Value:
    tf = flavour == "tf"
    rule: ShapeRule
    if op in ("int_shape", "shape"):
        scope = session.state(SymbolicScope)
        if flavour == "tf" and x.shape is not None and (scope.call_depth or scope.lambda_depth):
            # in a layer's `call` (or a Lambda) tf.shape(x) is the running tensor's sizes: those
            # the traced shape fixes are its values (tf.shape(x)[-1] is 40 on (None, 40)); the
            # batch and any open axis are known only when it runs
            sizes = Seq(tuple(Const(d) if type(d) is int else UNKNOWN for d in x.shape))
            session.state(SizesOf).found[id(sizes)] = (sizes, x)
            return sizes
        if keras2 is not None:  # its layer (tf.compat.v1.shape) takes its name
            session.numbered_layer(keras2.made[-1])
        if flavour == "tf" or x.shape is None:  # a tensor of the sizes, known only at run time
            return silence.unknown(
                silence.UNKNOWN_LAYER_OUTPUT,
                session.src.segment(node, 50),
                session.src.span(node),
                label,
            )
        return Seq(tuple(dim_value(d) for d in x.shape))
    if op == "split":
        return split(session, label, node, x, args, kwargs, tf, keras2)
    if op in SAME_SHAPE:
        rule = lambda ss: ss[0]  # noqa: E731
    elif op in REDUCTIONS:
        axis = constant_value(argument(args, kwargs, 1, "axis"), None)
        keep = bool(constant_value(argument(args, kwargs, 2, "keepdims"), False))
        rule = lambda ss: ops.reduce(ss[0], axis, keep)  # noqa: E731
    elif op == "reshape":
        target = constant_value(argument(args, kwargs, 1, "shape", "newshape"))
        if isinstance(target, int):
            target = (target,)
        if not isinstance(target, (list, tuple)):
            return UNKNOWN
        rule = lambda ss: ops.reshape(ss[0], target, label)  # noqa: E731
    elif op == "expand_dims":
        at = constant_value(argument(args, kwargs, 1, "axis"), -1 if flavour == "K" else None)
        if not isinstance(at, int):
            return UNKNOWN
        rule = lambda ss: ops.expand_dims(ss[0], at)  # noqa: E731
    elif op == "squeeze":
        axis = constant_value(argument(args, kwargs, 1, "axis"), None)
        rule = lambda ss: ops.squeeze(ss[0], axis, label)  # noqa: E731
    elif op in ("transpose", "permute_dimensions"):
        perm = constant_value(argument(args, kwargs, 1, "perm", "axes", "pattern"), None)
        rule = lambda ss: ops.transpose(ss[0], perm)  # noqa: E731
    elif op == "tile":
        multiples = constant_value(argument(args, kwargs, 1, "multiples", "repeats", "n"))
        rule = lambda ss: ops.tile(ss[0], multiples)  # noqa: E731
    else:
        return UNKNOWN
    return apply_op(session, label, node, [x], rule, tf, keras2)


for _module in MODULES:
    for _op in sorted(REDUCTIONS | SAME_SHAPE | BINARY | STRUCTURAL):
        if _flavour(f"{_module}.{_op}") is not None:
            REGISTRY.function(f"{_module}.{_op}")(symbolic_op)
    for _op in sorted(TF_REDUCTIONS.get(_module, ())):
        REGISTRY.function(f"{_module}.reduce_{_op}")(symbolic_op)


@REGISTRY.function("tensorflow.TensorShape")
def tensor_shape(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """tf.TensorShape((a, b)) as the dims it holds (a weight's shape in `build`)."""
    given = args[0] if args else kwargs.get("dims", UNKNOWN)
    return given if isinstance(given, Seq) else UNKNOWN


@REGISTRY.function(
    "tensorflow.ones", "tensorflow.zeros", "tensorflow.random.normal", "tensorflow.random.uniform"
)
def filled(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """tf.ones((3, 64)): an eager tensor of that shape, as an array; of tf.shape(x) in a
    `call`: a tensor of x's shape (an op on x in the graph, so it follows x's batch)."""
    given = args[0] if args else kwargs.get("shape", UNKNOWN)
    found = session.state(SizesOf).found.get(id(given))
    if found is not None and found[0] is given:
        label = f"{name.replace('tensorflow', 'tf')}(shape=tf.shape(...))"
        return apply_op(session, label, node, [found[1]], lambda ss: ss[0])
    shape = as_array_shape(given)
    if shape is None or None in shape:
        return UNKNOWN
    return Array(shape, "float32", (f"{name.replace('tensorflow', 'tf')}",), session.src.span(node))


@REGISTRY.function("tensorflow.range")
def tf_range(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """tf.range(limit) / tf.range(start, limit, delta) of known integers: an eager int tensor
    of that length (positions for a positional embedding in a layer's `call`)."""
    given = [to_python(v) for v in args[:3]]
    named: dict[str, object] = {
        k: to_python(kwargs[k]) for k in ("start", "limit", "delta") if k in kwargs
    }
    if len(given) == 1 and "limit" not in named:
        given = [0, given[0]]
    bound: dict[str, object] = dict(zip(("start", "limit", "delta"), given, strict=False))
    bound.update(named)
    start, limit, delta = bound.get("start", 0), bound.get("limit"), bound.get("delta", 1)
    if not all(type(v) is int for v in (start, limit, delta)) or delta == 0:
        return UNKNOWN
    length = max(0, -(-(limit - start) // delta))  # type: ignore[operator]
    return Array((length,), "int32", ("tf.range",), session.src.span(node))
