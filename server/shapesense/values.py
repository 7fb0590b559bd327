"""The abstract values the interpreter computes for expressions.

Anything the interpreter cannot pin down is UNKNOWN, and UNKNOWN never produces a finding.
"""

from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .findings import Span
from .shapes import UNKNOWN_SIZE, Dim, Shape, fmt

if TYPE_CHECKING:
    from .keras.layers import Args, LayerRule


class Value:
    """Base of every abstract value."""


@dataclass(frozen=True)
class Unknown(Value):
    # Where it became unknown (silence.Cause), to explain a silent call; not part of equality:
    # two unknowns are the same value whatever their story.
    cause: Any = field(default=None, compare=False)


UNKNOWN = Unknown()


@dataclass(frozen=True)
class UnknownInt(Unknown):
    """An int whose value is not known (`i` of `for i in range(len(X))`, a Sequence's `idx`):
    unknown like any other, except that `x[i]` takes one row of an array."""


UNKNOWN_INT = UnknownInt()


@dataclass(frozen=True)
class Const(Value):
    """A Python constant from the source: int, float, str, bool or None."""

    value: object


@dataclass(frozen=True)
class Seq(Value):
    """A tuple or list literal (or a value built like one, e.g. X.shape)."""

    items: tuple[Value, ...]
    is_list: bool = False


@dataclass(frozen=True)
class ListOf(Value):
    """A list grown by `append` where its length is not certain (in a loop or a branch):
    `count` items (None: not known), each of them `item` (what all the items agree on)."""

    item: Value
    count: int | None = None


@dataclass(frozen=True)
class Mapping(Value):
    """A dict literal whose keys are all string constants (data for inputs by name)."""

    items: tuple[tuple[str, Value], ...]  # one per key, in order; a repeated key keeps its last


@dataclass(frozen=True)
class Array(Value):
    """A numpy array whose shape is known (a dim may be None when only that dim is unknown)."""

    shape: Shape
    dtype: str | None = None
    trace: tuple[str, ...] = ()
    origin: Span | None = None

    def describe(self) -> str:
        dtype = f", {self.dtype}" if self.dtype else ""
        return f"array{fmt(self.shape)}{dtype}"

    def step(self, shape: Shape, what: str, dtype: str | None = None) -> Array:
        """The array after one more transform, remembering how it got there."""
        return Array(shape, dtype or self.dtype, (*self.trace, what)[-6:], self.origin)


@dataclass(frozen=True)
class SeriesFed(Array):
    """A pandas Series as Keras's data adapters take it: one column, (rows, 1), each value a
    sample (a row `df.iloc[0]` is not one sample: messages and fixes say so)."""


@dataclass(frozen=True)
class Ref(Value):
    """A qualified name reached through imports: a module, a function or a class."""

    name: str


_ids = itertools.count(1)

# The function Keras compiles for each data method (probes: fit, add, then fit again runs the
# old layers). Keras 2 shares one between fit and train_on_batch, evaluate and test_on_batch;
# Keras 3 retraces `*_on_batch`: sharing can only make a check silent there, never wrong.
COMPILED_FUNCTION_OF = {
    "fit": "train",
    "train_on_batch": "train",
    "evaluate": "test",
    "test_on_batch": "test",
    "predict": "predict",
    "predict_on_batch": "predict_on_batch",
}
COMPILED_FUNCTIONS = tuple(dict.fromkeys(COMPILED_FUNCTION_OF.values()))


@dataclass(eq=False)
class Layer(Value):
    """A Keras layer instance: its catalog rule and constructor arguments."""

    class_name: str
    rule: LayerRule | None  # None: a layer we do not model (Lambda, custom): output unknown
    args: Args
    span: Span
    name: str
    declared_input: Shape | None = None  # from input_shape= / input_dim= / batch_input_shape=
    input_span: Span | None = None  # the source text of that declaration, for fixes
    activation: str | None = None
    foreign: bool = False  # defined in another module: its spans are not this file's
    uid: int = field(default_factory=lambda: next(_ids))


