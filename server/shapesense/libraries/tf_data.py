"""tf.data: datasets made from arrays, and what each method does to their elements (the
shapes tf.data's own `element_spec` gives). A batched dataset of (x, y) meets `fit` as arrays
would (checks.py).

An element's arrays are written with a leading axis: the batch axis of a batched dataset
(its size when `drop_remainder=True`, else None), a placeholder None for an unbatched one.
`map` calls the user's function (a def or a lambda) on the element's tensors, as tf.data
traces it once; a result that is not arrays is unknown, with the reason it is.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .. import silence
from ..findings import Fix, TextEdit
from ..session import Session
from ..shapes import Shape, fmt
from ..values import (
    UNKNOWN,
    Array,
    Const,
    Dataset,
    Seq,
    Unknown,
    Value,
    as_array_shape,
    const_int,
    to_python,
)
from .library_errors import library_error
from .registry import REGISTRY


@REGISTRY.function(
    "tensorflow.data.Dataset.from_tensor_slices", "tensorflow.data.Dataset.from_tensors"
)
def from_tensors(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """tf.data.Dataset.from_tensor_slices((x, y)): elements are one row of each array, and
    every array must have as many rows. A list is not a tuple: tf.data converts it to one
    tensor, stacking its arrays, so each element is one whole array of the list."""
    tensors = args[0] if args else kwargs.get("tensors", UNKNOWN)
    if name.endswith("from_tensors"):
        return UNKNOWN  # one element holding the whole arrays: not modelled
    if isinstance(tensors, Seq) and tensors.is_list:
        return _stacked_slices(session, node, tensors)
    parts = tensors.items if isinstance(tensors, Seq) else (tensors,)
    if not parts or len(parts) > 2 or not all(isinstance(p, Array) and p.shape for p in parts):
        return UNKNOWN
    arrays = [p for p in parts if isinstance(p, Array)]
    counts = [a.shape[0] for a in arrays]
    if all(type(c) is int for c in counts) and len(set(counts)) > 1:
        library_error(
            session,
            node,
            "tf.data.Dataset.from_tensor_slices slices every array along its first axis, but "
            f"they have different numbers of rows: {_described(session, node, arrays)}.",
            f"ValueError: Dimensions {counts[0]} and {counts[1]} are not compatible",
        )
        return UNKNOWN
    rows = tuple(a.step((None, *a.shape[1:]), "tf.data element") for a in arrays)
    return Dataset(rows, batched=False)


def _stacked_slices(session: Session, node: ast.Call, tensors: Seq) -> Value:
    """from_tensor_slices([a, b]): one tensor of the list stacked, sliced along the list."""
    arrays = [p for p in tensors.items if isinstance(p, Array)]
    if not arrays or len(arrays) != len(tensors.items):
        return UNKNOWN
    if any(d is None for a in arrays for d in a.shape):
        return UNKNOWN  # an unknown size may make them equal, or not
    if len({a.shape for a in arrays}) > 1:
        fixes: tuple[Fix, ...] = ()
        if len(arrays) == 2 and node.args and isinstance(node.args[0], ast.List):
            fixes = (_as_tuple(session, node.args[0]),)
        library_error(
            session,
            node,
            "tf.data.Dataset.from_tensor_slices converts a list to one tensor, stacking its "
            f"arrays, but they have different shapes: {_described(session, node, arrays)}. "
            "For inputs and labels, pass a tuple (x, y).",
            "ValueError: Can't convert non-rectangular Python sequence to Tensor.",
            fixes,
        )
        return UNKNOWN
    first = arrays[0]
    dtype = first.dtype if len({a.dtype for a in arrays}) == 1 else None  # tf picks one
    element = Array((None, *first.shape), dtype, (*first.trace, "tf.data element (stacked)"))
    return Dataset((element,))


def _described(session: Session, node: ast.Call, arrays: list[Array]) -> str:
    """`features (100, 4) and labels (100,)`: each array by its source text where written."""
    tensors = node.args[0] if node.args else None
    written = list(tensors.elts) if isinstance(tensors, ast.Tuple | ast.List) else []
    names = [session.src.segment(e, 30) + " " for e in written]
    if len(names) != len(arrays):
        names = [""] * len(arrays)
    return " and ".join(f"{n}{fmt(a.shape)}" for n, a in zip(names, arrays, strict=True))


def _as_tuple(session: Session, listed: ast.List) -> Fix:
    """`[x, y]` written as `(x, y)`: tf.data slices each array of a tuple apart."""
    inner = ", ".join(session.src.text_of(session.src.span(e)) for e in listed.elts)
    edit = TextEdit(session.src.span(listed), f"({inner})")
    return Fix(f"Pass a tuple of inputs and labels: `{edit.new_text}`", (edit,), preferred=True)


def _arrays(ds: Dataset) -> tuple[Array, ...] | None:
    """The element's arrays, when every part of it is one."""
    parts = ds.element
    return parts if all(isinstance(p, Array) for p in parts) else None  # type: ignore[return-value]


