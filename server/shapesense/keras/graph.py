"""Running shapes through layers and models, the way Keras builds and calls them.

A `Run` is one pass of shapes through layers. It checks each layer's InputSpec
(keras.src.layers.input_spec.assert_input_compatibility), and, once a layer is built, the
axes its weights fixed. A model built from a declared input keeps those axes; data that
later flows through is checked against them (which is what Keras 3 does at `fit`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..shapes import Shape, fmt
from ..values import Layer, Model, Node, Tensor
from .layers import Args, InputSpec, LayerError, LayerRule, Opaque
from .versions import KerasVersion

ShapeOut = Any  # Shape | list[Shape] | None
RECURRENT = {"LSTM", "GRU", "SimpleRNN", "Bidirectional"}


class LayerFailure(Exception):
    """Keras raises at this layer. `expected` says, for people, what the layer wanted;
    `received_text` what it got (for several inputs: each one, named, in Keras's order)."""

    def __init__(
        self,
        layer: Layer,
        keras_message: str,
        code: str,
        received: Shape,
        expected: str,
        received_text: str | None = None,
    ):
        super().__init__(keras_message)
        self.layer = layer
        self.keras_message = keras_message
        self.code = code
        self.received = received
        self.expected = expected
        self.received_text = received_text or fmt(received)


MODEL_CLASSES = {"sequential": "Sequential", "functional": "Functional"}


def _as_layer(model: Model) -> Layer:
    """A model applied as a layer, as the layer Keras lists and names (class Sequential or
    Functional)."""
    row = Layer(MODEL_CLASSES[model.kind], None, Args((), [], {}), model.span, model.name)
    row.foreign = model.foreign
    return row


def input_name(model: Model, index: int = 0) -> str:
    """The name Keras 3.13+ quotes for a model's input `index`: its Input layer's, or "None"."""
    node = model.inputs[index].node if len(model.inputs) > index else None
    return node.layer_name if node is not None and node.layer_name else "None"


def _model_row(model: Model, steps: list[Step], out: ShapeOut) -> Step:
    """A model applied as a layer, as one row: its parameters are its layers' (each once)."""
    row = _as_layer(model)
    params: int | None = 0
    seen: set[int] = set()
    for step in steps:
        if step.layer.uid in seen:
            continue
        seen.add(step.layer.uid)
        params = None if params is None or step.params is None else params + step.params
    first = steps[0].input_shape if steps else None
    return Step(row, first, out, params if steps else None, tuple(steps))


def inputs_text(rule: LayerRule, shapes: list[Shape]) -> str:
    """Each input of a layer called on several, in Keras's order: `query (None, 8), value
    (None, 8)` for call arguments, `input 0 (None, 4), input 1 (None, 5)` for a list."""
    names = [
        rule.call_inputs[i] if i < len(rule.call_inputs) else f"input {i}"
        for i in range(len(shapes))
    ]
    parts = [f"{name} {fmt(shape)}" for name, shape in zip(names, shapes, strict=True)]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


@dataclass
class Step:
    layer: Layer
    input_shape: ShapeOut
    output_shape: ShapeOut
    params: int | None
    inner: tuple[Step, ...] = ()  # a model's row: the steps of its layers


@dataclass
class Run:
    version: KerasVersion
    built: dict[int, dict[int, int]] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)
    built_inputs: dict[int, Shape] = field(
        default_factory=dict
    )  # for messages: what a layer was built on
    # where layers built on these shapes raise once given data (LayerRule.run_error)
    cannot_run: list[LayerFailure] = field(default_factory=list)
    # a model applied as a layer: the steps of its layers (from, to) and its output
    nested: list[tuple[Model, int, int, ShapeOut]] = field(default_factory=list)
    # building on Keras tensors (functional code), not data going through a model
    symbolic: bool = False

    def fork(self, symbolic: bool = False) -> Run:
        """A run that shares nothing but what the layers' weights already fix."""
        built = {k: dict(v) for k, v in self.built.items()}
        return Run(self.version, built, [], dict(self.built_inputs), symbolic=symbolic)

    def copy(self) -> Run:
        """Everything, steps included, in containers of its own."""
        return Run(
            self.version,
            {k: dict(v) for k, v in self.built.items()},
            list(self.steps),
            dict(self.built_inputs),
            list(self.cannot_run),
            list(self.nested),
            self.symbolic,
        )

    def listed(self, first: int = 0) -> list[tuple[Step, Layer | Model]]:
        """The steps from `first` as a model's summary and `model.layers` list them, each with
        what it runs: a model applied as a layer is one row (its name, its output, the
        parameters of its layers; class Sequential or Functional, a backbone's too: tf_keras
        2.21 and Keras 3.15, measured), not the rows of its layers."""
        outer: list[tuple[Model, int, int, ShapeOut]] = []
        for nested in sorted(self.nested, key=lambda n: (n[1], -n[2])):
            if nested[1] >= first and not (outer and nested[1] < outer[-1][2]):
                outer.append(nested)  # not inside a model listed already
        rows: list[tuple[Step, Layer | Model]] = []
        index = first
        for model, start, end, out in outer:
            rows += [(step, step.layer) for step in self.steps[index:start]]
            rows.append((_model_row(model, self.steps[start:end], out), model))
            index = max(index, end)
        return rows + [(step, step.layer) for step in self.steps[index:]]

    def apply(self, layer: Layer | Model, inputs: ShapeOut) -> ShapeOut:
        if isinstance(layer, Model):
            return self._apply_model(layer, inputs)
        rule = layer.rule
        if rule is None or inputs is None:
            self.steps.append(Step(layer, inputs, None, None))
            return None
        if rule.merge:
            return self._apply_merge(layer, rule, inputs)
        if isinstance(inputs, list):
            self.steps.append(Step(layer, inputs, None, None))
            return None
        shape: Shape = inputs
        self._check_spec(layer, rule, shape)
        self._check_built(layer, rule, shape)
        try:
            out = rule.output(shape, layer.args)
        except Opaque:
            out = None
        except LayerError as exc:
            raise LayerFailure(
                layer, str(exc), exc.code, shape, exc.expected or fmt(shape)
            ) from None
        except (TypeError, ValueError, IndexError, ZeroDivisionError, AttributeError, KeyError):
            out = None  # arguments of a form the rule does not model
        self.steps.append(Step(layer, shape, out, self._params(layer, rule, shape)))
        self._note_run_error(layer, rule, shape)
        return out

    def _note_run_error(self, layer: Layer, rule: LayerRule, inputs: Shape | list[Shape]) -> None:
        try:
            error = rule.run_error(inputs, layer.args)
        except (Opaque, TypeError, ValueError, IndexError, AttributeError):
            return
        if error is None:
            return
        expected = error.expected or "other input shapes"
        if isinstance(inputs, list):
            failure = LayerFailure(
                layer, str(error), error.code, inputs[0], expected, inputs_text(rule, inputs)
            )
        else:
            failure = LayerFailure(layer, str(error), error.code, inputs, expected)
        self.cannot_run.append(failure)

    def _params(self, layer: Layer, rule: LayerRule, shape: Shape) -> int | None:
        try:
            return int(rule.count_params(shape, layer.args))
        except (Opaque, TypeError, ValueError, IndexError, AttributeError):
            return None

    def _apply_merge(self, layer: Layer, rule: LayerRule, inputs: ShapeOut) -> ShapeOut:
        if not isinstance(inputs, list) or any(s is None for s in inputs) or len(inputs) < 2:
            self.steps.append(Step(layer, inputs, None, None))
            return None
        try:
            out = rule.merge_output(inputs, layer.args)
        except (Opaque, TypeError, ValueError, IndexError, AttributeError):
            out = None
        except LayerError as exc:
            expected = exc.expected or "inputs of other shapes"
            received = inputs_text(rule, inputs)
            raise LayerFailure(layer, str(exc), exc.code, inputs[0], expected, received) from None
        try:
            params: int | None = int(rule.merge_params(inputs, layer.args))
        except (Opaque, TypeError, ValueError, IndexError, AttributeError):
            params = None
        self.steps.append(Step(layer, inputs, out, params))
        self._note_run_error(layer, rule, inputs)
        return out

    def _apply_model(self, model: Model, inputs: ShapeOut) -> ShapeOut:
        start = len(self.steps)
        out = self._run_model(model, inputs)
        if model.kind in MODEL_CLASSES:
            self.nested.append((model, start, len(self.steps), out))
        return out

    def _run_model(self, model: Model, inputs: ShapeOut) -> ShapeOut:
        if model.opaque or inputs is None:
            return None
        if model.kind == "functional":  # one input, one output: its graph on these shapes
            if len(model.inputs) != 1 or len(model.outputs) != 1 or isinstance(inputs, list):
                return None
            self._check_model_spec(model, inputs)
            source, sink = model.inputs[0].node, model.outputs[0].node
            if source is None or sink is None:
                return None
            if self.symbolic and self.version.major >= 3:
                return self._built_from_its_spec(model, inputs, source, sink)
            return run_nodes([sink], {id(source): inputs}, self)[0]
        shape = inputs
        for layer in model.layers:
            shape = self.apply(layer, shape)
        return shape

    def _built_from_its_spec(
        self, model: Model, inputs: Shape, source: Node, sink: Node
    ) -> ShapeOut:
        """Keras 3 builds `model(x)` on a Keras tensor from the model's own InputSpec alone
        (checked before): its layers run again only on data. A backbone built for 3 channels
        takes a 1-channel Input there, and its first convolution refuses the data at fit
        (Keras 3.15, measured). Its layers are run here for the summary's rows; where one
        refuses, the model gives the output it was built with."""
        start = len(self.steps)
        try:
            return run_nodes([sink], {id(source): inputs}, self)[0]
        except LayerFailure:
            del self.steps[start:]
            built = model.outputs[0].shape
            return None if built is None else (None, *built[1:])

    def _check_model_spec(self, model: Model, shape: Shape) -> None:
        """Keras 3 checks a functional model's own InputSpec (its Input's shape, a trailing 1
        squeezed) when it is called as a layer, before its layers: the message names the model
        and its Input (`decoder(x)`, a backbone in a Sequential: Keras 3.15, measured). Keras 2
        checks it at fit only (checks.py); called as a layer, its first layer refuses."""
        declared = model.inputs[0].shape
        if self.version.major < 3 or declared is None:
            return
        if self.version.model_input_accepts(declared, shape, functional=True):
            return
        detail = f"expected shape={fmt(declared)}, found shape={fmt(shape)}"
        message = self.version.incompatible(0, model.name, detail, input_name(model))
        raise LayerFailure(_as_layer(model), message, "SS102", shape, fmt(declared))

    def _fail(
        self, layer: Layer, shape: Shape, detail: str, expected: str, code: str = "SS103"
    ) -> LayerFailure:
        return LayerFailure(
            layer, self.version.incompatible(0, layer.name, detail), code, shape, expected
        )

    def _check_spec(self, layer: Layer, rule: LayerRule, shape: Shape) -> None:
        try:
            spec: InputSpec = rule.spec(layer.args)
        except (Opaque, TypeError, ValueError, AttributeError):
            return
        ndim = len(shape)
        kernel_rank = rule.kernel_rank
        if kernel_rank is not None and self.version.major >= 3 and ndim > kernel_rank:
            raise LayerFailure(
                layer,
                f"Kernel shape must have the same length as input, but received input of shape {fmt(shape)} for a {kernel_rank - 2}D convolution",
                "SS103",
                shape,
                f"exactly {kernel_rank} dimensions (with the batch axis)",
            )
        if spec.ndim is not None and ndim != spec.ndim:
            raise self._fail(
                layer,
                shape,
                f"expected ndim={spec.ndim}, found ndim={ndim}. Full shape received: {fmt(shape)}",
                f"{spec.ndim} dimensions (with the batch axis)",
            )
        if spec.min_ndim is not None and ndim < spec.min_ndim:
            raise self._fail(
                layer,
                shape,
                f"expected min_ndim={spec.min_ndim}, found ndim={ndim}. Full shape received: {fmt(shape)}",
                f"at least {spec.min_ndim} dimensions (with the batch axis)",
            )
        if (
            layer.class_name == "Dense"
            and ndim
            and shape[-1] is None  # undefined; an unknown size is a size
            and layer.uid not in self.built
        ):
            raise LayerFailure(
                layer,
                self.version.dense_undefined_last_axis(shape, layer.args.get("units")),
                "SS103",
                shape,
                "a defined last axis",
            )

    def _check_built(self, layer: Layer, rule: LayerRule, shape: Shape) -> None:
        axes = self.built.get(layer.uid)
        if axes is None:
            try:
                self.built[layer.uid] = rule.built_axes(shape, layer.args)
            except (Opaque, TypeError, ValueError, IndexError, AttributeError):
                self.built[layer.uid] = {}
            self.built_inputs[layer.uid] = shape
            return
        for axis, value in axes.items():
            if not -len(shape) <= axis < len(shape):
                continue
            dim = shape[axis]
            if type(dim) is int and dim != value:
                built_on = self.built_inputs.get(layer.uid)
                expected = fmt(built_on) if built_on else f"axis {axis} = {value}"
                if self.version.major >= 3 and layer.class_name in RECURRENT:
                    # Keras 3 RNNs have no input spec on the feature axis: the cell's MatMul fails.
                    message = f"Dimensions must be equal, but are {dim} and {value} for '{{{{node .../{layer.name}_cell/MatMul}}}}'"
                    raise LayerFailure(layer, message, "SS102", shape, expected)
                inner = rule.refused_by(axis, shape, layer.args)
                if inner is not None:  # a backbone: Keras names its stem convolution
                    name, at = inner
                    detail = f"expected axis -1 of input shape to have value {value}, but received input with shape {fmt(at)}"
                    message = self.version.incompatible(0, name, detail)
                    raise LayerFailure(layer, message, "SS102", shape, expected)
                raise self._fail(
                    layer,
                    shape,
                    f"expected axis {axis} of input shape to have value {value}, but received input with shape {fmt(shape)}",
                    expected,
                    code="SS102",
                )


