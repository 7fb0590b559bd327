"""Ops on Keras tensors: keras.ops, TensorFlow ops, the tf.keras backend (`K.mean`) and Python's
operators and indexing applied to symbolic tensors, directly in functional code or inside a
`Lambda` layer's function (run here on the tensor's shape, as Keras runs it at the call).

Each op on a tensor is a node of the functional graph (Keras 2 makes it a TFOpLambda layer,
Keras 3 an operation) whose shape rule is keras/ops.py's, so a model re-run on the data's shape
runs it again. Where Keras raises, so does the op: at its line in functional code, at the
Lambda's call inside a Lambda. Keras 3 refuses a TensorFlow op on a Keras tensor outside a layer
(measured, Keras 3.15: every tf.* op tried raises "A KerasTensor cannot be used as input to a
TensorFlow function"); Keras 2 wraps it. On arrays, TensorFlow's ops stay tf_ops.py's.
Lambda layers themselves: keras_lambda.py.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .. import silence
from ..findings import Finding
from ..keras import op_layers, ops
from ..keras.graph import Run, Step
from ..keras.layers import Args, Opaque
from ..keras.op_layers import Keras2Layers
from ..keras.ops import OpRule
from ..session import Session
from ..shapes import UNKNOWN_SIZE, Shape
from ..values import (
    UNKNOWN,
    Array,
    Const,
    Layer,
    Model,
    Node,
    Seq,
    Tensor,
    Value,
    as_array_shape,
    dim_value,
    to_python,
)
from . import tf_ops
from .registry import REGISTRY, FunctionModel

ShapeRule = Callable[[list[Shape]], Shape]

KERAS_TENSOR_TO_TF = (
    "A KerasTensor cannot be used as input to a TensorFlow function. A KerasTensor is a symbolic "
    "placeholder for a shape and dtype, used when constructing Keras Functional models or Keras "
    "Functions. You can only use it as input to a Keras layer or a Keras operation (from the "
    "namespaces `keras.layers` and `keras.ops`)."
)


class SymbolicScope:
    """Where ops on Keras tensors run now: inside a Lambda's function (its errors are the
    Lambda's), inside a user's layer or model `call` (any op is fine there: Keras runs it on
    backend tensors), or in functional code."""

    def __init__(self, session: Session) -> None:
        self.lambda_depth = 0
        self.call_depth = 0
        self.error: ops.OpError | None = None
        # layers and ops applied inside a user's `call`: Keras's graph holds the user's layer
        # there, not them (model.layers cannot be read from such a graph)
        self.inside_call: set[int] = set()
        self.owners: dict[int, Model] = {}  # such a layer's uid -> the user's layer or model


class SizesOf:
    """tf.shape(x) in a `call`, by the identity of the sizes it gave: a tensor made with them
    (tf.random.normal(shape=tf.shape(z_mean))) has x's shape, batch axis included."""

    def __init__(self, session: Session) -> None:
        self.found: dict[int, tuple[Seq, Tensor]] = {}  # the Seq is kept: its id stays its own


# --- applying an op --------------------------------------------------------------------------