def _as(array: Array, shape: Shape) -> Array:
    """The same tensor written with or without the placeholder axis (no step of its own)."""
    return Array(shape, array.dtype, array.trace, array.origin)


def _with_lead(ds: Dataset, lead: Shape, what: str, cut: int = 1, batched: bool = True) -> Value:
    """The dataset whose element arrays start with `lead` instead of their first `cut` axes."""
    arrays = _arrays(ds)
    if arrays is None or any(len(a.shape) < cut for a in arrays):
        return UNKNOWN
    return Dataset(tuple(a.step((*lead, *a.shape[cut:]), what) for a in arrays), batched)


@REGISTRY.method(Dataset, "batch")
def batch(
    session: Session,
    ds: Dataset,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """batch(n): a batch axis first, of size n with drop_remainder=True; batching a batched
    dataset adds another (batches of batches)."""
    size = const_int(args[0] if args else kwargs.get("batch_size", UNKNOWN))
    drop = to_python(args[1] if len(args) > 1 else kwargs.get("drop_remainder", Const(False)))
    lead = size if drop is True and size is not None and size > 0 else None
    if not ds.batched:
        return _with_lead(ds, (lead,), f"batch({size})")
    return _with_lead(ds, (lead,), f"batch({size})", cut=0)


@REGISTRY.method(Dataset, "padded_batch")
def padded_batch(
    session: Session,
    ds: Dataset,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """padded_batch(n, padded_shapes): each part padded to its padded shape (a None axis to the
    longest in the batch: unknown here); without padded_shapes, as batch(n)."""
    padded = args[1] if len(args) > 1 else kwargs.get("padded_shapes", Const(None))
    if padded == Const(None):
        return batch(session, ds, method, node, args[:1], {})
    arrays = _arrays(ds)
    shapes = padded.items if len(ds.element) > 1 and isinstance(padded, Seq) else (padded,)
    if ds.batched or arrays is None or len(shapes) != len(arrays):
        return UNKNOWN
    parts = []
    for array, shape_value in zip(arrays, shapes, strict=True):
        shape = as_array_shape(shape_value)
        if shape is None or len(shape) != len(array.shape) - 1:
            return UNKNOWN  # tf.data raises on a rank that differs
        for want, have in zip(shape, array.shape[1:], strict=True):
            if type(want) is int and type(have) is int and want < have:
                return UNKNOWN  # tf.data raises: the element is longer than its padding
        parts.append(array.step((None, *shape), "padded_batch"))
    return Dataset(tuple(parts), batched=True)


@REGISTRY.method(Dataset, "unbatch")
def unbatch(
    session: Session,
    ds: Dataset,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """unbatch(): the rows of each element (of a batched dataset: its samples)."""
    if ds.batched:
        return _with_lead(ds, (None,), "unbatch", batched=False)
    return _with_lead(ds, (None,), "unbatch", cut=2, batched=False)


@REGISTRY.method(
    Dataset, "shuffle", "prefetch", "cache", "repeat", "take", "skip", "filter", "with_options"
)
def same_elements(
    session: Session,
    ds: Dataset,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    return Dataset(ds.element, ds.batched)  # a new dataset: no class_names


@REGISTRY.method(Dataset, "map")
def map_elements(
    session: Session,
    ds: Dataset,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """map(fn): fn called on the element's tensors (an (x, y) element is two arguments)."""
    fn = args[0] if args else kwargs.get("map_func", UNKNOWN)
    arrays = _arrays(ds)
    if arrays is None:
        return UNKNOWN
    given = [a if ds.batched else _as(a, a.shape[1:]) for a in arrays]
    result = session.apply(fn, list(given))
    parts = result.items if isinstance(result, Seq) and not result.is_list else (result,)
    for part in parts:
        if isinstance(part, Unknown):
            return part if part.cause is not None else _not_followed(session, node)
    if not parts or len(parts) > 2 or not all(isinstance(p, Array) for p in parts):
        return _not_followed(session, node)  # dicts, lists, strings: not followed
    element = tuple(
        p if ds.batched else _as(p, (None, *p.shape)) for p in parts if isinstance(p, Array)
    )
    return Dataset(element, ds.batched)


def _not_followed(session: Session, node: ast.Call) -> Value:
    return silence.unknown(
        silence.DATASET_TRANSFORM,
        session.src.segment(node, 50),
        session.src.span(node),
        "tf.data.Dataset.map",
    )


@REGISTRY.method(Dataset, "concatenate")
def concatenate(
    session: Session,
    ds: Dataset,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """a.concatenate(b): the elements of both; an axis whose sizes differ is None."""
    other = args[0] if args else kwargs.get("dataset", UNKNOWN)
    if not isinstance(other, Dataset) or other.batched != ds.batched:
        return UNKNOWN
    mine, theirs = _arrays(ds), _arrays(other)
    if mine is None or theirs is None or len(mine) != len(theirs):
        return UNKNOWN
    parts = []
    for a, b in zip(mine, theirs, strict=True):
        if len(a.shape) != len(b.shape):
            return UNKNOWN  # tf.data raises
        shape = tuple(x if x == y else None for x, y in zip(a.shape, b.shape, strict=True))
        parts.append(a.step(shape, "concatenate"))
    return Dataset(tuple(parts), ds.batched)


@REGISTRY.function("tensorflow.data.Dataset.zip")
def zip_datasets(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """tf.data.Dataset.zip((a, b)) or zip(a, b): elements pair one element of each."""
    given = args[0] if len(args) == 1 else Seq(tuple(args))
    datasets = given.items if isinstance(given, Seq) else ()
    if len(datasets) != 2 or not all(
        isinstance(d, Dataset) and len(d.element) == 1 for d in datasets
    ):
        return UNKNOWN
    first, second = datasets
    assert isinstance(first, Dataset) and isinstance(second, Dataset)
    if first.batched != second.batched:
        return UNKNOWN
    return Dataset((first.element[0], second.element[0]), first.batched)


@dataclass(frozen=True)
class Windows(Value):
    """ds.window(size, ...): a dataset of windows, each a dataset of `size` elements or fewer."""

    rows: Dataset


@REGISTRY.method(Dataset, "window")
def window(
    session: Session,
    ds: Dataset,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    return Windows(ds) if not ds.batched and _arrays(ds) is not None else UNKNOWN


@REGISTRY.method(Windows, "flat_map")
def flat_map(
    session: Session,
    windows: Windows,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """windows.flat_map(lambda w: w.batch(n)): the dataset fn returns, one element per window
    (a window's batch is the element: its batch axis becomes an axis of the element)."""
    fn = args[0] if args else kwargs.get("map_func", UNKNOWN)
    parts = [Dataset((part,)) for part in windows.rows.element]  # a window per component
    result = session.apply(fn, list[Value](parts))
    if isinstance(result, Unknown):
        return result if result.cause is not None else _not_followed(session, node)
    if not isinstance(result, Dataset) or not result.batched:
        return _not_followed(session, node)
    return _with_lead(result, (None,), "flat_map", cut=0, batched=False)


def _attribute(session: Session, ds: Dataset, attr: str) -> Value:
    """element_spec: the element's TensorSpecs (shapes as tf.data gives them); class_names
    of a directory dataset: one per class folder (its length is what code asks)."""
    if attr == "class_names" and ds.classes is not None:
        return Seq((UNKNOWN,) * ds.classes, is_list=True)
    arrays = _arrays(ds)
    if attr != "element_spec" or arrays is None:
        return UNKNOWN
    specs = tuple(a if ds.batched else _as(a, a.shape[1:]) for a in arrays)
    return specs[0] if len(specs) == 1 else Seq(specs)


REGISTRY.attributes[Dataset] = _attribute
