"""At a fit / evaluate / predict call: was all of it checked, and if not, why, in the words
of the user's code (from the causes silence.py keeps on unknown values); and the per-file
tables built from that (one entry per call; models fully derived, partly, or not)."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .findings import (
    CallInfo,
    CallStatus,
    Finding,
    ModelCoverage,
    ModelStatus,
    Reason,
    Related,
    Span,
)
from .keras import losses
from .keras.graph import run_order
from .keras.ops import LambdaRule
from .output_labels import fully_matched_labels
from .silence import (
    ANALYSIS_LIMIT,
    CUSTOM_LAYER,
    DATA_CONTAINER,
    DATA_FROM_FILE,
    DATA_GENERATOR,
    DATASET_TRANSFORM,
    FUNCTION_PARAMETER,
    LABELS_FROM_DATA,
    MODEL_CHANGED_ON_SOME_PATHS,
    MODEL_FAILS_EARLIER,
    MODEL_FROM_FILE,
    NOT_BUILT,
    NOT_FOUND_IMPORT,
    PATHS_DIFFER,
    PRETRAINED_MODEL,
    SEVERAL_OUTPUTS,
    STALE_FUNCTION,
    STOPPED,
    SUBCLASSED_MODEL,
    UNEXPLAINED,
    UNKNOWN_LAYER_OUTPUT,
    UNKNOWN_LOSS,
    UNKNOWN_SIZE,
    UNMODELLED_CALL,
    USER_CLASS,
    Cause,
    cause_of,
    may_be_model,
)
from .values import (
    UNKNOWN,
    Array,
    Const,
    Dataset,
    Layer,
    ListOf,
    Mapping,
    Model,
    Seq,
    Unknown,
    Value,
)

if TYPE_CHECKING:
    from .session import Session
    from .source import SourceText


# --- at a call --------------------------------------------------------------------------


def receiver_label(src: SourceText, node: ast.Call, fallback: str) -> str:
    """The model as the user's code names it (`net` in `net.fit(...)`)."""
    func = node.func
    return src.segment(func.value, 40) if isinstance(func, ast.Attribute) else fallback


def not_checked(session: Session, model: Model, method: str, node: ast.Call) -> None:
    """A call on a model the checker gave up on (or that already fails where it is built)."""
    if session.report:
        label = receiver_label(session.src, node, model.name)
        record_unchecked(session, node, model.name, method, model_reason(label, model))


def not_followed(
    session: Session, model: Model, method: str, node: ast.Call, why: Unknown, x: Value
) -> None:
    """A call on a user's subclassed model whose `call` could not be followed on this data:
    the class's reason (where `call` stopped), and the data's own when it is not known."""
    if not session.report:
        return
    label = receiver_label(session.src, node, model.name)
    reasons = [model_reason(label, why)]
    if isinstance(x, Unknown) and x.cause is not None:
        reasons.append(x_reason(str(_Label(session.src, node, 0, "x")), x))
    span = session.src.span(node)
    name = f"{model.name}.{method}"
    session.calls.append(CallInfo(span, name, "not checked", (), "unchecked", tuple(reasons)))


def settle(
    session: Session,
    index: int,
    model: Model,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
    stale: bool,
) -> None:
    """The call recorded at `index` (if it was) was checked without error: what was left."""
    if len(session.calls) <= index:
        return
    labels = method in ("fit", "evaluate", "train_on_batch", "test_on_batch")
    status, reasons = call_status(session.src, model, labels, node, args, kwargs, stale)
    session.calls[index] = session.calls[index]._replace(status=status, reasons=reasons)


def record_unchecked(
    session: Session, node: ast.Call, model_name: str, method: str, reason: Reason
) -> None:
    """A call whose model is not known well enough to check anything (hover, statistics)."""
    span = session.src.span(node)
    info = CallInfo(span, f"{model_name}.{method}", "not checked", (), "unchecked", (reason,))
    session.calls.append(info)