def apply_op(
    session: Session,
    label: str,
    node: ast.AST,
    tensors: list[Tensor],
    rule: ShapeRule,
    tf_op: bool = False,
    keras2: Keras2Layers | None = None,
) -> Value:
    """The op `label` on these tensors: a graph node whose shape is `rule`'s. In a Keras 2
    model it is the TFOpLambda layers `keras2` names (keras/op_layers.py), counted as layer
    names are: tf.__operators__.add, tf.__operators__.add_1...; None: the label names it."""
    scope = session.state(SymbolicScope)
    in_graph = not scope.lambda_depth and not scope.call_depth
    named = keras2 if session.version.major == 2 and in_graph else None
    if tf_op and session.version.major >= 3 and not scope.lambda_depth and not scope.call_depth:
        session.add(
            Finding(
                session.src.span(node),
                "error",
                "SS109",
                f"Keras 3 refuses the TensorFlow op `{label}` on a Keras tensor: use the same op "
                "from `keras.ops`, or wrap it in a Lambda layer.",
                KERAS_TENSOR_TO_TF,
            )
        )
        return silence.unknown(silence.MODEL_FAILS_EARLIER, f"`{label}` (reported)", None, label)
    shapes = [t.shape for t in tensors]
    out: Shape | None = None
    rows = None
    if all(s is not None for s in shapes):
        try:
            out = rule(shapes)  # type: ignore[arg-type]
        except Opaque:
            out = None
        except ops.OpError as error:
            # Keras made the layer (its name taken) before its call raised
            quoted = session.numbered_layer(named.raising) if named else label
            _op_failed(session, scope, label, node, error, quoted)
            return silence.unknown(silence.MODEL_FAILS_EARLIER, f"`{label}`", None, label)
        except (TypeError, ValueError, IndexError, ZeroDivisionError):
            out = None
        if label.endswith("reshape") and out is not None:
            rows = ops.rows_ratio(shapes[0], out)  # type: ignore[arg-type]
    if len(tensors) > 1:
        layer_rule = OpRule(merge=True, merge_output=lambda ss, a: rule(ss), rows=rows)
    else:
        layer_rule = OpRule(output=lambda s, a: rule([s]), rows=rows)
    if named is None:
        layer = _op_layer(session, label, layer_rule, node, label)
    else:
        if len(tensors) == 1:  # K.sqrt's tf.math.maximum first: the same shape
            for lead in named.made[:-1]:
                name = session.numbered_layer(lead)
                same = OpRule(output=lambda s, a: s)
                made = _op_layer(session, named.class_name, same, node, name)
                _record(session, made, shapes, shapes[0])
                tensors = [Tensor(shapes[0], Node(made, (tensors[0].node or Node(None),)))]
        name = session.numbered_layer(named.made[-1])
        layer = _op_layer(session, named.class_name, layer_rule, node, name)
    if scope.call_depth:
        scope.inside_call.add(layer.uid)
    parents = tuple(t.node or Node(None) for t in tensors)
    _record(session, layer, shapes, out)
    return Tensor(out, Node(layer, parents, list_input=len(tensors) > 1))


def _op_layer(session: Session, class_name: str, rule: OpRule, node: ast.AST, name: str) -> Layer:
    layer = Layer(class_name, rule, Args((), [], {}), session.src.span(node), name)
    layer.foreign = session.foreign
    return layer


def _record(session: Session, layer: Layer, shapes: list[Shape | None], out: Shape | None) -> None:
    if session.report and not session.foreign:
        step_in: object = shapes[0] if len(shapes) == 1 else list(shapes)
        session.record_run(Run(session.version, steps=[Step(layer, step_in, out, 0)]), "", "")


def _op_failed(
    session: Session,
    scope: SymbolicScope,
    label: str,
    node: ast.AST,
    error: ops.OpError,
    quoted: str,
) -> None:
    """`quoted`: the layer Keras 2's message names (when Keras 2 names it, else the label)."""
    if scope.lambda_depth:
        scope.error = scope.error or error  # the Lambda raises, at its call
        return
    keras3 = session.version.major >= 3 and not label.startswith(("tf.", "K."))
    if scope.call_depth:  # in a layer's `call`: the backend's own op raises
        words = error.keras3 if keras3 else error.tf
    elif keras3:
        words = error.keras3
    else:
        words = (
            f'Exception encountered when calling layer "{quoted}" (type TFOpLambda).\n\n{error.tf}'
        )
    session.add(Finding(session.src.span(node), "error", error.code, error.plain + ".", words))


# --- operands ----------------------------------------------------------------------------------


def _operand_shape(value: Value) -> Shape | None:
    """A constant or an array next to a tensor in an op: its shape (None: not known)."""
    if isinstance(value, Const) and isinstance(value.value, (int, float)):
        return ()
    if isinstance(value, Array):
        return tuple(UNKNOWN_SIZE if d is None else d for d in value.shape)
    return None


def _elementwise(
    session: Session,
    label: str,
    node: ast.AST,
    values: list[Value],
    tf: bool,
    keras2: Keras2Layers | None = None,
) -> Value:
    """An op of several operands broadcast together (add, multiply, maximum, `a - b`...)."""
    tensors = [v for v in values if isinstance(v, Tensor)]
    fixed: list[Shape | None] = [
        None if isinstance(v, Tensor) else _operand_shape(v) for v in values
    ]
    if not tensors or any(
        f is None and not isinstance(v, Tensor) for f, v in zip(fixed, values, strict=True)
    ):
        return silence.from_arguments(values, UNKNOWN)

    def rule(shapes: list[Shape]) -> Shape:
        given = iter(shapes)
        operands = [next(given) if f is None else f for f in fixed]
        out = operands[0]
        for other in operands[1:]:
            out = ops.broadcast(out, other, label)
        return out

    return apply_op(session, label, node, tensors, rule, tf, keras2)


