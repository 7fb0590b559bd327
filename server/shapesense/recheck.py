"""Re-checking a call on shapes it does not have: the data or the model's declared input a
quick fix would produce. A fix is offered only when this re-check passes (fixes.py)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from .keras import losses
from .keras.graph import LayerFailure, Run, run_nodes
from .keras.versions import KerasVersion
from .session import Session
from .shapes import Shape, keras_sample, size
from .source import SourceText
from .values import Array, Const, Layer, Model, Value


@dataclass
class DataArg:
    """An x or y argument at a call: its value, its source node and a name for messages."""

    value: Array
    node: ast.expr
    label: str
    # False for a tf.data pipeline's batches: `node` is the dataset, and no edit wrapping it
    # (np.expand_dims, .reshape, to_categorical) changes the arrays inside
    editable: bool = True

    @property
    def origin(self) -> str:
        """Where the data came from, said after the mismatch (its place is related information)."""
        if not self.value.trace:
            return ""
        return f" {self.label} comes from {self.value.trace[0].replace('`', '')}."


def data_arg(
    src: SourceText, value: Value, node: ast.expr | None, editable: bool = True
) -> DataArg | None:
    """An x or y argument as a DataArg: None unless it is an array (not of objects) whose
    expression is known."""
    if not isinstance(value, Array) or node is None or value.dtype == "object":
        return None
    label = src.segment(node, 40)
    return DataArg(value, node, label, editable)


@dataclass
class CallData:
    """The call being checked, as its fixes must meet it."""

    batch_size: int = 32
    # every (x, y) at the call: a fix to the model's input must suit them all
    pairs: list[tuple[Shape, Shape | None]] = field(default_factory=list)
    labels: Shape | None = None  # y of the pair being checked: fixes must satisfy it too

    def step_batch(self, data: Shape) -> int | None:
        """The first batch's size at the call: min(samples, batch_size)."""
        n = size(data[0]) if data else None
        return None if n is None else min(n, self.batch_size)


def adjust_rank(data: Shape, declared: Shape) -> tuple[Shape | None, str]:
    """Keras's implicit fix-up of the data rank against the model input (same in Keras 2 and 3)."""
    if len(data) == len(declared):
        return data, ""
    if len(data) == len(declared) + 1 and data[-1] == 1:
        return data[:-1], "drop the trailing axis of size 1"
    if len(data) == len(declared) - 1 and declared[-1] == 1:
        return (*data, 1), "add a trailing axis of size 1"
    return None, ""


def fed_to_input(version: KerasVersion, declared: Shape, data: Shape) -> tuple[Shape | None, str]:
    """Data for one input of a functional model: the shape Keras feeds it (after the rank
    fix-up, with its note), or None where Keras rejects the data."""
    adjusted, note = adjust_rank(data, declared)
    if adjusted is None or not version.model_input_accepts(declared, data, functional=True):
        return None, note
    return adjusted, note


def sigmoid_output(model: Model) -> bool:
    if model.kind == "sequential" and model.layers:
        last = model.layers[-1]
        return isinstance(last, Layer) and last.activation in losses.LOGITS_ACTIVATIONS
    if model.outputs and model.outputs[0].node is not None:
        layer = model.outputs[0].node.layer
        return isinstance(layer, Layer) and layer.activation in losses.LOGITS_ACTIVATIONS
    return False


def would_pass(
    session: Session,
    call: CallData,
    model: Model,
    x_shape: Shape,
    y_shape: Shape | None,
    declared: Shape | None = None,
) -> bool:
    """Re-check hypothetical shapes (used to keep only fixes that really remove the error)."""
    target = declared if declared is not None else model.declared_input
    shape = x_shape
    if target is not None:
        adjusted, _ = adjust_rank(shape, target)
        if adjusted is None:
            return False
        if not model.input_from_data and not session.version.model_input_accepts(
            target, shape, model.kind == "functional"
        ):
            return False
        shape = adjusted
    sample: Shape = keras_sample(shape)
    if model.kind == "sequential":
        run = (
            Run(session.version)
            if declared is not None or model.built_run is None
            else model.built_run.fork()
        )
        out: object = sample
        try:
            if declared is not None:
                probe: object = declared
                for layer in model.layers:
                    probe = run.apply(layer, probe)
                run = run.fork()
            for layer in model.layers:
                out = run.apply(layer, out)
        except LayerFailure:
            return False
    else:
        run = Run(session.version) if declared is not None else session.functional_run.fork()
        try:
            if declared is not None:
                run_nodes(
                    [t.node for t in model.outputs if t.node],
                    {id(model.inputs[0].node): declared},
                    run,
                )
                run = run.fork()
            outs = run_nodes(
                [t.node for t in model.outputs if t.node],
                {id(model.inputs[0].node): sample},
                run,
            )
        except LayerFailure:
            return False
        out = outs[0] if len(outs) == 1 else None
    if run.cannot_run:
        return False  # Keras builds it, then fit raises inside a layer
    return labels_pass(session, call, model, y_shape, out)


def labels_pass(
    session: Session, call: CallData, model: Model, y_shape: Shape | None, out: object
) -> bool:
    """Whether labels of `y_shape` fit the output `out` and the loss, for a quick fix: with
    a loss whose rule is known, an output not fully known counts as not passing."""
    if y_shape is None:
        return True
    loss_name = (
        model.loss.value
        if isinstance(model.loss, Const) and isinstance(model.loss.value, str)
        else ""
    )
    kind = losses.KINDS.get(loss_name)
    if kind is None:
        return True
    if not isinstance(out, tuple) or any(d is None for d in out[1:]):
        return False  # "no error found" is not proof that the fix works
    return (
        losses.check(
            kind,
            y_shape,
            out,
            session.version,
            sigmoid_output(model),
            call.step_batch(y_shape),
        )
        is None
    )


def inputs_would_pass(
    session: Session,
    call: CallData,
    model: Model,
    index: int,
    xs: list[DataArg | None],
    y: DataArg | None,
    shape: Shape,
    declared: Shape | None,
) -> bool:
    """Re-check a call on a model with several inputs, with input `index`'s data shape
    (and, if given, its declared shape) replaced: for quick fixes."""
    inputs = [t.shape for t in model.inputs]
    if declared is not None:
        inputs[index] = declared
    shapes = [x.value.shape if x is not None else None for x in xs]
    shapes[index] = shape
    samples: dict[int, Shape] = {}
    for tensor, expected, data in zip(model.inputs, inputs, shapes, strict=True):
        if expected is None or data is None or tensor.node is None:
            return False
        adjusted, _ = fed_to_input(session.version, expected, data)
        if adjusted is None:
            return False
        samples[id(tensor.node)] = keras_sample(adjusted)
    outputs = [t.node for t in model.outputs if t.node]
    run = Run(session.version) if declared is not None else session.functional_run.fork()
    try:
        if declared is not None:  # the layers are built anew from the new input
            run_nodes(
                outputs, {id(t.node): d for t, d in zip(model.inputs, inputs, strict=True)}, run
            )
            run = run.fork()
        outs = run_nodes(outputs, samples, run)
    except LayerFailure:
        return False
    return labels_pass(
        session, call, model, y.value.shape if y else None, outs[0] if len(outs) == 1 else None
    )
