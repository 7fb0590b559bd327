"""Quick fixes as text edits. Every fix offered is first re-checked on the shapes it would
produce (recheck.py), so a fix is only offered when the propagator agrees it removes the error
(analysis.py then re-checks the whole fixed file, and the oracle runs it under real Keras)."""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .findings import Fix, Span, TextEdit
from .keras import losses
from .recheck import CallData, DataArg, sigmoid_output, would_pass
from .session import Session
from .shapes import Shape, fmt, is_known, numel
from .source import SourceText
from .values import Model, Ref, SeriesFed

if TYPE_CHECKING:
    from .keras.graph import LayerFailure

SIMPLE_EXPRESSIONS = (ast.Name, ast.Attribute, ast.Subscript, ast.Call)


def _dims(shape: Shape) -> str:
    return ", ".join(str(d) for d in shape)


def _numpy(session: Session) -> tuple[str, tuple[TextEdit, ...]]:
    """The module's numpy alias, or `np` plus an edit that imports it."""
    alias = session.numpy_alias
    if alias:
        return alias, ()
    return "np", (TextEdit(import_position(session.tree, session.src), "import numpy as np\n"),)


def import_position(tree: ast.Module, source: SourceText | None = None) -> Span:
    """Where `import numpy as np` goes: after a docstring and `from __future__` imports. With
    `source`, in the virtual number of that line of its text (source.LineMap)."""
    line = 0
    for i, stmt in enumerate(tree.body):
        is_docstring = (
            i == 0
            and isinstance(stmt, ast.Expr)
            and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str)
        )
        is_future = isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__"
        if is_docstring or is_future:
            line = stmt.end_lineno or stmt.lineno
        else:
            break
    if source is not None and source.map is not None:
        line = source.map.at(0 if line == 0 else source.line_of(line - 1) + 1)
    return Span(line, 0, line, 0)


def wrap(session: Session, node: ast.expr, template: str) -> TextEdit:
    """The expression rewritten by `template`: `{x}` is its text, `{paren}` its text in
    parentheses unless it is a name, attribute, subscript or call (`(a + b).reshape(...)`)."""
    text = session.src.text_of(session.src.span(node))
    if "{paren}" in template:
        inner = text if isinstance(node, SIMPLE_EXPRESSIONS) else f"({text})"
        return TextEdit(session.src.span(node), template.format(paren=inner))
    return TextEdit(session.src.span(node), template.format(x=text))


def _wrap(session: Session, data: DataArg, template: str) -> TextEdit:
    return wrap(session, data.node, template)


@dataclass(frozen=True)
class InputSlot:
    """One input of a model with several: its name for titles, where its declared shape is
    written, and a re-check of the whole call with this input's data (and, if given, its
    declared shape) replaced."""

    name: str
    span: Span | None
    passes: Callable[[Shape, Shape | None], bool]


def as_objects(session: Session, strings: DataArg) -> Fix:
    """Keras 3 takes strings as an array of Python objects (SS203)."""
    edit = _wrap(session, strings, "{paren}.astype(object)")
    return Fix(f"Pass `{strings.label}` as an array of Python objects: `{edit.new_text}`", (edit,))


def to_dense(session: Session, node: ast.expr) -> Fix:
    """A scipy sparse matrix as an array (SS205)."""
    edit = wrap(session, node, "{paren}.toarray()")
    return Fix(f"Pass the labels as an array: `{edit.new_text}`", (edit,), preferred=True)


def stacked(session: Session, node: ast.expr) -> Fix:
    """A Python list of equally shaped arrays as one array of samples (SS201)."""
    np, imports = _numpy(session)
    edit = wrap(session, node, f"{np}.array({{x}})")
    return Fix(f"Stack the list into one array: `{edit.new_text}`", (edit, *imports), True)


