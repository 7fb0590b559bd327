"""Every finding a fit / evaluate / predict call can get, worded in one place: the mismatch
first (layer, expected shape, received shape), then where the data came from, whose places
are related information. Each data error carries its fixes (fixes.py). Also the call's hover.
"""

from __future__ import annotations

import ast

from . import fixes
from .findings import CallInfo, Finding, Related
from .keras import losses
from .keras.graph import LayerFailure, input_name
from .keras.versions import KerasVersion
from .options import REFUSED_ON_CPU
from .output_labels import OutputLabels
from .output_labels import match as match_labels
from .recheck import CallData, DataArg, inputs_would_pass
from .session import Session
from .shapes import Dim, Shape, fmt
from .source import SourceText
from .values import Const, Layer, Model, SeriesFed, Value


class CallReports:
    """The reports of the call being checked (checks.CallChecker is one)."""

    session: Session
    src: SourceText
    version: KerasVersion
    call: CallData
    labels: tuple[Value, ast.expr | None] | None  # y as given, with its expression

    def _report_cardinality(self, model: Model, x: DataArg, y: DataArg, nx: Dim, ny: Dim) -> None:
        message = f"Keras needs the same number of samples in x and y: {x.label} has {nx}, {y.label} has {ny}.{_told(x)}{y.origin}"
        self.session.add(
            Finding(
                self.src.span(y.node),
                "error",
                "SS201",
                message,
                self.version.cardinality(str(nx), str(ny)),
                related=self._related(model, x),
            )
        )

    def _report_inputs_cardinality(
        self,
        model: Model,
        x_node: ast.expr,
        known: list[DataArg],
        labels: list[DataArg],
        x_sizes: list[Dim],
        y_sizes: list[Dim],
    ) -> None:
        parts = [f"`{x.label}` has {x.value.shape[0]}" for x in [*known, *labels]]
        message = f"The arrays of one call need the same number of samples: {', '.join(parts)}."
        keras = self.version.cardinality(
            ", ".join(str(n) for n in x_sizes), ", ".join(str(n) for n in y_sizes)
        )
        self._call_error(model, x_node, "SS201", message, keras)

    def _report_missing_key(
        self,
        model: Model,
        x_node: ast.expr,
        missing: str,
        given: dict[str, Value],
        names: list[str],
    ) -> None:
        label = self.src.segment(x_node, 40)
        message = f"Model '{model.name}' has an input named '{missing}', but `{label}` has no such key: it has {sorted(given)}."
        keras = f'Missing data for input "{missing}". You passed a data dictionary with keys {list(given)}. Expected the following keys: {names}'
        self._call_error(model, x_node, "SS108", message, keras)

    def _report_labels(
        self,
        model: Model,
        output: Shape,
        y: DataArg,
        loss_name: str | None,
        kind: str,
        mismatch: losses.LabelMismatch,
    ) -> None:
        message = f"Loss '{loss_name}' {_loss_expectation(kind, output)} (model '{model.name}' outputs {fmt(output)}), but receives {fmt(y.value.shape)} from {y.label}.{y.origin}"
        fix_list = fixes.for_labels(
            self.session, self.call, model, y, output, kind, mismatch.problem
        )
        self.session.add(
            Finding(
                self.src.span(y.node),
                "error",
                "SS202",
                message,
                mismatch.keras_message,
                fix_list,
                self._related(model, y),
                {"labels": fmt(y.value.shape), "output": fmt(output)},
            )
        )

    def _report_output_labels(
        self,
        model: Model,
        placed: OutputLabels,
        output: Shape,
        y: DataArg,
        kind: str,
        mismatch: losses.LabelMismatch,
    ) -> None:
        """Labels of one of several outputs: no fix offered (a fix re-checks one output)."""
        which = f"output '{placed.name}'" if placed.name else f"output {placed.output}"
        message = f"Loss '{placed.loss}' of {which} of model '{model.name}' {_loss_expectation(kind, output)}, but receives {fmt(y.value.shape)} from {y.label}.{y.origin}"
        self.session.add(
            Finding(
                self.src.span(y.node),
                "error",
                "SS202",
                message,
                mismatch.keras_message,
                (),
                self._related(model, y),
                {"labels": fmt(y.value.shape), "output": fmt(output)},
            )
        )

    def _record_call(
        self,
        model: Model,
        method: str,
        node: ast.Call,
        x: DataArg | None,
        y: DataArg | None,
        inputs: list[DataArg | None] | bool | None = None,  # per input, for several inputs
    ) -> None:
        lines = []
        expected = model.declared_input
        if isinstance(inputs, list):
            for index, (arg, tensor) in enumerate(zip(inputs, model.inputs, strict=True)):
                if arg is not None:
                    lines.append(
                        f"input {index} `{arg.label}`: {fmt(arg.value.shape)}"
                        + (f" → {fmt(tensor.shape)}" if tensor.shape is not None else "")
                    )
        elif x is not None:
            lines.append(
                f"x `{x.label}`: {fmt(x.value.shape)}"
                + (f" → model input {fmt(expected)}" if expected else "")
            )
        if y is not None:
            out = model.output_shape if isinstance(model.output_shape, tuple) else None
            lines.append(
                f"y `{y.label}`: {fmt(y.value.shape)}"
                + (f" → model output {fmt(out)}" if out else "")
            )
        if len(model.outputs) > 1 and self.labels is not None:
            for placed in match_labels(self.src, model, *self.labels):
                tensor = model.outputs[placed.output]
                which = placed.name or placed.output
                arrow = f" → output '{which}' {fmt(tensor.shape)}" if tensor.shape else ""
                lines.append(f"y `{placed.label}`: {fmt(placed.value.shape)}{arrow}")
        loss = model.loss.value if isinstance(model.loss, Const) else None
        if loss:
            lines.append(f"loss: {loss}")
        self.session.calls.append(
            CallInfo(self.src.span(node), f"{model.name}.{method}", "; ".join(lines), tuple(lines))
        )

    def _report_input_count(self, model: Model, x_node: ast.expr, received: int) -> None:
        expected = len(model.inputs)
        label = self.src.segment(x_node, 40)
        message = f"Model '{model.name}' has {expected} inputs, but `{label}` gives {received}: pass a list with one array per input, in the order of the model's inputs."
        keras = f'Layer "{model.name}" expects {expected} input(s), but it received {received} input tensors.'
        self._call_error(model, x_node, "SS108", message, keras)

    def _call_error(
        self, model: Model, node: ast.expr, code: str, message: str, keras: str
    ) -> None:
        """An error about a call's data as a whole, at the expression `node`."""
        related = self._related(model)
        self.session.add(
            Finding(self.src.span(node), "error", code, message, keras, related=related)
        )

    def _report_input(
        self,
        model: Model,
        index: int,
        x: DataArg,
        declared: Shape,
        rank: bool,
        xs: list[DataArg | None],
        y: DataArg | None,
    ) -> None:
        shape = x.value.shape
        tensor = model.inputs[index]
        slot = fixes.InputSlot(
            f"input {index}'s",
            tensor.node.shape_span if tensor.node else None,
            lambda new_shape, new_declared: inputs_would_pass(
                self.session, self.call, model, index, xs, y, new_shape, new_declared
            ),
        )
        fix_list = fixes.for_input(self.session, self.call, model, x, declared, False, slot=slot)
        where = f"Input {index} of model '{model.name}' expects"
        if rank:
            message = f"{where} {fmt(declared)} ({len(declared)} dims, batch first), but receives {fmt(shape)} ({len(shape)} dims) from {x.label}.{_told(x, declared)}"
        else:
            message = f"{where} {fmt(declared)}, but receives {fmt(shape)} from {x.label}{_axis_detail(declared, (None, *shape[1:]))}.{_told(x, declared)}"
        found = fmt((None, *shape[1:]))
        keras = self.version.incompatible(
            index,
            model.name,
            f"expected shape={fmt(declared)}, found shape={found}",
            input_name(model, index),
        )
        self.session.add(
            Finding(
                self.src.span(x.node),
                "error",
                "SS101" if rank else "SS102",
                message,
                keras,
                fix_list,
                related=self._related(model, x),
                shapes={"data": fmt(shape), "expected": fmt(declared)},
            )
        )

    def _report_inputs_flow_failure(
        self, model: Model, x_node: ast.expr, xs: list[DataArg | None], failure: LayerFailure
    ) -> None:
        layer = failure.layer
        data = ", ".join(f"{x.label} {fmt(x.value.shape)}" for x in xs if x is not None)
        message = f"Layer '{layer.name}' ({layer.class_name}) of model '{model.name}' expects {failure.expected}, but receives {failure.received_text} (with {data})."
        here = () if layer.foreign else (Related(layer.span, f"layer '{layer.name}' defined here"),)
        self.session.add(
            Finding(
                self.src.span(x_node),
                "error",
                failure.code,
                message,
                failure.keras_message,
                related=(*here, *self._related(model)),
            )
        )

    def _report_fixup(self, x: DataArg, note: str, fed: Shape, target: str) -> None:
        """Keras quietly fixes the data's rank (a hint, not an error)."""
        detail = f"`{x.label}` {fmt(x.value.shape)} is fed as {fmt(fed)} to {target}"
        self.session.add(
            Finding(self.src.span(x.node), "hint", "SS110", f"Keras will {note}: {detail}.")
        )

    def _report_refused_on_cpu(
        self, model: Model, node: ast.Call, layer: Layer, words: str
    ) -> None:
        """SS301: a hint, as a GPU runs the layer; `device = "cpu-without-onednn"` makes it an error."""
        message = (
            f"Layer '{layer.name}' ({layer.class_name}) of model '{model.name}' has "
            'data_format="channels_first", which TensorFlow\'s CPU kernels refuse at this call '
            "unless its oneDNN kernels are on (its default on Linux x86); a GPU runs it."
        )
        related = self._related(model)
        if not layer.foreign:
            related += (Related(layer.span, f"layer '{layer.name}' created here"),)
        self.session.add(
            Finding(self.src.span(node), "hint", REFUSED_ON_CPU, message, words, related=related)
        )

    def _related(self, model: Model, data: DataArg | None = None) -> tuple[Related, ...]:
        related = (
            [] if model.foreign else [Related(model.span, f"model '{model.name}' defined here")]
        )
        if data is not None and data.value.origin is not None:
            related.append(Related(data.value.origin, f"{data.label} created here"))
        return tuple(related)

    def _report_rank(
        self,
        model: Model,
        method: str,
        x: DataArg,
        declared: Shape,
        refused_by: LayerFailure | None = None,
    ) -> None:
        """`refused_by`: Keras 2's layer inside the model that refuses data of another rank
        the model lets through (a row, one sample): the layer Keras's message names."""
        shape = x.value.shape
        single = method.startswith("predict") and tuple(shape) == tuple(declared[1:])
        if single:
            message = f"Model '{model.name}' expects a batch {fmt(declared)}, but receives a single sample {fmt(shape)} from {x.label}: add a batch axis in front.{_told(x, declared)}"
            code = "SS107"
        else:
            message = f"Model '{model.name}' expects input {fmt(declared)} ({len(declared)} dims, batch first), but receives {fmt(shape)} ({len(shape)} dims) from {x.label}.{_told(x, declared)}"
            code = "SS101"
        keras = f"Invalid input shape for input. Expected shape {fmt(declared)}, but input has incompatible shape {fmt(shape)}"
        if self.version.major == 2:
            keras = self.version.incompatible(
                0,
                model.name,
                f"expected shape={fmt(declared)}, found shape={fmt((None, *shape[1:]))}",
            )
            if refused_by is not None:
                keras = refused_by.keras_message
        fix_list = fixes.for_input(self.session, self.call, model, x, declared, single)
        self.session.add(
            Finding(
                self.src.span(x.node),
                "error",
                code,
                message,
                keras,
                fix_list,
                self._related(model, x),
                {"data": fmt(shape), "expected": fmt(declared)},
            )
        )

    def _report_input_mismatch(
        self, model: Model, x: DataArg, declared: Shape, shape: Shape
    ) -> None:
        first = model.layers[0] if model.layers and isinstance(model.layers[0], Layer) else None
        where = (
            f"Layer '{first.name}' ({first.class_name}) expects"
            if first
            else f"Model '{model.name}' expects"
        )
        message = f"{where} input {fmt(declared)}, but receives {fmt(x.value.shape)} from {x.label}{_axis_detail(declared, shape)}.{_told(x, declared)}"
        found = fmt((None, *x.value.shape[1:]))  # Keras 2 shows the data before any fix-up
        keras = self.version.incompatible(
            0, model.name, f"expected shape={fmt(declared)}, found shape={found}", input_name(model)
        )
        fix_list = fixes.for_input(self.session, self.call, model, x, declared, False)
        self.session.add(
            Finding(
                self.src.span(x.node),
                "error",
                "SS102",
                message,
                keras,
                fix_list,
                self._related(model, x),
                {"data": fmt(x.value.shape), "expected": fmt(declared)},
            )
        )

    def _report_flow_failure(
        self, model: Model, x: DataArg, failure: LayerFailure, declared: Shape | None
    ) -> None:
        layer = failure.layer
        is_first = model.layers[:1] == [layer] or model.kind == "functional"
        where = f"Layer '{layer.name}' ({layer.class_name}) of model '{model.name}'"
        if declared is not None and is_first and failure.code == "SS102":
            detail = _axis_detail(declared, (None, *x.value.shape[1:]))
            message = f"{where} expects input {fmt(declared)}, but receives {fmt(x.value.shape)} from {x.label}{detail}.{_told(x, declared)}"
        else:
            message = f"{where} expects {failure.expected}, but receives {failure.received_text} (from {x.label} {fmt(x.value.shape)}).{_told(x, declared)}"
        fix_list = fixes.for_input(self.session, self.call, model, x, declared, False, failure)
        here = () if layer.foreign else (Related(layer.span, f"layer '{layer.name}' defined here"),)
        related = (*here, *self._related(model, x))
        self.session.add(
            Finding(
                self.src.span(x.node),
                "error",
                failure.code,
                message,
                failure.keras_message,
                fix_list,
                related,
                {"data": fmt(x.value.shape)},
            )
        )


