"""Data given batch by batch: the user's generator functions, subclasses of
`keras.utils.Sequence` / `PyDataset`, and `tf.data.Dataset.from_generator`.

Keras takes each item a generator yields, and each `sequence[idx]`, as one whole batch, as it
is: no batch axis is added (measured under Keras 2 and 3:
tests/corpus/programs/sequences/generator_yields_single_samples.py). So `fit(gen)` meets the
model as a batched tf.data pipeline of those items would (values.Dataset, batched). A
Sequence's `__getitem__` runs on the instance `__init__` made, with `idx` unknown; `__len__`
only says how many batches there are. `from_generator` gives elements of its signature's
shapes, each axis the signature leaves open taken from what the generator yields (tf.data
checks each yielded item against the signature; the model then gets the item's real sizes).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .. import silence
from ..session import Session
from ..shapes import Shape
from ..values import (
    UNKNOWN,
    Array,
    Dataset,
    Generator,
    Instance,
    Seq,
    Unknown,
    UserClass,
    Value,
    as_array_shape,
)
from .numpy_arrays import dtype_of
from .registry import REGISTRY

SEQUENCE_BASES = ("keras.utils.Sequence", "keras.utils.data_utils.Sequence")
PYDATASET_BASES = ("keras.utils.PyDataset",)  # Keras 3 only


def _sequence_instance(session: Session, cls: UserClass, node: ast.Call) -> Value:
    if cls.library_base in PYDATASET_BASES and session.version.major < 3:
        # tf_keras has none: the class statement raises AttributeError, nothing after it runs
        what = f"`keras.utils.PyDataset` (Keras 3 only), the base of class `{cls.node.name}`"
        return silence.unknown(silence.NOT_FOUND_IMPORT, what, session.src.span(node), "PyDataset")
    return Instance(cls, created_depth=session.uncertain)


for _base in (*SEQUENCE_BASES, *PYDATASET_BASES):
    REGISTRY.classes[_base] = _sequence_instance


def is_sequence(value: Value) -> bool:
    return isinstance(value, Instance) and value.user_class.library_base in (
        *SEQUENCE_BASES,
        *PYDATASET_BASES,
    )


def as_batches(session: Session, value: Value) -> Value | None:
    """The batched pipeline fit/evaluate/predict meet for a generator object or a Sequence
    instance (None: `value` is neither, keep it). Unknown, with the reason, when its items
    are not followed."""
    if isinstance(value, Generator):
        return _batches(value.item, _cause())
    if not is_sequence(value):
        return None
    assert isinstance(value, Instance)
    cls = value.user_class
    cause = silence.from_class(session.src, cls.node)
    if "__getitem__" not in cls.methods:
        return cause
    item = session.call_method(value, "__getitem__", [UNKNOWN], {})
    return _batches(UNKNOWN if item is None else item, cause)


def _cause() -> Unknown:
    return silence.shared(silence.DATA_GENERATOR, "a generator's items", "generator")


def _batches(item: Value, otherwise: Unknown) -> Value:
    """One batch as given, `x`, `(x, y)` or `(x, y, sample_weight)`, as a pipeline's element."""
    if isinstance(item, Unknown):
        return item if item.cause is not None else otherwise
    parts = item.items if isinstance(item, Seq) and not item.is_list else (item,)
    if not 1 <= len(parts) <= 3:
        return otherwise
    if not isinstance(parts[0], Array):
        return parts[0] if silence.cause_of(parts[0]) is not None else otherwise
    x, y = parts[0], parts[1] if len(parts) > 1 else UNKNOWN
    return Dataset((_any_size(x), _any_size(y) if isinstance(y, Array) else UNKNOWN), True)


def _any_size(batch: Array) -> Array:
    """A batch as Keras's spec of the batches holds it: its first axis of any size."""
    if not batch.shape:
        return batch
    return Array((None, *batch.shape[1:]), batch.dtype, batch.trace, batch.origin)


# --- Python's own use of a generator -----------------------------------------------------

REGISTRY.elements[Generator] = lambda gen: gen.item  # `for x, y in gen():`


# --- tf.data.Dataset.from_generator -------------------------------------------------------


@dataclass(frozen=True)
class TensorSpec(Value):
    """tf.TensorSpec(shape, dtype): a shape where None is any size."""

    shape: Shape
    dtype: str | None


@REGISTRY.function("tensorflow.TensorSpec")
def tensor_spec(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    shape = as_array_shape(args[0] if args else kwargs.get("shape", UNKNOWN))
    if shape is None:
        return UNKNOWN
    dtype = dtype_of(args[1] if len(args) > 1 else kwargs.get("dtype"), "float32")
    return TensorSpec(shape, dtype)


@REGISTRY.function("tensorflow.data.Dataset.from_generator")
def from_generator(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """from_generator(gen, output_signature=(TensorSpec(...), ...)): unbatched elements of the
    signature's shapes, refined by what `gen()` yields."""
    fn = args[0] if args else kwargs.get("generator", UNKNOWN)
    signature = kwargs.get("output_signature", UNKNOWN)
    specs = signature.items if isinstance(signature, Seq) else (signature,)
    if "args" in kwargs or not specs or len(specs) > 2:
        return _not_followed(session, node)
    if not all(isinstance(s, TensorSpec) for s in specs):
        return _not_followed(session, node)
    made = session.apply(fn, [])
    yielded = made.item if isinstance(made, Generator) else UNKNOWN
    items = (
        yielded.items
        if isinstance(yielded, Seq) and len(specs) > 1
        else (yielded,) * (len(specs) == 1)
    )
    parts: list[Value] = []
    for index, spec in enumerate(specs):
        assert isinstance(spec, TensorSpec)
        given = items[index] if index < len(items) else UNKNOWN
        shape = _refined(spec.shape, given)
        if shape is None:
            return _not_followed(session, node)  # tf.data raises on the item: not modelled
        parts.append(Array((None, *shape), spec.dtype, ("from_generator",)))
    return Dataset(tuple(parts), batched=False)


def _refined(spec: Shape, given: Value) -> Shape | None:
    """The signature's shape with its open axes set from the item yielded (when known);
    None when the item does not fit the signature."""
    if not isinstance(given, Array):
        return spec
    if len(given.shape) != len(spec):
        return None
    dims = []
    for want, have in zip(spec, given.shape, strict=True):
        if type(want) is int and type(have) is int and want != have:
            return None
        dims.append(want if type(want) is int else have)
    return tuple(dims)


def _not_followed(session: Session, node: ast.Call) -> Value:
    return silence.unknown(
        silence.DATA_GENERATOR,
        session.src.segment(node, 50),
        session.src.span(node),
        "tf.data.Dataset.from_generator",
    )