def channel_axis(session: Session, images: DataArg) -> Fix:
    """Grayscale images (samples, height, width) given a channel axis of 1."""
    np, imports = _numpy(session)
    edit = _wrap(session, images, f"{np}.expand_dims({{x}}, -1)")
    return Fix(f"Add a channel axis: `{edit.new_text}`", (edit, *imports), preferred=True)


def for_input(
    session: Session,
    call: CallData,
    model: Model,
    x: DataArg,
    declared: Shape | None,
    single: bool,
    failure: LayerFailure | None = None,
    slot: InputSlot | None = None,
) -> tuple[Fix, ...]:
    """Fixes for data that does not fit the model's input (or `slot`, one of its inputs)."""
    shape = x.value.shape
    slot = slot or InputSlot(
        "the model's input",
        model.input_span,
        lambda new_shape, new_declared: _call_passes(
            session, call, model, shape, new_shape, new_declared
        ),
    )
    if (row := _series_row(session, x, declared)) is not None:
        # a Series of the model's features is one sample, not a column: give it its batch
        # axis (no expand_dims, no input of one feature: not what is meant)
        title, edits, one_row = row
        return (Fix(title, edits, preferred=True),) if slot.passes(one_row, None) else ()
    candidates: list[tuple[str, tuple[TextEdit, ...], Shape | None, Shape | None]] = []
    np_name, np_import = _numpy(session)
    if single and x.editable:
        candidates.append(
            (
                f"Add a batch axis: np.expand_dims({x.label}, 0) → {fmt((1, *shape))}",
                (*np_import, _wrap(session, x, f"{np_name}.expand_dims({{x}}, 0)")),
                (1, *shape),
                None,
            )
        )
    if x.editable:
        candidates.append(
            (
                f"Add a channel axis: np.expand_dims({x.label}, -1) → {fmt((*shape, 1))}",
                (*np_import, _wrap(session, x, f"{np_name}.expand_dims({{x}}, -1)")),
                (*shape, 1),
                None,
            )
        )
    if (
        x.editable
        and declared is not None
        and is_known(declared[1:])
        and shape
        and is_known(shape[1:])
        and numel(shape[1:]) == numel(declared[1:])
        and tuple(shape[1:]) != tuple(declared[1:])
    ):
        target = (shape[0], *declared[1:])
        candidates.append(
            (
                f"Reshape {x.label} to {fmt(target)}: .reshape(-1, {_dims(declared[1:])})",
                (_wrap(session, x, f"{{paren}}.reshape(-1, {_dims(declared[1:])})"),),
                target,
                None,
            )
        )
    # The declared shape is only editable here when the model is defined in this file.
    if (
        declared is not None
        and slot.span is not None
        and not model.foreign
        and shape
        and is_known(shape[1:])
    ):
        new_input = (None, *shape[1:])
        span_text = session.src.text_of(slot.span)
        if span_text.lstrip().startswith(("(", "[")):
            replacement = f"({_dims(shape[1:])}{',' if len(shape) == 2 else ''})"
        elif len(shape) == 2:
            replacement = str(shape[1])  # input_dim=...
        else:
            replacement = ""
        if replacement:
            candidates.append(
                (
                    f"Change {slot.name} shape to {fmt(shape[1:])}",
                    (TextEdit(slot.span, replacement),),
                    shape,
                    new_input,
                )
            )
    fixes: list[Fix] = []
    for title, edits, new_shape, new_declared in candidates:
        if new_shape is not None and slot.passes(new_shape, new_declared):
            fixes.append(Fix(title, edits, preferred=not fixes))
    return tuple(fixes)