@dataclass(eq=False)
class Node:
    """A point in a functional graph: an Input (layer None) or a layer applied to parents."""

    layer: Layer | Model | None
    parents: tuple[Node, ...] = ()
    is_input: bool = False  # an Input; a node with no layer that is not an input is opaque
    input_name: str | None = None  # Input(name=...): the key of its data in a dict
    layer_name: str = "input_layer"  # an Input's InputLayer as Keras names it (session.input_name)
    list_input: bool = False  # the layer was called on a list (merge layers)
    output_index: int = 0  # which output of a multi-output layer
    # an Input of this file: where its shape is written (for fixes) and the Input(...) call
    shape_span: Span | None = None
    call_span: Span | None = None
    input_shape: Shape | None = None  # an Input's shape, for what is built on its tensors


@dataclass(frozen=True)
class Tensor(Value):
    """A symbolic Keras tensor (functional API). shape None means unknown."""

    shape: Shape | None
    node: Node | None = None


@dataclass(eq=False)
class Model(Value):
    kind: str  # "sequential" or "functional"
    span: Span
    name: str
    layers: list[Layer | Model] = field(default_factory=list)
    declared_input: Shape | None = None  # Sequential: with batch axis
    input_span: Span | None = None  # the text of the declared sample shape, for fixes
    inputs: list[Tensor] = field(default_factory=list)
    outputs: list[Tensor] = field(default_factory=list)
    # `keras.Model(inputs={...})` / `outputs={...}`: the dict's keys, in the order of
    # inputs / outputs (Keras orders a dict's values by sorted key); data and labels go by key
    input_keys: tuple[str, ...] | None = None
    output_keys: tuple[str, ...] | None = None
    loss: Value | None = None
    loss_node: ast.expr | None = None
    jit_compile: Value = field(default_factory=lambda: Const("auto"))  # compile's, as given
    built_run: Any = None  # keras.graph.Run from the declared input, when there is one
    output_shape: Any = None  # from the declared input
    created_depth: int = 0  # how many uncertain blocks deep it was created
    input_from_data: bool = False  # built by its first fit/predict, not declared
    # Sequential: its input is its first layer's (a functional model's); Keras 3 makes its
    # InputLayer at the first build, once a second layer is added (names count it then)
    input_from_first: bool = False
    foreign: bool = False  # defined in another module
    opaque: bool = False  # something we cannot model: stay silent
    opaque_cause: Any = None  # why (silence.Cause), when known
    broken: bool = False  # construction already fails in Keras (reported once)
    uid: int = field(default_factory=lambda: next(_ids))
    version: int = 0  # bumped by every change in place (replay.py compares it)
    # Keras compiles fit/evaluate/predict into a function at first use and keeps it until the
    # next compile: later calls run the model as it was then. Function -> version traced on.
    traced: dict[str, int] = field(default_factory=dict)
    # A subclass of keras.Model or keras.layers.Layer written in the user's code: its class
    # (a UserClass) and the attributes its methods set on `self`.
    user_class: Any = None
    members: dict[str, Value] = field(default_factory=dict)


@dataclass(frozen=True)
class Function(Value):
    node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
    owner: Any = field(default=None, compare=False)  # the Interpreter of the module that defines it
    scope: Any = field(default=None, compare=False)  # a lambda's enclosing Env (its closure)

    @property
    def name(self) -> str:
        return "<lambda>" if isinstance(self.node, ast.Lambda) else self.node.name


@dataclass(eq=False)
class UserClass(Value):
    """A class defined in the user's code whose bases are all known: object, other such
    classes, or a library class a library model makes instances of (`keras.Model`)."""

    node: ast.ClassDef
    methods: dict[str, Function]  # own and inherited, the own ones winning
    library_base: str | None = None  # canonical name of the library class it extends
    unknown_attributes: frozenset[str] = frozenset()  # class-level names not followed


@dataclass(eq=False)
class Instance(Value):
    """An instance of a plain UserClass: the attributes its methods set on `self`."""

    user_class: UserClass
    members: dict[str, Value] = field(default_factory=dict)
    created_depth: int = 0  # how many uncertain blocks deep it was created


