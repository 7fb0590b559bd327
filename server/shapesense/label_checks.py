"""The labels of a call against the model's outputs, with each output's loss (placed by
output_labels.py when there are several): the last check of fit / evaluate, after the data
went through the model (checks.py, several_inputs.py)."""

from __future__ import annotations

from . import output_labels
from .call_reports import CallReports
from .keras import losses
from .keras.graph import Node
from .recheck import DataArg, sigmoid_output
from .shapes import Shape
from .values import Const, Model


class LabelChecks(CallReports):
    """The label checks of the call being checked (checks.CallChecker is one)."""

    def _labels_of_outputs(self, model: Model) -> list[DataArg]:
        """The label arrays of a model of several outputs (a dict or list, placed as
        output_labels.py places them): Keras counts their rows with the inputs' (measured,
        Keras 3.15 and tf_keras 2.21: dict data and dict labels of 24 and 27 rows raise)."""
        if self.labels is None or len(model.outputs) < 2:
            return []
        return [
            DataArg(placed.value, placed.node, placed.label)
            for placed in output_labels.match(self.src, model, *self.labels)
            if placed.value.shape
        ]

    def _check_output_labels(self, model: Model, outputs: list[object]) -> bool:
        """Several outputs: each one's labels (placed by output_labels.py) against it, with
        its own loss, in the order of the outputs (Keras stops at the first that fails)."""
        if self.labels is None:
            return False
        for placed in output_labels.match(self.src, model, *self.labels):
            output = outputs[placed.output]
            kind = losses.KINDS.get(placed.loss or "")
            if kind is None or not isinstance(output, tuple):
                continue
            y = DataArg(placed.value, placed.node, placed.label)
            layer = model.outputs[placed.output].node
            sigmoid = (
                isinstance(layer, Node)
                and getattr(layer.layer, "activation", None) in losses.LOGITS_ACTIVATIONS
            )
            mismatch = losses.check(
                kind,
                y.value.shape,
                output,
                self.version,
                sigmoid,
                self.call.step_batch(y.value.shape),
            )
            if mismatch is not None:
                self._report_output_labels(model, placed, output, y, kind, mismatch)
                return True
        return False

    def _check_labels(self, model: Model, output: Shape, y: DataArg) -> bool:
        loss_name = (
            model.loss.value
            if isinstance(model.loss, Const) and isinstance(model.loss.value, str)
            else None
        )
        kind = losses.KINDS.get(loss_name or "")
        if kind is None:
            return False
        mismatch = losses.check(
            kind,
            y.value.shape,
            output,
            self.version,
            sigmoid_output(model),
            self.call.step_batch(y.value.shape),
        )
        if mismatch is None:
            return False
        self._report_labels(model, output, y, loss_name, kind, mismatch)
        return True
