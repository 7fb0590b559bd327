"""Ops on Keras tensors: keras.ops, TensorFlow ops, the tf.keras backend (`K.mean`) and Python's
operators and indexing applied to symbolic tensors, directly in functional code or inside a
`Lambda` layer's function (run here on the tensor's shape, as Keras runs it at the call).

Each op on a tensor is a node of the functional graph (Keras 2 makes it a TFOpLambda layer,
Keras 3 an operation) whose shape rule is keras/ops.py's, so a model re-run on the data's shape
runs it again. Where Keras raises, so does the op: at its line in functional code, at the
Lambda's call inside a Lambda. Keras 3 refuses a TensorFlow op on a Keras tensor outside a layer
(measured, Keras 3.15: every tf.* op tried raises "A KerasTensor cannot be used as input to a
TensorFlow function"); Keras 2 wraps it. On arrays, TensorFlow's ops stay tf_ops.py's.
Here: applying an op, and Python's operators and indexing; the functions called by name
(`tf.reduce_mean`, `keras.ops.concatenate`, `K.mean`): keras_op_functions.py; Lambda layers
themselves: keras_lambda.py.
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
    to_python,
)
from .registry import REGISTRY

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


def argument(args: list[Value], kwargs: dict[str, Value], index: int, *names: str) -> Value | None:
    for key in names:
        if key in kwargs:
            return kwargs[key]
    return args[index] if len(args) > index else None


def constant_value(value: Value | None, default: object = None) -> object:
    if value is None:
        return default
    found = to_python(value)
    if found is UNKNOWN:
        raise Opaque("argument")
    return found


# --- operands ----------------------------------------------------------------------------------


def _operand_shape(value: Value) -> Shape | None:
    """A constant or an array next to a tensor in an op: its shape (None: not known)."""
    if isinstance(value, Const) and isinstance(value.value, (int, float)):
        return ()
    if isinstance(value, Array):
        return tuple(UNKNOWN_SIZE if d is None else d for d in value.shape)
    return None


def elementwise(
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
        return matmul(session, label, node, left, right, False, False, keras2=named)
    if type(op) not in OPERATORS:
        return UNKNOWN
    return elementwise(session, label, node, [left, right], False, op_layers.OPERATORS[type(op)])


def split(
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
    pieces = constant_value(argument(args, kwargs, 1, "num_or_size_splits", "indices_or_sections"))
    axis = constant_value(argument(args, kwargs, 2, "axis"), 0)
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


def matmul(
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


REGISTRY.binary[Tensor] = _binary
REGISTRY.unary_nodes[Tensor] = _unary
REGISTRY.subscripts[Tensor] = _subscript
REGISTRY.constant("tensorflow.newaxis", Const(None))