def unknown_receiver(session: Session, receiver: Unknown, node: ast.Call) -> None:
    """`net.fit(...)` where `net` is not a model the checker knows: recorded as not checked,
    unless `net` is known to be something else (a scaler, a data generator)."""
    if not session.report or not may_be_model(receiver):
        return
    label = receiver_label(session.src, node, "model")
    method = node.func.attr if isinstance(node.func, ast.Attribute) else "fit"
    record_unchecked(session, node, label, method, model_reason(label, receiver))


def _data_reason(role: str, label: str, value: Value) -> Reason:
    """Why the data `value` (x or y) could not be checked."""
    subject = f"{role} `{label}`"
    if isinstance(value, Unknown):
        return _from_cause(subject, value.cause)
    if isinstance(value, Dataset):
        if not value.batched:
            return Reason(
                DATA_CONTAINER,
                f"{subject} is a tf.data dataset that is not batched here",
                None,
                "unbatched dataset",
            )
        return Reason(
            DATA_CONTAINER,
            f"{subject} is a dataset whose elements are not (x, y) pairs",
            None,
            "dataset elements",
        )
    if isinstance(value, Seq):
        unknowns = [v for v in value.items if isinstance(v, Unknown)]
        if unknowns:
            return _from_cause(subject, unknowns[0].cause)
        return Reason(
            DATA_CONTAINER,
            f"{subject} is a Python {'list' if value.is_list else 'tuple'}, not one array",
            None,
            "sequence",
        )
    if isinstance(value, ListOf):
        # what Keras raises depends on how many items there are (none, one, several)
        count = "a length not known" if value.count is None else f"{value.count} items"
        return Reason(
            DATA_CONTAINER,
            f"{subject} is a Python list grown by append ({count}), not one array: Keras takes"
            " a list as one array per input",
            None,
            "grown list",
        )
    if isinstance(value, Mapping):
        return Reason(DATA_CONTAINER, f"{subject} is a dict of arrays", None, "dict")
    if isinstance(value, Array) and value.dtype == "object":
        return Reason(
            DATA_CONTAINER,
            f"{subject} is an array of Python objects (rows of different lengths)",
            value.origin,
            "object array",
        )
    if isinstance(value, Const):
        return Reason(DATA_CONTAINER, f"{subject} is a constant, not an array", None, "constant")
    return Reason(DATA_CONTAINER, f"{subject} is not an array", None, type(value).__name__)


_WHY = {
    DATA_FROM_FILE: "its shape depends on the file",
    DATA_GENERATOR: "a generator's batches are not followed",
    DATASET_TRANSFORM: "the elements after this transformation are not followed",
    UNMODELLED_CALL: "ShapeSense does not model this call",
    PRETRAINED_MODEL: "pretrained models are not built by ShapeSense",
    MODEL_FROM_FILE: "a model loaded from a file is not known before it runs",
    FUNCTION_PARAMETER: "the function is checked without a caller's arguments",
    PATHS_DIFFER: "it differs between the paths of an if, loop or try",
    ANALYSIS_LIMIT: "ShapeSense stopped following calls there (depth or budget)",
    NOT_FOUND_IMPORT: "the module is not found in the project",
}