@dataclass(frozen=True)
class BoundMethod(Value):
    """`obj.method` for a method of a UserClass: calling it passes `obj` as `self`."""

    function: Function
    receiver: Value = field(compare=False)


@dataclass(frozen=True)
class Generator(Value):
    """What calling a generator function of the user's code gives: `item` is what its
    `yield`s produce, all of them joined (unknown where they disagree)."""

    item: Value


@dataclass(frozen=True)
class TokenLists(Value):
    """A Tokenizer's `texts_to_sequences`: a Python list of `rows` lists of word indices (None:
    rows not known), each as long as its text; `lengths` when the texts and the vocabulary
    are literal (libraries/keras_text.py)."""

    rows: int | None
    lengths: tuple[int, ...] | None = None


@dataclass(frozen=True)
class SparseMatrix(Value):
    """A scipy sparse matrix (OneHotEncoder's default output): Keras takes it as x, never as
    labels (SS205); `.toarray()` makes `array`."""

    array: Array


@dataclass(frozen=True)
class Namespace(Value):
    """A project module (`import data`) or a loaded .npz file: names to values."""

    names: dict[str, Value] = field(hash=False)
    label: str = ""


@dataclass(frozen=True)
class Dataset(Value):
    """A tf.data.Dataset whose elements are (x, y) sample shapes, batched or not."""

    element: tuple[Value, ...]
    batched: bool = False
    classes: int | None = None  # image_dataset_from_directory's class_names, when counted

    def as_fed(self) -> tuple[Value, Value] | None:
        """(x, y) as Keras meets them in fit: a batched pipeline's elements; an unbatched
        one's element is taken as a whole batch (its rows' shape; the labels not followed)."""
        if len(self.element) != 2:
            return None
        x, y = self.element
        if self.batched:
            return x, y
        if isinstance(x, Array) and x.shape and x.shape[0] is None:
            return x.step(x.shape[1:], "one element as a batch (not batched)"), UNKNOWN
        return UNKNOWN, UNKNOWN


def placeless(value: Value) -> Value:
    """The value without the places it carries (an array's origin, an unknown's cause span),
    for a value made in another module: those spans are lines of that file, not of the one
    the user is looking at (related information would point at the wrong lines)."""
    if isinstance(value, Array):
        return replace(value, origin=None) if value.origin is not None else value
    if isinstance(value, Unknown):
        cause = value.cause
        if cause is not None and getattr(cause, "span", None) is not None:
            return replace(value, cause=cause._replace(span=None))
        return value
    if isinstance(value, Seq):
        return replace(value, items=tuple(placeless(item) for item in value.items))
    if isinstance(value, ListOf):
        return replace(value, item=placeless(value.item))
    if isinstance(value, Mapping):
        return replace(value, items=tuple((k, placeless(v)) for k, v in value.items))
    if isinstance(value, Dataset):
        return replace(value, element=tuple(placeless(part) for part in value.element))
    return value


def contents(value: Value) -> tuple[Value, ...]:
    """The values a list, tuple, dict or dataset holds (nothing for other values)."""
    if isinstance(value, Seq):
        return value.items
    if isinstance(value, Mapping):
        return tuple(item for _, item in value.items)
    if isinstance(value, Dataset):
        return value.element
    if isinstance(value, ListOf):
        return (value.item,)
    return ()


def join(a: Value, b: Value) -> Value:
    """What two paths agree on; anything else is unknown."""
    if a is b or a == b:
        return a
    if isinstance(a, Array) and isinstance(b, Array):
        if a.shape == b.shape:
            return a if a.dtype == b.dtype else Array(a.shape, None, a.trace, a.origin)
        return UNKNOWN
    if isinstance(a, Seq) and isinstance(b, Seq) and len(a.items) == len(b.items):
        return Seq(tuple(join(x, y) for x, y in zip(a.items, b.items, strict=True)), a.is_list)
    if isinstance(a, (Seq, ListOf)) and isinstance(b, (Seq, ListOf)):
        return grown(a, b)
    return UNKNOWN