OPERATORS: dict[type, str] = {
    ast.Add: "add",
    ast.Sub: "subtract",
    ast.Mult: "multiply",
    ast.Div: "truediv",
    ast.FloorDiv: "floordiv",
    ast.Pow: "pow",
    ast.Mod: "mod",
}


def _binary(session: Session, left: Value, op: ast.operator, right: Value, node: ast.AST) -> Value:
    """`a - b`, `x * 0.5`, `x @ w` on Keras tensors (Keras 3: keras.ops; Keras 2: TFOpLambda)."""
    label = session.src.segment(node, 40)
    if isinstance(op, ast.MatMult):
        if not (isinstance(left, Tensor) and isinstance(right, (Tensor, Array))):
            return UNKNOWN
        named = op_layers.OPERATORS[ast.MatMult]
        return _matmul(session, label, node, left, right, False, False, keras2=named)
    if type(op) not in OPERATORS:
        return UNKNOWN
    return _elementwise(session, label, node, [left, right], False, op_layers.OPERATORS[type(op)])


def _split(
    session: Session,
    label: str,
    node: ast.Call,
    x: Tensor,
    args: list[Value],
    kwargs: dict[str, Value],
    tf: bool,
    keras2: Keras2Layers | None,
) -> Value:
    """tf.split(x, 2, axis=-1) / keras.ops.split(x, [1, 3], axis=-1): a list of tensors, one
    op node (Keras 2: one TFOpLambda layer) with an output per piece."""
    pieces = _constant(_arg(args, kwargs, 1, "num_or_size_splits", "indices_or_sections"))
    axis = _constant(_arg(args, kwargs, 2, "axis"), 0)
    if type(axis) is not int or not (
        type(pieces) is int or (isinstance(pieces, (list, tuple)) and pieces)
    ):
        return UNKNOWN
    if label.startswith("ops.") and isinstance(pieces, (list, tuple)):
        return UNKNOWN  # keras.ops.split takes split indices, not sizes
    count = pieces if type(pieces) is int else len(pieces)  # type: ignore[arg-type]

    def rule(shapes: list[Shape]) -> Shape:
        return ops.split(shapes[0], pieces, axis)  # type: ignore[return-value]  # a shape per piece

    joined = apply_op(session, label, node, [x], rule, tf, keras2)
    if not isinstance(joined, Tensor) or joined.node is None:
        return joined
    shapes = joined.shape if isinstance(joined.shape, list) else [None] * count
    if len(shapes) != count:
        return UNKNOWN
    made = joined.node
    return Seq(
        tuple(
            Tensor(shape, Node(made.layer, made.parents, output_index=i))
            for i, shape in enumerate(shapes)
        ),
        is_list=True,
    )


def _unary(session: Session, tensor: Tensor, op: ast.unaryop, node: ast.AST) -> Value:
    """`-x` on a Keras tensor: an op of the same shape (Keras 3: keras.ops.negative; Keras 2:
    a TFOpLambda layer, tf.math.negative)."""
    if not isinstance(op, ast.USub):
        return UNKNOWN
    label = session.src.segment(node, 40)
    named = op_layers.OPERATORS[ast.USub]
    return apply_op(session, label, node, [tensor], lambda ss: ss[0], keras2=named)


def _matmul(
    session: Session,
    label: str,
    node: ast.AST,
    a: Value,
    b: Value,
    ta: bool,
    tb: bool,
    tf: bool = False,
    keras2: Keras2Layers | None = None,
) -> Value:
    if isinstance(a, Tensor) and isinstance(b, Tensor):
        return apply_op(
            session,
            label,
            node,
            [a, b],
            lambda ss: ops.matmul(ss[0], ss[1], label, ta, tb),
            tf,
            keras2,
        )
    right, left = _operand_shape(b), _operand_shape(a)
    if isinstance(a, Tensor) and right is not None:
        return apply_op(
            session,
            label,
            node,
            [a],
            lambda ss: ops.matmul(ss[0], right, label, ta, tb),
            tf,
            keras2,
        )
    if isinstance(b, Tensor) and left is not None:
        return apply_op(
            session,
            label,
            node,
            [b],
            lambda ss: ops.matmul(left, ss[0], label, ta, tb),
            tf,
            keras2,
        )
    return silence.from_arguments([a, b], UNKNOWN)