def _from_cause(subject: str, cause: Cause | None) -> Reason:
    if cause is None:
        return Reason(UNEXPLAINED, f"{subject}: its shape is not known", None, "")
    if cause.code == SUBCLASSED_MODEL:
        text = f"{subject} is {_instance(cause)}, a subclassed model{_stopped(cause)}"
    elif cause.code == CUSTOM_LAYER:
        text = f"{subject} goes through {_instance(cause)}, a custom layer{_stopped(cause)}"
    elif cause.code == USER_CLASS:
        text = f"{subject} comes from {_instance(cause)}: the attributes of the user's classes are not followed"
    elif cause.code == PATHS_DIFFER and subject.startswith("model"):
        text = f"{subject} is built from {cause.what}, which {_WHY[PATHS_DIFFER]}"
    elif cause.code == PATHS_DIFFER:
        text = f"{subject} is {cause.what}, which {_WHY[PATHS_DIFFER]}"
    elif cause.code == UNKNOWN_LAYER_OUTPUT:
        text = f"{subject} depends on {cause.what}, whose output ShapeSense does not know"
    elif cause.code == DATA_CONTAINER:
        text = f"{subject} is built on {cause.what}, which ShapeSense does not follow"
    elif cause.code == NOT_FOUND_IMPORT and cause.key == "undefined name":
        text = f"{subject} comes from {cause.what}, a name this file does not define (a `*` import is not followed)"
    elif cause.code == FUNCTION_PARAMETER:
        text = f"{subject} comes from {cause.what}: {_WHY[FUNCTION_PARAMETER]}"
    elif cause.code == PRETRAINED_MODEL and cause.detail:  # a backbone this Keras lacks
        text = f"{subject} comes from `{cause.what}`: {cause.detail}"
    else:
        why = _WHY.get(cause.code, "its shape is not known")
        text = f"{subject} comes from `{cause.what}`: {why}"
    return Reason(cause.code, text, cause.span, cause.key)


def _stopped(cause: Cause) -> str:
    """How much of a user's class was followed: its `call` ran and stopped (where), or not."""
    if not cause.detail:
        return ": its `call` is not followed"
    where = "" if cause.detail == STOPPED else f" ({cause.detail})"
    return f" whose `call` could not be followed{where}"


def _instance(cause: Cause) -> str:
    return cause.what if cause.what.startswith("an instance") else f"an instance of {cause.what}"


def model_reason(label: str, model: Value) -> Reason:
    """Why the model of a call is not known well enough to check it."""
    subject = f"model `{label}`"
    if isinstance(model, Model):
        if model.broken:
            return Reason(
                MODEL_FAILS_EARLIER, f"{subject} already fails where it is built", model.span, ""
            )
        cause = model.opaque_cause
        if isinstance(cause, Cause):
            if cause.code == MODEL_CHANGED_ON_SOME_PATHS:
                return Reason(cause.code, f"{subject}: {cause.what}", cause.span, cause.key)
            return _from_cause(subject, cause)
        return Reason(UNEXPLAINED, f"{subject}: its layers are not known", model.span, "")
    return _from_cause(subject, cause_of(model))


def x_reason(label: str, value: Value) -> Reason:
    return _data_reason("x", label, value)


def y_reason(label: str, value: Value) -> Reason:
    return _data_reason("y", label, value)


def size_reason(role: str, label: str, value: Array) -> Reason:
    if role == "y" and any("to_categorical" in step for step in value.trace):
        return Reason(
            LABELS_FROM_DATA,
            f"labels `{label}` depend on the data (`to_categorical` without `num_classes`)",
            value.origin,
            "to_categorical",
        )
    origin = f" (from {value.trace[0]})" if value.trace else ""
    return Reason(
        UNKNOWN_SIZE, f"the shape of {role} `{label}` is not fully known{origin}", value.origin, ""
    )


def layer_output_reason(model: Model) -> Reason | None:
    """The first layer (in order) whose output shape is not known: where the flow stopped."""
    for layer in run_order(model):
        why = (
            layer.rule.unknown_why()
            if isinstance(layer, Layer) and isinstance(layer.rule, LambdaRule)
            else None
        )
        if why is not None and isinstance(layer, Layer):  # where the Lambda's function stopped
            return Reason(
                UNKNOWN_LAYER_OUTPUT,
                f"the output of layer '{layer.name}' (Lambda) is not known: its function uses `{why.what}`",
                why.span or layer.span,
                why.key or "Lambda",
            )
        if isinstance(layer, Layer) and layer.rule is None:
            return Reason(
                UNKNOWN_LAYER_OUTPUT,
                f"the output of layer '{layer.name}' ({layer.class_name}) is not known to ShapeSense",
                layer.span,
                layer.class_name,
            )
    return None


def loss_reason(model: Model) -> Reason:
    return Reason(
        UNKNOWN_LOSS,
        f"the loss of model `{model.name}` is not one ShapeSense knows: labels are not checked",
        None,
        "",
    )


