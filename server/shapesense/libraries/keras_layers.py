"""Keras layers: `keras.layers.X(...)` makes a layer from the catalog (keras/layers/),
`keras.Input(shape=...)` a symbolic tensor, and calling a layer or a model on tensors builds
the functional graph as Keras does, layer by layer (keras/graph.py)."""

from __future__ import annotations

import ast
import dataclasses

from .. import silence
from ..findings import Finding, Span
from ..keras.graph import LayerFailure, Run
from ..keras.layers import ALIASES, CATALOG, MERGE_FUNCTIONS, UNREAD, Args, lookup
from ..session import Session
from ..values import (
    UNKNOWN,
    Array,
    Const,
    Layer,
    Model,
    Node,
    Seq,
    Tensor,
    Unknown,
    Value,
    as_declared_shape,
    const_int,
    dim_value,
    to_python,
)
from . import keras_lambda, keras_ops, keras_subclasses, keras_weights
from .registry import REGISTRY, FunctionModel

# The spellings of Keras's modules by import style: all mean `keras`.
for _spelled in (
    "tensorflow.python.keras",
    "tensorflow.compat.v2.keras",
    "tensorflow.compat.v1.keras",
    "tensorflow.keras",
    "tf_keras",
    "keras.api._v2.keras",
    "keras.src",
):
    REGISTRY.alias(_spelled, "keras")


@REGISTRY.family("keras")
def _family(name: str) -> FunctionModel | None:
    parts = name.split(".")
    if (len(parts) >= 3 and parts[1] == "layers") or name in ("keras.Input", "keras.InputLayer"):
        if parts[-1] in ("Input", "InputLayer"):
            return make_input
        if parts[-1] in MERGE_FUNCTIONS:
            return merge_function
        return make_layer
    return None


@REGISTRY.exports("keras.layers")
def _layer_names() -> tuple[str, ...]:
    """`from keras.layers import *`: the layers of the catalog, Input and the merge functions."""
    return (*CATALOG, *ALIASES, *MERGE_FUNCTIONS, "Input", "InputLayer")


def report_layer_failure(
    session: Session, failure: LayerFailure, model: Model | None = None, at: Span | None = None
) -> None:
    """A model that cannot be built: reported where Keras raises (the layer, or its call)."""
    layer = failure.layer
    message = f"Layer '{layer.name}' ({layer.class_name}) expects {failure.expected}, but receives {failure.received_text}."
    session.add(Finding(at or layer.span, "error", failure.code, message, failure.keras_message))
    if model is not None:
        session.touch(model)
        model.broken = True


def make_args(rule: object, args: list[Value], kwargs: dict[str, Value]) -> Args:
    params = getattr(rule, "params", ())
    return Args(
        params,
        [_argument(a) for a in args],
        {k: _argument(v) for k, v in kwargs.items()},
    )


def _argument(value: Value) -> object:
    found = to_python(value)
    return UNREAD if found is UNKNOWN else found


