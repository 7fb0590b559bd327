"""Weights and statistics given by value: `Normalization.adapt(data)`, `Embedding(input_dim, output_dim, weights=[matrix])` and
`layer.set_weights([...])`, held to the shapes the catalog gives the layer's weights
(`LayerRule.weight_shapes`). Keras checks the count, then each shape in order, in words that
differ slightly between versions (measured with Keras 3.15 and tf_keras 2.21). Keras 3 sets an
Embedding's `weights=` in its constructor; Keras 2 when the layer is built (its first call)."""

from __future__ import annotations

import ast
import dataclasses

from ..findings import Finding
from ..keras.layers import Args, Opaque
from ..session import Session
from ..shapes import Shape, fmt
from ..values import UNKNOWN, Array, Const, Layer, Seq, Value
from .registry import REGISTRY, InPlace

CODE = "SS111"
# adapt() changes a layer in place: the name holding it holds the adapted layer from then on
REGISTRY.mutable.add(Layer)


def _given_shapes(value: Value) -> list[Shape] | None:
    """The shapes of a list of arrays, each one known; else None."""
    if not isinstance(value, Seq) or not value.items:
        return None
    shapes = []
    for item in value.items:
        if not isinstance(item, Array) or any(type(d) is not int for d in item.shape):
            return None
        shapes.append(tuple(item.shape))
    return shapes


def mismatch(
    session: Session, layer: Layer, expected: list[Shape], given: list[Shape]
) -> str | None:
    """What Keras's set_weights raises for these weights, or None where it takes them."""
    if len(expected) != len(given):
        quote = f"'{layer.name}'" if session.version.major >= 3 else f'"{layer.name}"'
        return (
            f"You called `set_weights(weights)` on layer {quote} with a weight list of length "
            f"{len(given)}, but the layer was expecting {len(expected)} weights."
        )
    for want, got in zip(expected, given, strict=True):
        if want != got:
            return (
                f"Layer {layer.name} weight shape {fmt(want)} is not compatible with provided "
                f"weight shape {fmt(got)}."
            )
    return None


def _built_on(session: Session, layer: Layer) -> Shape | None:
    """The input shape the layer was built on, where the analysis saw it built."""
    runs = [session.functional_run, *(m.built_run for m in session.models.values())]
    for run in runs:
        shape = getattr(run, "built_inputs", {}).get(layer.uid)
        if shape is not None:
            return shape
    return None


def _expected(layer: Layer, built_on: Shape | None) -> list[Shape] | None:
    rule = layer.rule
    if rule is None or rule.weight_shapes is None:
        return None
    try:
        return rule.weight_shapes(built_on, layer.args)
    except (Opaque, TypeError, ValueError, IndexError):  # an argument it cannot read
        return None


def constructor_weights(session: Session, layer: Layer, node: ast.Call, given: Value) -> Value:
    """`weights=` of an Embedding: Keras 3 raises here; Keras 2 keeps them for its build, so
    the catalog's rule raises where the layer is built."""
    shapes = _given_shapes(given)
    if layer.class_name != "Embedding" or shapes is None:
        return layer
    expected = _expected(layer, None)
    message = mismatch(session, layer, expected, shapes) if expected else None
    if message is None:
        return layer
    if session.version.major >= 3:
        _report(session, node, layer, message)
        return UNKNOWN  # the program stops here
    expected_text = ", ".join(fmt(w) for w in expected or [])
    given_text = ", ".join(fmt(w) for w in shapes)
    needed = f"weights of shape {expected_text} (weights= gives {given_text})"
    values = {**layer.args.values, "weights_error": (message, needed)}
    return dataclasses.replace(layer, args=Args((), [], values))


@REGISTRY.method(Layer, "set_weights")
def set_weights(
    session: Session,
    layer: Layer,
    name: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    shapes = _given_shapes(args[0] if args else kwargs.get("weights", UNKNOWN))
    built_on = _built_on(session, layer)
    if shapes is None or built_on is None:
        return Const(None)  # a layer not seen built: Keras may expect no weights yet
    expected = _expected(layer, built_on)
    if expected is not None and (message := mismatch(session, layer, expected, shapes)):
        _report(session, node, layer, message)
    return Const(None)


@REGISTRY.method(Layer, "adapt")
def adapt(
    session: Session,
    layer: Layer,
    name: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """Normalization.adapt(array): the statistics take the data's sizes (the catalog's rule
    checks later calls against them). Other data (a dataset, a frame) leaves the layer as is."""
    data = args[0] if args else kwargs.get("data", UNKNOWN)
    if layer.class_name != "Normalization" or not isinstance(data, Array):
        return UNKNOWN
    shape = tuple(data.shape)
    if len(shape) < 2 or any(type(d) is not int for d in shape[1:]):
        return UNKNOWN  # Keras 2 refuses 1-D data there; Keras 3 reshapes it
    if (refused := _adapt_refused(session, layer, shape)) is not None:
        session.add(Finding(session.src.span(node), "error", "SS103", *refused))
        return UNKNOWN
    values = {**layer.args.values, "adapted_on": shape}
    return InPlace(Const(None), dataclasses.replace(layer, args=Args((), [], values)))


def _adapt_refused(session: Session, layer: Layer, data: Shape) -> tuple[str, str] | None:
    """A Normalization already built raises in adapt on data whose kept axes differ from
    the sizes it was built on, each version in its words (measured with Keras 3.15 and tf_keras
    2.21)."""
    built = _built_on(session, layer)
    try:
        axis = layer.args.get("axis", -1)
    except Opaque:
        return None
    if built is None or axis is None or len(built) != len(data):
        return None
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    if not all(isinstance(ax, int) for ax in axes):
        return None
    kept = sorted({ax % len(data) for ax in axes})
    pairs = [(built[ax], data[ax]) for ax in kept]
    if all(type(b) is not int or b == d for b, d in pairs):
        return None
    b_dim, d_dim = next((b, d) for b, d in pairs if type(b) is int and b != d)
    text = (
        f"Layer '{layer.name}' (Normalization) was built on {fmt(built)}, but adapt receives "
        f"data {fmt(data)}: its statistics need {b_dim} where the data has {d_dim}."
    )
    if session.version.major >= 3:
        return text, (
            f"The layer was built with input_shape={fmt(built)}, but adapt() is being called "
            f"with data with an incompatible shape, data.shape={fmt(data)}"
        )
    return text, (
        f"Dimensions must be equal, but are {b_dim} and {d_dim} for '{{{{node add_1}}}} = "
        f"AddV2[T=DT_FLOAT](mul, mul_1)' with input shapes: [{b_dim}], [{d_dim}]."
    )


def _report(session: Session, node: ast.Call, layer: Layer, message: str) -> None:
    text = f"Layer '{layer.name}' ({layer.class_name}) cannot take these weights: {message}"
    session.add(Finding(session.src.span(node), "error", CODE, text, message))