class _Label:
    """The text of an argument, for a reason's message: read only when a reason is made."""

    def __init__(
        self, src: SourceText, node: ast.Call, index: int, name: str, suffix: str = ""
    ) -> None:
        self.src, self.node, self.index, self.name, self.suffix = src, node, index, name, suffix

    def __str__(self) -> str:
        arg = node_arg(self.node, self.index, self.name)
        return (self.src.segment(arg, 40) if arg is not None else self.name) + self.suffix


def node_arg(node: ast.Call, index: int, name: str) -> ast.expr | None:
    """The expression given for a parameter, by position (none after a `*args`) or keyword."""
    if len(node.args) > index and not any(isinstance(a, ast.Starred) for a in node.args):
        return node.args[index]
    return next((k.value for k in node.keywords if k.arg == name), None)


def call_status(
    src: SourceText,
    model: Model,
    labels: bool,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
    stale: bool,
) -> tuple[CallStatus, tuple[Reason, ...]]:
    """After a call was checked without error: was all of it checked, and if not, why."""
    if stale:
        text = f"Keras runs the function it compiled for model `{model.name}` before the model changed; its shapes there are not followed"
        return "unchecked", (Reason(STALE_FUNCTION, text, None, ""),)
    x_val = args[0] if args else kwargs.get("x", UNKNOWN)
    y_val: Value | None = args[1] if len(args) > 1 else kwargs.get("y")
    x_label, y_label = _Label(src, node, 0, "x"), _Label(src, node, 1, "y")
    if isinstance(x_val, Dataset) and x_val.batched and len(x_val.element) == 2:
        x_val, y_val = x_val.element
        x_label, y_label = (
            _Label(src, node, 0, "x", " (its inputs)"),
            _Label(src, node, 0, "x", " (its labels)"),
        )
    elif isinstance(x_val, Dataset) and x_val.batched and len(x_val.element) == 1:
        x_val, y_val = x_val.element[0], None
    reasons: list[Reason] = []
    arrays: list[tuple[object, Array]] = []
    if len(model.inputs) > 1:
        items = (
            list(x_val.items)
            if isinstance(x_val, Seq)
            else [v for _, v in x_val.items]
            if isinstance(x_val, Mapping)
            else None
        )
        if items is None:
            reasons.append(x_reason(str(x_label), x_val))
        for index, item in enumerate(items or ()):
            label = f"{x_label}[{index}]"
            if isinstance(item, Array) and item.dtype != "object":
                arrays.append((label, item))
            else:
                reasons.append(x_reason(label, item))
    elif isinstance(x_val, Array) and x_val.dtype != "object":
        arrays.append((x_label, x_val))
    else:
        reasons.append(x_reason(str(x_label), x_val))
    if reasons:
        return "unchecked", tuple(reasons)
    for named, array in arrays:
        if any(type(d) is not int for d in array.shape[1:]):
            reasons.append(size_reason("x", str(named), array))
    output = model.output_shape
    y_node = node_arg(node, 1, "y")
    if (
        labels
        and len(model.outputs) > 1
        and y_val is not None
        and fully_matched_labels(src, model, y_val, y_node)
    ):
        return ("partial" if reasons else "checked"), tuple(reasons)  # each output's labels
    if not isinstance(output, tuple) or (
        model.kind == "sequential" and model.declared_input is None
    ):
        reasons.append(
            layer_output_reason(model)
            or (
                Reason(
                    SEVERAL_OUTPUTS,
                    f"model `{model.name}` has several outputs: their labels are not checked",
                    None,
                    "",
                )
                if len(model.outputs) > 1
                else Reason(
                    UNKNOWN_LAYER_OUTPUT,
                    f"the output shape of model `{model.name}` is not known",
                    model.span,
                    "",
                )
            )
        )
    if labels and y_val is not None and not (isinstance(y_val, Const) and y_val.value is None):
        if not isinstance(y_val, Array) or y_val.dtype == "object":
            reasons.append(y_reason(str(y_label), y_val))
        elif any(type(d) is not int for d in y_val.shape[1:]):
            reasons.append(size_reason("y", str(y_label), y_val))
        elif model.loss is not None and not _known_loss(model.loss):
            reasons.append(loss_reason(model))
    return ("partial" if reasons else "checked"), tuple(reasons)