def make_layer(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    class_name = name.rsplit(".", 1)[-1]
    rule = lookup(class_name)
    layer = Layer(
        class_name=class_name,
        rule=rule,
        args=make_args(rule, args, kwargs),
        span=session.src.span(node),
        name=session.layer_name(class_name, kwargs.get("name")),
    )
    layer.foreign = session.foreign
    if class_name == "Lambda" and "**" not in kwargs:
        layer.rule = keras_lambda.lambda_rule(session, layer.name, args, kwargs)
    if any(isinstance(a, Const) and a.value is Ellipsis for a in args) or "**" in kwargs:
        layer.rule = None
    activation = kwargs.get(
        "activation", args[1] if class_name == "Dense" and len(args) > 1 else None
    )
    if class_name == "Activation" and args:
        activation = args[0]
    if isinstance(activation, Const) and isinstance(activation.value, str):
        layer.activation = activation.value
    _declared_input(session, layer, node, kwargs)
    if rule is not None and rule.versioned:
        layer.args.values["keras_major"] = session.version.major
    if "weights" in kwargs:
        return keras_weights.constructor_weights(session, layer, node, kwargs["weights"])
    return layer


def _declared_input(
    session: Session, layer: Layer, node: ast.Call, kwargs: dict[str, Value]
) -> None:
    if "input_shape" in kwargs:
        shape = as_declared_shape(kwargs["input_shape"])
        if shape is not None:
            layer.declared_input = (None, *shape)
            layer.input_span = _literal_span(session, _keyword(node, "input_shape"))
    elif "batch_input_shape" in kwargs:
        shape = as_declared_shape(kwargs["batch_input_shape"])
        if shape:
            layer.declared_input = (None, *shape[1:])
    elif (
        layer.class_name != "Embedding"  # its input_dim is the vocabulary size
        and "input_dim" in kwargs
        and const_int(kwargs["input_dim"]) is not None
    ):
        layer.declared_input = (None, const_int(kwargs["input_dim"]))
        layer.input_span = _literal_span(session, _keyword(node, "input_dim"))
    elif layer.class_name == "Embedding" and session.version.embedding_declares_input:
        length = kwargs.get("input_length", Const(None))
        if isinstance(length, Const) and (length.value is None or type(length.value) is int):
            layer.declared_input = (
                None,
                length.value if isinstance(length.value, int) else None,
            )


def _keyword(node: ast.Call, name: str) -> ast.expr:
    """The expression of a keyword argument the call has (the last one, as a dict would)."""
    return [kw.value for kw in node.keywords if kw.arg == name][-1]


def _literal_span(session: Session, expr: ast.expr) -> Span | None:
    """Where a fix may write a new input shape: only a shape written out there. A name
    (`shape=input_shape` in a builder function) stands for what its callers pass: writing a
    shape over it would change the function, and its text would not be the shape's."""
    if isinstance(expr, (ast.Tuple, ast.List, ast.Constant)):
        return session.src.span(expr)
    return None


def make_input(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    keywords = {kw.arg: kw.value for kw in node.keywords if kw.arg}
    layer_name = session.input_name(kwargs.get("name"))  # counted even when the shape is unknown
    shape_value = kwargs.get("shape", kwargs.get("input_shape", args[0] if args else None))
    span = None
    if "shape" in keywords:
        span = _literal_span(session, keywords["shape"])
    elif "input_shape" in keywords:
        span = _literal_span(session, keywords["input_shape"])
    elif node.args:
        span = _literal_span(session, node.args[0])
    shape = as_declared_shape(shape_value) if shape_value is not None else None
    if shape is None and "batch_shape" in kwargs:
        batch = as_declared_shape(kwargs["batch_shape"])
        shape = batch[1:] if batch else None
        span = None
    if shape is None:
        return Tensor(None, Node(None))
    given = kwargs.get("name")
    input_name = given.value if isinstance(given, Const) and isinstance(given.value, str) else None
    here = not session.foreign  # an Input of another file: its spans are not this file's
    node_ = Node(
        None,
        is_input=True,
        input_name=input_name,
        layer_name=layer_name,
        shape_span=span if here else None,
        call_span=session.src.span(node) if here else None,
        input_shape=(None, *shape),
    )
    return Tensor((None, *shape), node_)


def merge_function(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """keras.layers.concatenate([a, b]): the Concatenate layer, applied at once."""
    class_name = MERGE_FUNCTIONS[name.rsplit(".", 1)[-1]]
    inputs = args[0] if args else kwargs.get("inputs", UNKNOWN)
    layer_kwargs = {k: v for k, v in kwargs.items() if k != "inputs"}
    layer = make_layer(session, f"keras.layers.{class_name}", node, args[1:], layer_kwargs)
    return apply_layer(session, layer, inputs, node)  # type: ignore[arg-type]


def apply_layer(session: Session, layer: Layer | Model, inputs: Value, node: ast.Call) -> Value:
    """The functional API: layer(x). Builds the layer now, as Keras does."""
    scope = session.state(keras_ops.SymbolicScope)
    in_call = scope.call_depth > 0
    if in_call:
        scope.inside_call.add(layer.uid)
    if in_call and isinstance(inputs, Array) and inputs.shape and None not in inputs.shape:
        # an eager tensor in a layer's `call` (tf.range positions): a constant of the graph
        inputs = Tensor(inputs.shape, Node(None, input_shape=inputs.shape))
    if isinstance(inputs, Seq):
        tensors = list(inputs.items)
        parents = tuple(t.node if isinstance(t, Tensor) and t.node else Node(None) for t in tensors)
        shapes: object = [t.shape if isinstance(t, Tensor) else None for t in tensors]
        list_input = True
    elif isinstance(inputs, Tensor):
        parents = (inputs.node or Node(None),)
        shapes = inputs.shape
        list_input = False
    elif isinstance(inputs, Unknown) and inputs.cause is not None:
        return inputs  # the layer's input is unknown, for that reason
    else:
        what = f"`{session.src.segment(node, 50)}`"
        return silence.unknown(
            silence.UNKNOWN_LAYER_OUTPUT, what, session.src.span(node), layer.name
        )
    if isinstance(shapes, list) and any(s is None for s in shapes):
        shapes = None
    if isinstance(layer, Layer):
        _adopt_built(session, layer)
    try:
        out = session.functional_run.apply(layer, shapes)
    except LayerFailure as failure:
        report_layer_failure(session, failure, at=session.src.span(node))
        out = None
    if isinstance(layer, Layer) and session.report:
        last = Run(session.version, steps=session.functional_run.steps[-1:])
        session.record_run(last, "", "its inputs")
        call_site = session.src.span(node)
        if in_call and call_site != layer.span:
            # `x = self.dense(x)` in a subclass's `call`: the shape shows where it flows
            session.record_run(last, "", "its inputs", at=call_site)
    node_ = Node(layer, parents, list_input=list_input)
    result: Value
    if isinstance(out, list):
        result = Seq(
            tuple(
                Tensor(s, Node(layer, parents, list_input=list_input, output_index=i))
                for i, s in enumerate(out)
            )
        )
    else:
        result = Tensor(out if isinstance(out, tuple) else None, node_)
    if not in_call:
        session.state(LayerCalls).record(layer, inputs, result)
    return result


class LayerCalls:
    """Each layer's calls in functional code: `layer.input` / `layer.output` are those of
    its one call (Keras refuses them for a layer called several times)."""

    def __init__(self, session: Session) -> None:
        self.calls: dict[int, list[tuple[Value, Value]]] = {}
        # a Sequential model's layers, called by the model on its declared input
        self.in_sequential: dict[int, tuple[Value, Value]] = {}
        # model uid -> (its version, (input, each layer's output)): one graph per version
        self.sequential_graphs: dict[int, tuple[int, tuple[Tensor, list[Tensor]]]] = {}

    def record(self, layer: Layer | Model, inputs: Value, output: Value) -> None:
        self.calls.setdefault(layer.uid, []).append((inputs, output))

    def only(self, layer: Layer | Model) -> tuple[Value, Value] | None:
        found = [*self.calls.get(layer.uid, [])]
        if layer.uid in self.in_sequential:
            found.append(self.in_sequential[layer.uid])
        return found[0] if len(found) == 1 else None


def _adopt_built(session: Session, layer: Layer) -> None:
    """A layer built in a Sequential model (`model.layers[-1]`) and called again on a tensor:
    its weights fix the axes they were built for, here as there."""
    run = session.functional_run
    if layer.uid in run.built:
        return
    for model in session.models.values():
        built = getattr(model.built_run, "built", None)
        if model.built_run is not run and built is not None and layer.uid in built:
            run.built[layer.uid] = dict(built[layer.uid])
            if layer.uid in model.built_run.built_inputs:
                run.built_inputs[layer.uid] = model.built_run.built_inputs[layer.uid]
            return


def _layer_attribute(session: Session, layer: Layer, attr: str) -> Value:
    """`layer.output` / `layer.input` (and their shapes) of a layer called once."""
    if attr not in ("input", "output", "input_shape", "output_shape"):
        return UNKNOWN
    call = session.state(LayerCalls).only(layer)
    if call is None:
        return silence.shared(silence.UNMODELLED_CALL, f"{layer.name}.{attr}", f"Layer.{attr}")
    value = call[0] if attr.startswith("input") else call[1]
    if attr.endswith("_shape"):
        shape = value.shape if isinstance(value, Tensor) else None
        return UNKNOWN if shape is None else Seq(tuple(dim_value(d) for d in shape))
    return value


def _call_layer(
    session: Session, layer: Layer, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    inputs = args[0] if args else kwargs.get("inputs", UNKNOWN)
    rule = layer.rule
    if rule is not None and rule.call_inputs:
        inputs = _call_tensors(rule.call_inputs, args, kwargs)
    if rule is not None and (flags := [f for f in rule.call_flags if f in kwargs]):
        # a copy with the call's flags: the same uid, so it shares what the weights fixed
        called = {**layer.args.values, **{f: _argument(kwargs[f]) for f in flags}}
        layer = dataclasses.replace(layer, args=Args((), [], called))
    return apply_layer(session, layer, inputs, node)


def _call_tensors(names: tuple[str, ...], args: list[Value], kwargs: dict[str, Value]) -> Value:
    """Several tensors as call arguments (MultiHeadAttention's query, value and optional key,
    by position or keyword) as a merge layer's list."""
    bound = dict(zip(names, args, strict=False))
    bound.update({name: kwargs[name] for name in names if name in kwargs})
    tensors: list[Value] = []
    for name in names:
        value = bound.get(name)
        if value is None or (isinstance(value, Const) and value.value is None):
            break  # the key defaults to the value
        tensors.append(value)
    return Seq(tuple(tensors), is_list=True)


def _call_model(
    session: Session, model: Model, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    if model.user_class is not None:
        inputs = args[0] if args else kwargs.get("inputs", UNKNOWN)
        rest = {k: v for k, v in kwargs.items() if k != "inputs"}
        return keras_subclasses.call_on(session, model, inputs, rest)
    return apply_layer(session, model, args[0] if args else UNKNOWN, node)


def _tensor_attribute(session: Session, tensor: Tensor, attr: str) -> Value:
    if attr == "shape" and tensor.shape is not None:
        return Seq(tuple(dim_value(d) for d in tensor.shape))
    return UNKNOWN


REGISTRY.calls[Layer] = _call_layer
REGISTRY.attributes[Layer] = _layer_attribute
REGISTRY.calls[Model] = _call_model
REGISTRY.attributes[Tensor] = _tensor_attribute