def _series_row(
    session: Session, x: DataArg, declared: Shape | None
) -> tuple[str, tuple[TextEdit, ...], Shape] | None:
    """A pandas Series of as many values as the model has features, fed as that many samples
    (SeriesFed): the row as one sample, `df.iloc[[i]]` where it is written `df.iloc[i]`,
    else `.to_numpy().reshape(1, -1)`."""
    shape = x.value.shape
    n = shape[0] if shape else None
    if (
        not isinstance(x.value, SeriesFed)
        or not x.editable
        or declared is None
        or len(declared) != 2
        or type(n) is not int
        or declared[1] != n
    ):
        return None
    node = x.node
    if (
        isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "iloc"
        and not isinstance(node.slice, (ast.Slice, ast.Tuple, ast.List))
    ):
        frame = session.src.text_of(session.src.span(node.value))
        index = session.src.text_of(session.src.span(node.slice))
        edit = TextEdit(session.src.span(node), f"{frame}[[{index}]]")
        return f"Pass the row as a one-row frame: {edit.new_text} → (1, {n})", (edit,), (1, n)
    edit = _wrap(session, x, "{paren}.to_numpy().reshape(1, -1)")
    return f"Pass the row as one sample: {edit.new_text} → (1, {n})", (edit,), (1, n)


def _call_passes(
    session: Session,
    call: CallData,
    model: Model,
    shape: Shape,
    new_shape: Shape,
    new_declared: Shape | None,
) -> bool:
    """The call passes with `new_shape` for x (of `shape`) and, if given, a new declared input,
    which every other x at the call then meets too."""
    if not would_pass(session, call, model, new_shape, call.labels, new_declared):
        return False
    others = [(sx, sy) for sx, sy in call.pairs if sx != shape]
    return new_declared is None or all(
        would_pass(session, call, model, sx, sy, new_declared) for sx, sy in others
    )


def for_labels(
    session: Session,
    call: CallData,
    model: Model,
    y: DataArg,
    output: Shape,
    kind: str,
    problem: str,
) -> tuple[Fix, ...]:
    fixes: list[Fix] = []
    shape = y.value.shape
    classes = output[-1]
    version = session.version
    sigmoid = sigmoid_output(model)

    def loss_fix(new_loss: str) -> Fix | None:
        node = model.loss_node
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            return None
        if (
            losses.check(
                losses.KINDS[new_loss], shape, output, version, sigmoid, call.step_batch(shape)
            )
            is not None
        ):
            return None
        quote = session.src.text_of(session.src.span(node))[:1]
        quote = quote if quote in ("'", '"') else "'"
        return Fix(
            f"Use loss '{new_loss}'",
            (TextEdit(session.src.span(node), f"{quote}{new_loss}{quote}"),),
        )

    if kind == "categorical" and classes is not None and (len(shape) == 1 or shape[-1] == 1):
        keras_path = _keras_path(session) if y.editable else None
        onehot = (shape[0], classes)
        if (
            keras_path
            and losses.check(kind, onehot, output, version, sigmoid, call.step_batch(shape)) is None
        ):
            fixes.append(
                Fix(
                    f"One-hot encode: to_categorical({y.label}, {classes})",
                    (_wrap(session, y, f"{keras_path}.utils.to_categorical({{x}}, {classes})"),),
                )
            )
        fix = loss_fix("sparse_categorical_crossentropy")
        if fix:
            fixes.append(fix)
    elif kind == "sparse" and len(shape) >= 2 and shape[-1] == classes:
        fix = loss_fix("categorical_crossentropy")
        if fix:
            fixes.append(fix)
        if y.editable and (
            losses.check(kind, shape[:-1], output, version, sigmoid, call.step_batch(shape)) is None
        ):
            fixes.append(
                Fix(
                    f"Turn one-hot labels into class ids: {y.label}.argmax(axis=-1)",
                    (_wrap(session, y, "{paren}.argmax(axis=-1)"),),
                )
            )
    return tuple(Fix(f.title, f.edits, preferred=(i == 0)) for i, f in enumerate(fixes))


def _keras_path(session: Session) -> str | None:
    """How this module spells `keras`: `keras`, `tf.keras`, ... (None if it never imports it)."""
    for name, value in session.global_names().items():
        if isinstance(value, Ref):
            if value.name == "keras" or value.name == "tensorflow.keras":
                return name
            if value.name == "tensorflow":
                return f"{name}.keras"
    return None
