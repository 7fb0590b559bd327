"""Data through a model's layers, as Keras runs it at fit / evaluate / predict: a Sequential
model's layers in order, a functional model's graph from its Inputs, each with the weights its
layers were built with (checks.py and several_inputs.py report what these find).
"""

from __future__ import annotations

from .keras.graph import LayerFailure, Run, run_nodes
from .keras.layers import lookup
from .session import Session
from .shapes import Shape
from .values import Layer, Model


def sequential_flow(session: Session, model: Model, sample: Shape) -> tuple[Run, object]:
    """`sample` through a Sequential model's layers: the run, and the output shape or the
    LayerFailure where Keras fails."""
    run = model.built_run.fork() if model.built_run is not None else Run(session.version)
    out: object = sample
    try:
        for layer in model.layers:
            out = run.apply(layer, out)
            if out is None:
                break
    except LayerFailure as failure:
        # Kept as a value (and cached): its traceback's frames would tie the whole analysis
        # into a cycle that only a full collection frees (a server's pause on every edit).
        failure.__traceback__ = failure.__context__ = None
        return run, failure
    if run.cannot_run:  # built, but raises on the data (LayerRule.run_error)
        return run, run.cannot_run[0]
    return run, out


def flow_of_build(model: Model, sample: Shape) -> object:
    """What `sequential_flow(model, sample)` gives, when the model's build already ran
    `sample` through each of its layers in order (data of the shape it was built on, the
    most common call): the output shape, or the LayerFailure of a layer that raises on the
    data. Else `NOT_KNOWN`. Only layers of the catalog, whose shapes depend on their input
    alone: a Lambda or a user's layer runs the user's code, which may report as it runs."""
    run = model.built_run
    if run is None or not run.steps or len(run.steps) != len(model.layers):
        return NOT_KNOWN
    if run.steps[0].input_shape != sample:
        return NOT_KNOWN
    for step, layer in zip(run.steps, model.layers, strict=True):
        if step.layer is not layer or not (layer.rule is None or from_catalog(layer)):
            return NOT_KNOWN
    return run.cannot_run[0] if run.cannot_run else run.steps[-1].output_shape


NOT_KNOWN = object()


def from_catalog(layer: Layer | Model) -> bool:
    """A layer whose rule is the catalog's own (keras/layers): its shapes depend on its input
    alone, where a Lambda or a user's layer runs the user's code."""
    return (
        isinstance(layer, Layer)
        and layer.rule is not None
        and layer.rule is lookup(layer.class_name)
    )


def functional_flow(
    session: Session, model: Model, samples: dict[int, Shape]
) -> list[object] | LayerFailure:
    """Samples (by Input node) through a functional model's graph, with the weights its
    layers were built with: the output shapes, or the LayerFailure where Keras fails."""
    run = session.functional_run.fork()
    try:
        outs = run_nodes([t.node for t in model.outputs if t.node], samples, run)
    except LayerFailure as failure:
        failure.__traceback__ = failure.__context__ = None  # see sequential_flow
        return failure
    if run.cannot_run:  # built, but raises on the data (LayerRule.run_error)
        return run.cannot_run[0]
    return outs


def keep_build(session: Session, model: Model, run: Run, sample: Shape, out: object) -> None:
    """The first call built the model: later calls meet its weights (and, in Keras 3, its input rank)."""
    if not session.report or session.uncertain > model.created_depth:
        return
    session.touch(model)
    model.built_run = run.fork()
    model.output_shape = out
    model.declared_input = sample
    model.input_from_data = True  # Keras 2 relaxes such an input's axes; only its rank sticks
    session.sequential_built(new_input=True)  # Keras 3 names its InputLayer and Functional