def run_nodes(outputs: list[Node], inputs: Mapping[int, Shape | None], run: Run) -> list[ShapeOut]:
    """Evaluate a functional graph from input shapes (keyed by id of the Input node)."""
    memo: dict[int, ShapeOut] = {}

    def visit(node: Node) -> ShapeOut:
        key = id(node)
        if key in memo:
            return memo[key]
        if node.layer is None:
            # an Input's shape is the data's; a constant (an eager tensor in a `call`) keeps its own
            result = inputs.get(key) if node.is_input else node.input_shape
        else:
            parents = [visit(p) for p in node.parents]
            arg: ShapeOut = parents[0] if len(parents) == 1 and not node.list_input else parents
            if any(p is None for p in parents):
                arg = None
            result = run.apply(node.layer, arg)
            if isinstance(result, list):
                result = result[node.output_index] if node.output_index < len(result) else None
        memo[key] = result
        return result

    return [visit(o) for o in outputs]


def run_order(model: Model) -> list[Layer | Model]:
    """The layers (and nested models) a model runs, in order: a Sequential's list, or a
    functional model's graph walked back from its outputs."""
    if model.kind == "sequential":
        return list(model.layers)
    found: list[Layer | Model] = []
    seen: set[int] = set()
    pending = [t.node for t in model.outputs if isinstance(t, Tensor) and t.node is not None]
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.layer is not None:
            found.append(node.layer)
        pending.extend(node.parents)
    return found[::-1]