def grown(a: Value, b: Value) -> Value:
    """Two states of a list, one of them grown by `append` on an uncertain path: a ListOf of
    what all their items agree on (unknown if they do not, or if either is a tuple)."""
    items: list[Value] = []
    counts: set[int | None] = set()
    for value in (a, b):
        if isinstance(value, ListOf):
            items.append(value.item)
            counts.add(value.count)
        elif isinstance(value, Seq) and value.is_list:
            items += value.items
            counts.add(len(value.items))
        else:
            return UNKNOWN
    if not any(isinstance(v, ListOf) for v in (a, b)) or not items:
        return UNKNOWN
    item = items[0]
    for other in items[1:]:
        item = join(item, other)
    if isinstance(item, Unknown):
        return UNKNOWN
    return ListOf(item, counts.pop() if len(counts) == 1 else None)


def appended(items: Value, item: Value, certain: bool) -> Value:
    """The list `items` after `items.append(item)`; on an uncertain path (a loop, a branch)
    its length is no longer known, and its items are what they all agree on."""
    if certain and isinstance(items, Seq):
        return Seq((*items.items, item), True)
    if isinstance(items, ListOf):
        joined = join(items.item, item)
        count = items.count + 1 if certain and items.count is not None else None
        return UNKNOWN if isinstance(joined, Unknown) else ListOf(joined, count)
    return grown(items, ListOf(item, None))


def to_python(value: Value) -> object:
    """The Python object a constant value stands for, or UNKNOWN."""
    if isinstance(value, Const):
        return value.value
    if isinstance(value, Seq):
        items = [to_python(v) for v in value.items]
        if any(i is UNKNOWN for i in items):
            return UNKNOWN
        return list(items) if value.is_list else tuple(items)
    if isinstance(value, (Layer, Model)):
        return value
    return UNKNOWN


def as_shape(value: Value) -> Shape | None:
    """A shape Keras is given (input_shape=, Input(shape=...)) from an int or a tuple/list:
    a literal None is an undefined axis; a value the analysis does not know is UNKNOWN_SIZE."""
    return _shape(value, UNKNOWN_SIZE)


def as_array_shape(value: Value) -> Shape | None:
    """A numpy shape argument (np.zeros((n, 5))): an unknown dim is written None in arrays."""
    return _shape(value, None)


def _shape(value: Value, unknown: Dim) -> Shape | None:
    if isinstance(value, Const) and type(value.value) is int:
        return (value.value,)
    if isinstance(value, Seq):
        dims: list[Dim] = []
        for item in value.items:
            if isinstance(item, Const) and type(item.value) is int:
                dims.append(item.value)
            elif isinstance(item, Const) and item.value is None:
                dims.append(None)
            elif isinstance(item, Unknown):
                dims.append(unknown)
            else:
                return None
        return tuple(dims)
    return None


def as_declared_shape(value: Value) -> Shape | None:
    """A shape a user declares to Keras (`Input(shape=...)`, `input_shape=`): a dim we cannot
    read is UNKNOWN_SIZE (`as_shape`), never `None` ("any size" to Keras), so
    `Input(shape=(X.shape[1],))` with `X` from a CSV is not `(None, None)`."""
    return as_shape(value)


def dim_value(dim: Dim) -> Value:
    """What `shape[i]` evaluates to in the program: Keras's None is None; an unknown size is
    unknown."""
    if dim is None:
        return Const(None)
    return Const(dim) if type(dim) is int else UNKNOWN


def const_int(value: Value) -> int | None:
    if isinstance(value, Const) and type(value.value) is int:
        return value.value
    return None


def class_of(value: Value) -> UserClass | None:
    """The user's class of an instance (a plain one, or a library value made by a subclass)."""
    if isinstance(value, Instance):
        return value.user_class
    if isinstance(value, Model) and isinstance(value.user_class, UserClass):
        return value.user_class
    return None


def members_of(value: Value) -> dict[str, Value] | None:
    """The attributes set on an instance of a user's class (None: not such an instance)."""
    if isinstance(value, Instance):
        return value.members
    if isinstance(value, Model) and value.user_class is not None:
        return value.members
    return None