def _subscript(
    session: Session,
    tensor: Tensor,
    index: ast.expr,
    evaluate: Callable[[ast.expr], Value],
    to_slice: Callable[[ast.Slice], slice | None],
) -> Value:
    """x[:, 0:1], x[:, -1, :], x[..., None] on a Keras tensor."""
    parts = index.elts if isinstance(index, ast.Tuple) else [index]
    items: list[object] = []
    for part in parts:
        if isinstance(part, ast.Slice):
            piece = to_slice(part)
            if piece is None:
                return UNKNOWN
            items.append(piece)
            continue
        value = evaluate(part)
        if (isinstance(value, Const) and (value.value is None or value.value is Ellipsis)) or (
            isinstance(value, Const) and type(value.value) is int
        ):
            items.append(value.value)
        else:
            return silence.from_arguments([value], UNKNOWN)
    label = f"x[{session.src.segment(index, 30)}]"
    rule: ShapeRule = lambda ss: ops.getitem(ss[0], items)  # noqa: E731
    return apply_op(session, label, index, [tensor], rule, keras2=op_layers.GETITEM)


# --- functions by name -------------------------------------------------------------------------

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


def _arg(args: list[Value], kwargs: dict[str, Value], index: int, *names: str) -> Value | None:
    for key in names:
        if key in kwargs:
            return kwargs[key]
    return args[index] if len(args) > index else None


def _constant(value: Value | None, default: object = None) -> object:
    if value is None:
        return default
    found = to_python(value)
    if found is UNKNOWN:
        raise Opaque("argument")
    return found


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
    first = _arg(args, kwargs, 0, "x", "a", "tensor", "input", "inputs", "values", "xs", "x1")
    try:
        if op in BINARY:
            second = _arg(args, kwargs, 1, "y", "b", "x2")
            operands = [v for v in (first, second) if v is not None]
            return _elementwise(session, label, node, operands, tf, keras2)
        if op == "matmul":
            second = _arg(args, kwargs, 1, "b", "x2", "y")
            ta = bool(_constant(kwargs.get("transpose_a"), False))
            tb = bool(_constant(kwargs.get("transpose_b"), False))
            if first is None or second is None:
                return UNKNOWN
            return _matmul(session, label, node, first, second, ta, tb, tf, keras2)
        if op in ("concat", "concatenate", "stack"):
            default = {"concat": None, "concatenate": -1 if flavour == "K" else 0}.get(op, 0)
            axis = _constant(_arg(args, kwargs, 1, "axis"), default)
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
        return _split(session, label, node, x, args, kwargs, tf, keras2)
    if op in SAME_SHAPE:
        rule = lambda ss: ss[0]  # noqa: E731
    elif op in REDUCTIONS:
        axis = _constant(_arg(args, kwargs, 1, "axis"), None)
        keep = bool(_constant(_arg(args, kwargs, 2, "keepdims"), False))
        rule = lambda ss: ops.reduce(ss[0], axis, keep)  # noqa: E731
    elif op == "reshape":
        target = _constant(_arg(args, kwargs, 1, "shape", "newshape"))
        if isinstance(target, int):
            target = (target,)
        if not isinstance(target, (list, tuple)):
            return UNKNOWN
        rule = lambda ss: ops.reshape(ss[0], target, label)  # noqa: E731
    elif op == "expand_dims":
        at = _constant(_arg(args, kwargs, 1, "axis"), -1 if flavour == "K" else None)
        if not isinstance(at, int):
            return UNKNOWN
        rule = lambda ss: ops.expand_dims(ss[0], at)  # noqa: E731
    elif op == "squeeze":
        axis = _constant(_arg(args, kwargs, 1, "axis"), None)
        rule = lambda ss: ops.squeeze(ss[0], axis, label)  # noqa: E731
    elif op in ("transpose", "permute_dimensions"):
        perm = _constant(_arg(args, kwargs, 1, "perm", "axes", "pattern"), None)
        rule = lambda ss: ops.transpose(ss[0], perm)  # noqa: E731
    elif op == "tile":
        multiples = _constant(_arg(args, kwargs, 1, "multiples", "repeats", "n"))
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

REGISTRY.binary[Tensor] = _binary
REGISTRY.unary_nodes[Tensor] = _unary
REGISTRY.subscripts[Tensor] = _subscript
REGISTRY.constant("tensorflow.newaxis", Const(None))


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
