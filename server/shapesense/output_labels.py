"""Labels of a model with several outputs (`keras.Model(inp, [gender, emotion])`, or
`outputs={"cls": ..., "reg": ...}`): a list or tuple with one array per output, in the order
of the outputs, or a dict keyed by the outputs' names; each is held to its own output with
the loss given for it (`loss=[...]`, `loss={name: ...}` or one loss for all).

Only what Keras 2 and 3 agree on is matched: labels of another structure (too few, one array
for two outputs, a list for a dict of outputs), a key naming no output and an output with an
automatic name stay unmatched, so the call is only partly checked (silence, never a guess).
"""

from __future__ import annotations

import ast
from typing import NamedTuple

from .keras import losses
from .source import SourceText
from .values import Array, Const, Layer, Mapping, Model, Seq, Value


class OutputLabels(NamedTuple):
    """The labels of one output."""

    output: int  # which of model.outputs
    name: str | None  # the output's name, if Keras's is known
    value: Array
    node: ast.expr  # where they are written (the whole `y` when not written out)
    label: str  # as the user's code names them
    loss: str | None  # the loss's name (`categorical_crossentropy`), None if not known


def output_names(model: Model) -> list[str | None]:
    """Each output's name as Keras keys labels and losses by it: the key of a dict of outputs,
    else the explicit `name=` of the layer making it (an automatic name depends on every layer
    made before it in the process: not matched)."""
    if model.output_keys is not None:
        return list(model.output_keys)
    names: list[str | None] = []
    for tensor in model.outputs:
        layer = tensor.node.layer if tensor.node is not None else None
        given = layer.args.values.get("name") if isinstance(layer, Layer) else None
        names.append(given if isinstance(given, str) else None)
    return names


def _loss_name(value: Value | None) -> str | None:
    if isinstance(value, Const) and isinstance(value.value, str):
        return value.value
    return None


def losses_per_output(model: Model, names: list[str | None]) -> list[str | None]:
    """The loss of each output, by name (None: not known, or none given for it)."""
    loss = model.loss
    count = len(model.outputs)
    if isinstance(loss, Seq) and len(loss.items) == count:
        return [_loss_name(item) for item in loss.items]
    if isinstance(loss, Mapping):
        given = dict(loss.items)
        return [_loss_name(given.get(name)) if name is not None else None for name in names]
    return [_loss_name(loss)] * count


def match(src: SourceText, model: Model, y: Value, y_node: ast.expr | None) -> list[OutputLabels]:
    """The labels of each output that can be placed, in the order of the outputs."""
    if y_node is None or len(model.outputs) < 2:
        return []
    names = output_names(model)
    loss_names = losses_per_output(model, names)
    found: list[OutputLabels] = []
    if isinstance(y, Seq) and model.output_keys is None:
        if len(y.items) != len(model.outputs):
            return []
        elements = y_node.elts if isinstance(y_node, (ast.List, ast.Tuple)) else None
        if elements is not None and (
            len(elements) != len(y.items) or any(isinstance(e, ast.Starred) for e in elements)
        ):
            elements = None
        for index, item in enumerate(y.items):
            node = elements[index] if elements else y_node
            label = src.segment(node, 40) if elements else f"{src.segment(y_node, 40)}[{index}]"
            if isinstance(item, Array) and item.dtype != "object":
                found.append(
                    OutputLabels(index, names[index], item, node, label, loss_names[index])
                )
    elif isinstance(y, Mapping):
        given = dict(y.items)
        for index, name in enumerate(names):
            labels = given.get(name) if name is not None else None
            if name is None or not isinstance(labels, Array) or labels.dtype == "object":
                continue
            written = dict_value(y_node, name)
            label = (
                src.segment(written, 40)
                if written is not None
                else f"{src.segment(y_node, 40)}[{name!r}]"
            )
            found.append(
                OutputLabels(index, name, labels, written or y_node, label, loss_names[index])
            )
    return found


def fully_matched_labels(src: SourceText, model: Model, y: Value, y_node: ast.expr | None) -> bool:
    """Every output has labels and a loss whose shape rules are known."""
    placed = match(src, model, y, y_node)
    return len(placed) == len(model.outputs) and all(
        p.loss in losses.KINDS and isinstance(model.outputs[p.output].shape, tuple) for p in placed
    )


def dict_value(node: ast.expr, key: str) -> ast.expr | None:
    """The expression for `key` in a dict literal (the last one, as Python keeps)."""
    if not isinstance(node, ast.Dict):
        return None
    found = None
    for k, value in zip(node.keys, node.values, strict=True):
        if isinstance(k, ast.Constant) and k.value == key:
            found = value
    return found