def _known_loss(loss: Value) -> bool:
    if isinstance(loss, Const) and loss.value is None:
        return True  # not compiled: nothing to check against
    return isinstance(loss, Const) and isinstance(loss.value, str) and loss.value in losses.KINDS


# --- per file: one entry per call, findings when asked for, models ----------------------

_RANK = {"checked": 0, "partial": 1, "unchecked": 2}


def per_call(calls: list[CallInfo]) -> list[CallInfo]:
    """One entry per call in the text (a call in a loop or a function is checked more than
    once): the most complete of its checks."""
    best: dict[Span, CallInfo] = {}
    for call in calls:
        kept = best.get(call.span)
        if kept is None or _RANK[call.status] < _RANK[kept.status]:
            best[call.span] = call
    return sorted(best.values(), key=lambda c: (c.span.line, c.span.column))


def explain(call: CallInfo) -> str:
    lead = "Not checked" if call.status == "unchecked" else "Partly checked"
    return f"{lead}: " + "; ".join(r.message for r in call.reasons) + "."


def findings(calls: list[CallInfo]) -> list[Finding]:
    """SS300 (information, only when asked for): each call not fully checked, and why."""
    out = []
    for call in per_call(calls):
        if call.status == "checked":
            continue
        related = tuple(
            Related(r.span, f"the cause ({r.code})")
            for r in call.reasons
            if r.span is not None and r.span != call.span
        )
        out.append(Finding(call.span, "information", "SS300", explain(call), related=related))
    return out


MODEL_CAUSES = (SUBCLASSED_MODEL, PRETRAINED_MODEL, MODEL_FROM_FILE, USER_CLASS)


def models(built: list[Model], calls: list[CallInfo]) -> list[ModelCoverage]:
    """Each model of the file: every layer's shape derived ("full"), some ("partial"), or
    none ("none"), with why; models the checker never built (a subclassed model, a pretrained
    backbone) are counted from the calls made on them."""
    return built_models(built) + called_models(calls)


def built_models(built: list[Model]) -> list[ModelCoverage]:
    out = []
    status: ModelStatus
    for model in built:
        if model.foreign:
            continue
        if model.opaque:
            status, reason = "none", model_reason(model.name, model)
        elif model.broken:
            status, reason = "full", None  # derived up to where Keras fails
        elif model.kind == "sequential" and model.declared_input is None:
            what = f"model `{model.name}` has no input shape and is not built by a call ShapeSense could check"
            status, reason = "none", Reason(NOT_BUILT, what, model.span, "")
        else:
            reason = layer_output_reason(model)
            known = isinstance(model.output_shape, tuple) or (
                len(model.outputs) > 1 and all(t.shape is not None for t in model.outputs)
            )
            status = "full" if reason is None and known else "partial"
            if status == "partial" and reason is None:
                what = f"the output shape of model `{model.name}` is not known"
                reason = Reason(UNKNOWN_LAYER_OUTPUT, what, model.span, "")
        out.append(ModelCoverage(model.span, model.name, status, reason))
    return out


def called_models(calls: list[CallInfo]) -> list[ModelCoverage]:
    """The models only known from the calls made on them, in the order of the calls."""
    out = []
    seen: set[tuple[object, ...]] = set()
    for call in per_call(calls):
        reason = call.reasons[0] if call.reasons else None
        if call.trace or reason is None or reason.code not in MODEL_CAUSES:
            continue
        key = (reason.code, reason.span, reason.key)
        if key not in seen:
            seen.add(key)
            out.append(ModelCoverage(reason.span or call.span, call.name, "none", reason))
    return out