def _told(x: DataArg, declared: Shape | None = None) -> str:
    """Where x came from and, for a pandas Series, how Keras takes it: one column, each
    value a sample (a row `df.iloc[0]` of the model's 5 features is not one sample)."""
    shape = x.value.shape
    if not isinstance(x.value, SeriesFed) or len(shape) != 2 or type(shape[0]) is not int:
        return x.origin
    n = shape[0]
    row = declared is not None and len(declared) == 2 and declared[1] == n
    return (
        f" {x.label} is a pandas Series: Keras takes a Series as one column, so it is fed as "
        f"{n} samples of one value{f', not one sample of {n}' if row else ''}.{x.origin}"
    )


def _axis_detail(expected: Shape | None, got: Shape) -> str:
    if expected is None or len(expected) != len(got):
        return ""
    diffs = [
        (i, e, g)
        for i, (e, g) in enumerate(zip(expected, got, strict=True))
        if type(e) is int and type(g) is int and e != g
    ]
    if not diffs:
        return ""
    i, e, g = diffs[-1]
    axis = "last axis" if i == len(expected) - 1 else f"axis {i}"
    return f": {axis} should be {e}, got {g}"


def _loss_expectation(kind: str, output: Shape) -> str:
    if kind == "sparse":
        return f"expects integer class labels of shape {fmt((None, *output[1:-1]))}"
    if kind == "pointwise":
        return f"needs labels that broadcast against {fmt(output)}"
    return f"expects labels of the same shape {fmt(output)}"
