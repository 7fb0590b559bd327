"""Keras models: `keras.Sequential([...])` and `model.add` build a model layer by layer from
its declared input, `keras.Model(inputs, outputs)` takes a functional graph, and `compile`,
`build`, `pop` change it. `fit` / `evaluate` / `predict` are checked by checks.py. What a model
lists (`model.layers`, its summary's rows), in Keras's order: keras_model_rows.py."""

from __future__ import annotations

import ast

from .. import coverage, silence
from ..checks import DATA_METHODS, CallChecker
from ..keras import losses
from ..keras.graph import LayerFailure, Run, run_nodes, run_order
from ..session import Session
from ..shapes import fmt
from ..values import (
    UNKNOWN,
    Array,
    Const,
    Layer,
    Mapping,
    Model,
    Ref,
    Seq,
    Tensor,
    Unknown,
    Value,
    as_declared_shape,
    dim_value,
)
from . import generators, keras_lambda, keras_subclasses
from .keras_layers import report_layer_failure
from .keras_model_rows import as_listed, graph_layers, layers_of, sequential_graph
from .registry import REGISTRY, FunctionModel


@REGISTRY.family("keras")
def _family(name: str) -> FunctionModel | None:
    parts = name.split(".")
    if parts[-1] == "Sequential" and len(parts) <= 3:
        return make_sequential
    if parts[-1] in ("Model", "Functional") and len(parts) <= 3:
        return make_functional
    return None


