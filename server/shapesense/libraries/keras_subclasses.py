"""Subclasses of `keras.Model` and `keras.layers.Layer` in the user's code.

Keras runs such a class's `call` on symbolic inputs when data first reaches it: at
`fit`/`evaluate`/`predict` (a tensor of the data's shape, batch axis left open), when it is
called on a tensor in a functional graph, or at `build(shape)`. The same happens here: the
interpreter runs `call` (session.call_method) and the tensors it returns make the model a graph
from its input, which the data checks (checks.py) then treat like a functional model's. A
`call` that returns anything but a tensor built by modelled layers leaves the model unknown.
"""

from __future__ import annotations

import ast

from .. import silence
from ..findings import Finding
from ..session import Session
from ..shapes import Shape, fmt
from ..values import (
    UNKNOWN,
    Array,
    Const,
    Dataset,
    Model,
    Node,
    Seq,
    Tensor,
    Unknown,
    UserClass,
    Value,
    as_array_shape,
    as_shape,
    dim_value,
)
from .keras_ops import SymbolicScope
from .registry import REGISTRY

# Methods that change what fit/evaluate/predict do with the data: such a model is unknown.
_OWN_TRAINING = frozenset(
    {"train_step", "test_step", "predict_step", "compute_loss", "fit", "evaluate", "predict"}
    | {"train_on_batch", "test_on_batch", "predict_on_batch", "__call__"}
)
MODEL_BASES = ("keras.Model", "keras.models.Model", "keras.engine.training.Model")
LAYER_BASES = ("keras.layers.Layer", "keras.engine.base_layer.Layer")


def _instance(session: Session, cls: UserClass, node: ast.Call, kind: str) -> Value:
    model = Model(kind, session.src.span(node), session.layer_name(cls.node.name, None))
    model.user_class = cls
    session.touch(model)
    model.created_depth = session.uncertain
    model.foreign = session.foreign
    model.opaque = bool(_OWN_TRAINING & (set(cls.methods) | cls.unknown_attributes))
    # why a call stays unchecked when `call` cannot be followed (silence.py)
    model.opaque_cause = silence.cause_of(silence.from_class(session.src, cls.node))
    return model


def _model_instance(session: Session, cls: UserClass, node: ast.Call) -> Value:
    return _instance(session, cls, node, "subclassed")


def _layer_instance(session: Session, cls: UserClass, node: ast.Call) -> Value:
    return _instance(session, cls, node, "custom_layer")


for _base in MODEL_BASES:
    REGISTRY.classes[_base] = _model_instance
for _base in LAYER_BASES:
    REGISTRY.classes[_base] = _layer_instance


class _Built:
    """The subclass instances whose own `build(input_shape)` ran (Keras runs it once)."""

    def __init__(self, session: Session) -> None:
        self.uids: set[int] = set()


def call_on(session: Session, model: Model, inputs: Value, kwargs: dict[str, Value]) -> Value:
    """`model(inputs)` on symbolic tensors: the user's `build` (first time), then `call`.
    Anything but a tensor out is unknown, for the class's reason told where `call` stopped."""
    if model.opaque:
        return Unknown(model.opaque_cause)
    if isinstance(inputs, Array) and inputs.shape and None not in inputs.shape:
        inputs = Tensor(inputs.shape, Node(None, is_input=True))  # an eager call: `layer(x)`
    if not isinstance(inputs, (Tensor, Seq)):
        return inputs if silence.cause_of(inputs) else Unknown(model.opaque_cause)
    built = session.state(_Built).uids
    scope = session.state(SymbolicScope)  # ops on tensors in `call` run on backend tensors
    before = set(scope.inside_call) if not scope.call_depth else None
    scope.call_depth += 1
    try:
        if model.uid not in built and isinstance(inputs, Tensor) and inputs.shape is not None:
            built.add(model.uid)
            shape = Seq(tuple(dim_value(d) for d in inputs.shape))
            session.call_method(model, "build", [shape], {})
        out = session.call_method(model, "call", [inputs], kwargs)
    finally:
        scope.call_depth -= 1
    if before is not None:  # the layers and ops this call applied are this layer's, for rows
        for uid in scope.inside_call - before:
            scope.owners.setdefault(uid, model)
    if isinstance(out, Tensor) or (
        isinstance(out, Seq) and all(isinstance(t, Tensor) for t in out.items)
    ):
        return out
    return silence.call_not_followed(
        model.opaque_cause, UNKNOWN if out is None else out, session.src.line_of
    )


def trace_for_data(
    session: Session, model: Model, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """Before fit/evaluate/predict: run `call` on a tensor of the data's shape, so that the
    model has the graph Keras traces for this data. Returns the output tensor, or an unknown
    saying why the graph is not known (silence)."""
    x = args[0] if args else kwargs.get("x", UNKNOWN)
    if isinstance(x, Dataset) and x.batched and len(x.element) == 2:
        x = x.element[0]
    if model.opaque or model.broken:
        return Unknown(model.opaque_cause)
    if not isinstance(x, Array) or not x.shape:
        return Unknown(model.opaque_cause)  # run on data we do not know: not followed
    return trace(session, model, (None, *x.shape[1:]))


def trace(session: Session, model: Model, shape: Shape) -> Value:
    tensor = Tensor(shape, Node(None, is_input=True))
    # Keras raises at the data call (checks.py says so); hover still shows `call`'s shapes
    muted, session.findings_muted = session.findings_muted, True
    try:
        out = call_on(session, model, tensor, {})
    finally:
        session.findings_muted = muted
    if not isinstance(out, Tensor) or out.node is None:
        return out if isinstance(out, silence.Unknown) else Unknown(model.opaque_cause)
    session.touch(model)
    model.inputs, model.outputs = [tensor], [out]
    model.declared_input = shape
    model.output_shape = out.shape
    model.input_from_data = True
    return out


@REGISTRY.method(Model, "add_weight")
def add_weight(
    session: Session,
    model: Model,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """`self.add_weight(shape=...)` in a layer's `__init__` or `build`: a weight of that shape
    (Keras 2 takes the name first, Keras 3 the shape)."""
    shape = kwargs.get("shape")
    if shape is None:
        given = [a for a in args if not (isinstance(a, Const) and isinstance(a.value, str))]
        shape = given[0] if given else None
    declared = as_shape(shape) if shape is not None else None
    if declared is not None and None in declared:
        # an undefined axis (input_shape[-1] of an Input(shape=())): Keras cannot make the
        # weight (measured, Keras 3.15 and tf_keras 2.21, each in its own words)
        words = (
            "Shapes used to initialize variables must be fully-defined (no `None` dimensions). "
            f"Received: shape={fmt(declared)} for variable path='{model.name}/variable'"
            if session.version.major >= 3
            else "Attempt to convert a value (None) with an unsupported type "
            "(<class 'NoneType'>) to a Tensor."
        )
        session.add(
            Finding(
                session.src.span(node),
                "error",
                "SS103",
                f"The weight of shape {fmt(declared)} has an undefined axis: Keras cannot "
                f"create it (the input of '{model.name}' has no size on that axis).",
                words,
            )
        )
        return UNKNOWN
    dims = as_array_shape(shape) if shape is not None else None
    if dims is None or None in dims:
        return UNKNOWN
    return Array(dims, "float32")