@REGISTRY.function("keras.backend.clear_session", "keras.utils.clear_session")
def clear_session(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """Keras's name counts start again: the next Dense is `dense` (measured, both versions)."""
    session.clear_session()
    return Const(None)


def make_sequential(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    model = Model(
        "sequential",
        session.src.span(node),
        session.model_name("sequential", kwargs.get("name")),
    )
    register_model(session, model)
    items = args[0] if args else kwargs.get("layers")
    if items is None or (isinstance(items, Const) and items.value is None):
        return model
    if not isinstance(items, Seq):
        _opaque(model, silence.cause_of(items))
        return model
    for item in items.items:
        sequential_add(session, model, item, rebuild=False)
    _rebuilt(session, model, first=True)  # Keras 3 builds once, after the list
    return model


def _rebuilt(session: Session, model: Model, first: bool) -> None:
    """Keras 3's Sequential._maybe_rebuild after its layers changed: a build (names counted)
    when its input is known and it has a layer (two, when the first one gives the input)."""
    if model.declared_input is None or model.opaque or model.broken:
        return
    if not model.input_from_first:
        if model.layers:
            session.sequential_built(new_input=False)
    elif len(model.layers) >= 2:
        session.sequential_built(new_input=first or len(model.layers) == 2)


def _opaque(model: Model, cause: silence.Cause | None) -> None:
    """A model the checker cannot follow from here on, and why (for silence.py)."""
    model.opaque = True
    model.opaque_cause = model.opaque_cause or cause


def register_model(session: Session, model: Model) -> None:
    session.touch(model)
    model.created_depth = session.uncertain
    model.foreign = session.foreign
    session.models[model.uid] = model
    if session.journal is not None:
        session.journal.models.append(model)


def sequential_add(session: Session, model: Model, item: Value, rebuild: bool = True) -> None:
    """`model.add(item)`; `rebuild`: Keras 3 rebuilds the model after it (not in __init__)."""
    if model.opaque or model.broken:
        return
    session.touch(model)
    if session.uncertain > model.created_depth:
        # added on some paths only: we cannot know the layers
        what = "layers are added to it on some paths only (a branch or a loop)"
        cause = silence.Cause(silence.MODEL_CHANGED_ON_SOME_PATHS, what, None, "add")
        _opaque(model, cause)
        return
    if (
        isinstance(item, Tensor)
        and item.node is not None
        and item.node.is_input
        and not model.layers
    ):
        model.declared_input = item.shape
        model.input_span = item.node.shape_span
        _start_build(session, model)
        return
    if isinstance(item, Model) and item.kind == "custom_layer" and not item.opaque:
        layer_model = item
        item = keras_lambda.layer_running(
            session,
            item.name,
            item.user_class.node.name if item.user_class is not None else "Layer",
            lambda tensor: keras_subclasses.call_on(session, layer_model, tensor, {}),
            layer_model.span,
        )
    if isinstance(item, Model):
        if item.opaque or (item.kind != "sequential" and not one_in_one_out(item)):
            _opaque(model, item.opaque_cause)
            return
    elif not isinstance(item, Layer):
        _opaque(model, silence.cause_of(item))
        return
    if (
        (isinstance(item, Layer) or one_in_one_out(item))
        and not model.layers
        and model.declared_input is None
        and item.declared_input is not None
    ):  # Keras 3 and 2 build from a functional model's input too (keras.applications bases)
        model.declared_input = item.declared_input
        model.input_span = item.input_span
        _start_build(session, model)
        if isinstance(item, Model):
            model.input_from_first = True
        elif session.version.major >= 3:
            session.input_name(None)  # Keras 3 adds an InputLayer of input_shape first
    model.layers.append(item)
    if rebuild:
        _rebuilt(session, model, first=False)
    run: Run | None = model.built_run
    if run is not None:
        first = len(run.steps)
        try:
            model.output_shape = (
                run.apply(item, model.output_shape) if model.output_shape is not None else None
            )
        except LayerFailure as failure:
            report_layer_failure(session, failure, model)
        session.record_run(run, model.name, "its declared input", first, model.span)


def one_in_one_out(item: Value) -> bool:
    """A functional model of one input and one output: a layer to a Sequential."""
    return (
        isinstance(item, Model)
        and item.kind == "functional"
        and len(item.inputs) == 1
        and len(item.outputs) == 1
    )


def _start_build(session: Session, model: Model) -> None:
    model.built_run = Run(session.version)
    model.output_shape = model.declared_input


def make_functional(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    inputs = kwargs.get("inputs", args[0] if args else UNKNOWN)
    outputs = kwargs.get("outputs", args[1] if len(args) > 1 else UNKNOWN)
    model = Model(
        "functional",
        session.src.span(node),
        # Keras 2 names a functional model `model`, Keras 3 `functional`
        session.model_name(
            "model" if session.version.major == 2 else "functional", kwargs.get("name")
        ),
    )
    register_model(session, model)
    ins, model.input_keys = _tensors_by_key(inputs)
    outs, model.output_keys = _tensors_by_key(outputs)
    if ins is None or outs is None or not all(t.node is not None and t.node.is_input for t in ins):
        _opaque(model, silence.graph_cause(inputs) or silence.graph_cause(outputs))
        return model
    model.inputs, model.outputs = ins, outs
    if len(outs) == 1:
        model.output_shape = outs[0].shape
    if len(ins) == 1:
        model.declared_input = ins[0].shape
        model.input_span = ins[0].node.shape_span if ins[0].node else None
    model.built_run = session.functional_run
    nodes, shapes = [t.node for t in outs if t.node], {id(t.node): t.shape for t in ins}
    order = graph_layers(list(nodes), set())  # the rows in Keras's order, where it is known
    placed = {id(item): i for i, item in enumerate(order or [])}
    for tensor in sorted(ins, key=lambda t: placed.get(id(t.node), len(placed))):
        session.record_input(
            tensor, model.name, tensor.node.call_span if tensor.node else None, model.span
        )
    try:  # with the weights the layers were built with: a model called on a tensor it cannot take
        run_nodes(nodes, shapes, session.functional_run.fork(symbolic=True))
    except LayerFailure:  # Keras raised where that call is (reported there): the program
        session.touch(model)  # stops there, nothing done with this model runs
        model.broken = True
    run = Run(session.version, symbolic=True)
    try:
        run_nodes(nodes, shapes, run)
    except LayerFailure:  # reported where the layer was called: Keras never made this model
        model.broken = True
    session.record_run(
        as_listed(session, run, placed), model.name, "its inputs", model_span=model.span
    )
    return model


@REGISTRY.exports("keras.models")
def _model_names() -> tuple[str, ...]:
    return ("Sequential", "Model")


@REGISTRY.method(Model, "add", "compile", "pop", "build", *sorted(DATA_METHODS))
def model_method(
    session: Session,
    model: Model,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    mutating = method in ("add", "compile", "pop", "build")
    if mutating:
        session.touch(model)
    if mutating and session.uncertain > model.created_depth:
        where = f"`{session.src.segment(node, 40)}` runs on some paths only (a branch or a loop)"
        if method == "compile":
            model.loss = silence.unknown(silence.PATHS_DIFFER, where, session.src.span(node))
            model.jit_compile = UNKNOWN
        else:
            code = silence.MODEL_CHANGED_ON_SOME_PATHS
            _opaque(model, silence.Cause(code, where, session.src.span(node), method))
        return Const(None)
    if method == "add" and model.kind == "sequential":
        sequential_add(session, model, args[0] if args else kwargs.get("layer", UNKNOWN))
    elif method == "compile":
        model.traced = {}  # compile drops the compiled functions
        # XLA runs the layers a CPU refuses (keras/devices.py); given by position: not read
        model.jit_compile = UNKNOWN if len(args) > 7 else kwargs.get("jit_compile", Const("auto"))
        model.loss = _losses(kwargs.get("loss", args[1] if len(args) > 1 else UNKNOWN))
        model.loss_node = next(
            (kw.value for kw in node.keywords if kw.arg == "loss"),
            node.args[1] if len(node.args) > 1 else None,
        )
    elif method == "pop":
        what = f"`{session.src.segment(node, 40)}`"
        _opaque(
            model, silence.Cause(silence.UNMODELLED_CALL, what, session.src.span(node), "Model.pop")
        )
    elif method == "build" and model.kind == "sequential" and model.declared_input is None:
        shape = as_declared_shape(args[0] if args else kwargs.get("input_shape", UNKNOWN))
        if shape is not None:
            model.declared_input = (None, *shape[1:])
            layers, model.layers = model.layers, []
            _start_build(session, model)
            for layer in layers:
                sequential_add(session, model, layer, rebuild=False)
            session.sequential_built(new_input=True)
    elif method == "build" and model.user_class is not None:
        # Keras 2 runs `call` on the shape and keeps the layers built so; Keras 3 (measured,
        # 3.15: tests/corpus/programs/models_subclassed/build_then_other_width.py) does not.
        shape = as_declared_shape(args[0] if args else kwargs.get("input_shape", UNKNOWN))
        if shape and session.version.major == 2:
            keras_subclasses.trace(session, model, shape)
    elif method in DATA_METHODS:
        args, kwargs = _as_fed(*_batches_given(session, args, kwargs))
        traced = (
            keras_subclasses.trace_for_data(session, model, args, kwargs)
            if model.user_class is not None and not (model.opaque or model.broken)
            else None
        )
        if isinstance(traced, Unknown):  # `call` not followed: the call is recorded as such
            x = args[0] if args else kwargs.get("x", UNKNOWN)
            coverage.not_followed(session, model, method, node, traced, x)
            return UNKNOWN
        if not (model.opaque or model.broken):
            keras_lambda.check_rows(session, model, method, node, args, kwargs)
        errors = session.error_count()
        session.state(CallChecker).check_call(model, method, node, args, kwargs)
        if method in ("predict", "predict_on_batch") and session.error_count() == errors:
            predicted = _predictions(session, model, args[0] if args else kwargs.get("x"))
            if predicted is not None:
                return predicted
    if method == "add":
        return Const(None)
    what = f"{model.name}.{method}(...)"  # shared: a result of fit is rarely used as data
    return silence.shared(silence.UNMODELLED_CALL, what, f"Model.{method}")


def _predictions(session: Session, model: Model, x: Value | None) -> Value | None:
    """`model.predict(x)` of a model whose outputs are known: an array per output of the
    rows of x and the output's shape (a list for several outputs, as Keras gives them).
    None where any of it is not known (a dict of outputs, open axes, batches)."""
    if model.opaque or model.broken or model.output_keys is not None:
        return None
    first = x.items[0] if isinstance(x, Seq) and x.items else x
    if not isinstance(first, Array) or not first.shape or type(first.shape[0]) is not int:
        return None
    data = list(x.items) if isinstance(x, Seq) else [x]
    if model.kind == "sequential" and not model.input_from_data:
        declared: list[object] = [model.declared_input]
        shapes = [model.output_shape]
    elif model.outputs and model.inputs:
        declared = [t.shape for t in model.inputs]
        shapes = [t.shape for t in model.outputs]
    else:
        return None
    # data of exactly the declared shapes: Keras 2 runs some models on other sizes, whose
    # outputs are then not the declared graph's
    if len(data) != len(declared) or not all(
        isinstance(a, Array) and isinstance(d, tuple) and tuple(a.shape[1:]) == tuple(d[1:])
        for a, d in zip(data, declared, strict=True)
    ):
        return None
    rows = first.shape[0]
    arrays: list[Value] = []
    for shape in shapes:
        if not isinstance(shape, tuple) or not all(type(d) is int for d in shape[1:]):
            return None
        dims = (rows, *shape[1:])
        arrays.append(Array(dims, "float32", (f"{model.name}.predict(...) → {fmt(dims)}",)))
    if len(arrays) == 1 and not (model.kind != "sequential" and len(model.outputs) > 1):
        return arrays[0]
    return Seq(tuple(arrays), is_list=True)


def _batches_given(
    session: Session, args: list[Value], kwargs: dict[str, Value]
) -> tuple[list[Value], dict[str, Value]]:
    """A generator or a keras.utils.Sequence as x or validation_data: the batches it gives."""
    if args and (batches := generators.as_batches(session, args[0])) is not None:
        args = [batches, *args[1:]]
    for key in ("x", "validation_data"):
        if key in kwargs and (batches := generators.as_batches(session, kwargs[key])) is not None:
            kwargs = {**kwargs, key: batches}
    return args, kwargs


def _as_fed(args: list[Value], kwargs: dict[str, Value]) -> tuple[list[Value], dict[str, Value]]:
    """x, y and validation_data as Keras's data adapters take them (REGISTRY.fed): a pandas
    Series becomes one column, (rows, 1), in a list of inputs or a validation tuple too."""
    args = [_fed(a) if i < 2 else a for i, a in enumerate(args)]
    kwargs = {k: _fed(v) if k in ("x", "y", "validation_data") else v for k, v in kwargs.items()}
    return args, kwargs


def _fed(value: Value, depth: int = 0) -> Value:
    """A module-level function: a nested recursive one would be a reference cycle per call."""
    if type(value) in REGISTRY.fed:
        return REGISTRY.fed[type(value)](value)
    if isinstance(value, Seq) and depth == 0:
        items = tuple(_fed(item, 1) for item in value.items)
        if any(a is not b for a, b in zip(items, value.items, strict=True)):
            return Seq(items, value.is_list)
    return value


REGISTRY.kind(Model)  # any other method (summary, save...): its value is unknown


def _model_attribute(session: Session, model: Model, attr: str) -> Value:
    if model.opaque:
        return Unknown(model.opaque_cause) if model.opaque_cause else UNKNOWN
    if model.user_class is not None:
        return UNKNOWN
    if attr == "input_shape" and model.declared_input is not None and model.kind == "sequential":
        return Seq(tuple(dim_value(d) for d in model.declared_input))
    if attr == "output_shape" and isinstance(model.output_shape, tuple):
        return Seq(tuple(dim_value(d) for d in model.output_shape))
    if attr == "layers":
        listed = layers_of(session, model)
        if listed is not None:
            return Seq(tuple(listed), is_list=True)
    if model.kind == "sequential" and attr in ("input", "output") and session.version.major >= 3:
        # Keras 3 (measured, 3.15): "The layer sequential has never been called and thus has
        # no defined input", also after fit; `.inputs` and `.outputs` are defined
        what = f"`{model.name}.{attr}` (Keras 3 defines only `.{attr}s` on a Sequential model)"
        return silence.shared(silence.UNMODELLED_CALL, what, f"Sequential.{attr}")
    if model.kind == "sequential" and attr in ("input", "inputs", "output", "outputs"):
        graph = sequential_graph(session, model)
        if graph is not None:
            tensor = graph[0] if attr.startswith("input") else graph[1][-1]
            return tensor if attr in ("input", "output") else Seq((tensor,), is_list=True)
    if model.kind == "functional" and model.inputs and attr in ("input", "inputs"):
        return (
            model.inputs[0]
            if attr == "input" and len(model.inputs) == 1
            else Seq(tuple(model.inputs), is_list=True)
        )
    if model.kind == "functional" and model.outputs and attr in ("output", "outputs"):
        return (
            model.outputs[0]
            if attr == "output" and len(model.outputs) == 1
            else Seq(tuple(model.outputs), is_list=True)
        )
    return silence.shared(silence.UNMODELLED_CALL, f"{model.name}.{attr}", f"Model.{attr}")


REGISTRY.attributes[Model] = _model_attribute


@REGISTRY.method(Model, "get_layer")
def get_layer(
    session: Session,
    model: Model,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """`model.get_layer(name)` or `get_layer(index=i)`: the layer itself."""
    name = args[0] if args else kwargs.get("name")
    index = kwargs.get("index", args[1] if len(args) > 1 else None)
    listed = layers_of(session, model)
    if isinstance(name, Const) and isinstance(name.value, str):
        found = [
            layer
            for layer in _all_layers(session, model)
            if getattr(layer, "name", None) == name.value
        ]
        if len(found) == 1:
            return found[0]
    elif (
        isinstance(index, Const)
        and type(index.value) is int
        and listed is not None
        and 0 <= index.value < len(listed)
    ):
        return listed[index.value]
    return silence.shared(
        silence.UNMODELLED_CALL, f"{model.name}.get_layer(...)", "Model.get_layer"
    )


def _all_layers(session: Session, model: Model) -> list[Value]:
    """Every layer of the model once (a layer called twice is one layer), for get_layer."""
    if model.kind == "sequential":
        return list(layers_of(session, model) or [])
    return list({layer.uid: layer for layer in run_order(model)}.values())


def _losses(value: Value) -> Value:
    """`loss=` of compile: one loss, or one per output in a list or a dict."""
    if isinstance(value, Seq):
        return Seq(tuple(_loss(item) for item in value.items), value.is_list)
    if isinstance(value, Mapping):
        return Mapping(tuple((key, _loss(item)) for key, item in value.items))
    return _loss(value)


def _loss(value: Value) -> Value:
    """A loss function object (`keras.losses.categorical_crossentropy`) is what Keras makes of
    its name given as a string (`keras.losses.get`)."""
    if isinstance(value, Ref):
        module, _, function = REGISTRY.canonical(value.name).rpartition(".")
        if module == "keras.losses" and function.islower() and function in losses.KINDS:
            return Const(function)
    return value


def _tensors_by_key(value: Value) -> tuple[list[Tensor] | None, tuple[str, ...] | None]:
    """The tensors given as a model's inputs or outputs, and for a dict its keys: Keras takes a
    dict's values in the order of its sorted keys (keras.tree.flatten; tf.nest in Keras 2)."""
    if not isinstance(value, Mapping):
        return _tensors(value), None
    ordered = sorted(value.items)
    if not ordered or not all(isinstance(v, Tensor) for _, v in ordered):
        return None, None
    return [v for _, v in ordered], tuple(k for k, _ in ordered)  # type: ignore[misc]


def _tensors(value: Value) -> list[Tensor] | None:
    if isinstance(value, Tensor):
        return [value]
    if isinstance(value, Seq) and value.items and all(isinstance(v, Tensor) for v in value.items):
        return list(value.items)  # type: ignore[arg-type]
    return None
