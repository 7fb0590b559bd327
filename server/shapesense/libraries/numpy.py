"""numpy's functions (`numpy.*`, any import style): each reads its arguments as numpy's own
signature does, e.g. `np.zeros(shape, dtype)`, `np.concatenate(arrays, axis)`. Functions that
mirror an ndarray method (`np.reshape(x, ...)`) are that method (numpy_arrays.py).
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable

from .. import numpy_rules as npr
from ..session import Session
from ..shapes import Dim, Shape
from ..values import (
    UNKNOWN,
    Array,
    Const,
    ListOf,
    Namespace,
    Ref,
    Seq,
    Value,
    as_array_shape,
    const_int,
    to_python,
)
from .numpy_arrays import (
    REDUCTIONS,
    array_method,
    axis_arg,
    dtype_of,
    new_array,
    numpy_error,
    reshaped_unknown,
    shape_args,
    step,
)
from .registry import REGISTRY, FunctionModel

FLOAT_RANDOM = {"rand", "randn", "random", "random_sample", "ranf", "sample", "standard_normal"}
SIZED_RANDOM = {
    "uniform": 2,
    "normal": 2,
    "randint": 2,
    "integers": 2,
    "binomial": 2,
    "poisson": 1,
    "choice": 1,
    "random": 0,
    "standard_normal": 0,
}
JOINS = {"concatenate", "stack", "vstack", "hstack", "dstack", "column_stack"}
LIKE = {"zeros_like", "ones_like", "empty_like", "full_like"}
FILLED = {"zeros", "ones", "empty", "full"}
SAME_SHAPE = {
    "abs",
    "absolute",
    "exp",
    "log",
    "log1p",
    "log2",
    "log10",
    "sqrt",
    "square",
    "sin",
    "cos",
    "tanh",
    "floor",
    "ceil",
    "round",
    "around",
    "rint",
    "sign",
    "negative",
    "clip",
    "nan_to_num",
    "copy",
    "ascontiguousarray",
    "asarray",
    "array",
    "float32",
    "float64",
    "int32",
    "int64",
    "uint8",
}
ARRAY_MAKERS = {"array", "asarray", "asanyarray", "ascontiguousarray"}
MIRRORS = {"reshape", "squeeze", "transpose", "swapaxes", "moveaxis", "ravel", "flatten"} | (
    REDUCTIONS
)

_FUNCTIONS: dict[str, FunctionModel] = {}  # by the function's own name: numpy.zeros, numpy.ma.zeros
_RANDOM: dict[str, FunctionModel] = {}  # numpy.random.X, and the methods of a Generator


def function(*names: str, random: bool = False) -> Callable[[FunctionModel], FunctionModel]:
    table = _RANDOM if random else _FUNCTIONS

    def register(model: FunctionModel) -> FunctionModel:
        for name in names:
            assert name not in table, f"numpy.{name} has two models"
            table[name] = model
        return model

    return register


@REGISTRY.family("numpy")
def _family(name: str) -> FunctionModel | None:
    parts = name.split(".")
    is_random = (len(parts) >= 2 and parts[-2] in ("random", "Generator")) or parts[1:2] == [
        "random"
    ]
    return (_RANDOM if is_random else _FUNCTIONS).get(parts[-1])


REGISTRY.constant("numpy.newaxis", Const(None))


def _last(name: str) -> str:
    return name.rsplit(".", 1)[-1]


# --- numpy.random ----------------------------------------------------------------------------


@function("rand", "randn", random=True)
def rand(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """rand(d0, d1, ...): the dimensions as positional arguments."""
    return new_array(session, node, shape_args(args), "float64")


@function("default_rng", "RandomState", random=True)
def default_rng(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """A Generator, whose methods are numpy.random's functions."""
    return Ref("numpy.random.Generator")


@function(*SIZED_RANDOM, random=True)
def sized_random(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """normal(loc, scale, size), randint(low, high, size), choice(a, size)...: `size` is the
    shape; without it, a scalar."""
    fn = _last(name)
    first = args[0] if args else None
    size_pos = SIZED_RANDOM[fn]
    size = kwargs.get("size", args[size_pos] if len(args) > size_pos else None)
    if fn in ("random", "random_sample", "standard_normal", "ranf", "sample") and size is None:
        size = first
    if size is None or (isinstance(size, Const) and size.value is None):
        return UNKNOWN  # a scalar
    dtype = "int64" if fn in ("randint", "integers", "binomial", "poisson") else "float64"
    if fn == "choice" and isinstance(first, Array):
        dtype = first.dtype or "int64"
    return new_array(session, node, as_array_shape(size), dtype)


@function(*(FLOAT_RANDOM - SIZED_RANDOM.keys() - {"rand", "randn"}), random=True)
def float_random(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """random_sample(size), ranf(size), sample(size): floats of that shape."""
    first = args[0] if args else None
    return new_array(
        session, node, as_array_shape(kwargs.get("size", first or Const(None))), "float64"
    )


@function("permutation", random=True)
def permutation(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """permutation(x): x shuffled; permutation(n): the integers below n, shuffled."""
    first = args[0] if args else None
    if first is None:
        return UNKNOWN
    if isinstance(first, Array):
        return step(session, first, node, first.shape)
    n = const_int(first)
    return new_array(session, node, None if n is None else (n,), "int64")


# --- making arrays ---------------------------------------------------------------------------


@function(*FILLED)
def filled(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """zeros(shape, dtype), ones, empty; full(shape, fill_value, dtype)."""
    fn = _last(name)
    first = args[0] if args else None
    shape = (
        as_array_shape(first) if first is not None else as_array_shape(kwargs.get("shape", UNKNOWN))
    )
    dtype_arg = kwargs.get(
        "dtype",
        args[2]
        if fn == "full" and len(args) > 2
        else args[1]
        if fn != "full" and len(args) > 1
        else None,
    )
    return new_array(session, node, shape, dtype_of(dtype_arg, "float64"))


@function(*LIKE)
def like(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """zeros_like(a, dtype): a's shape."""
    first = args[0] if args else None
    if not isinstance(first, Array):
        return UNKNOWN
    return new_array(session, node, first.shape, dtype_of(kwargs.get("dtype"), first.dtype))


@function(*ARRAY_MAKERS)
def array(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """array(object, dtype): an array's shape, or a nested list's."""
    first = args[0] if args else None
    if first is None:
        return UNKNOWN
    if type(first) in REGISTRY.arrays:  # a library's value that numpy converts (a PIL image)
        first = REGISTRY.arrays[type(first)](first)
        if not isinstance(first, Array):
            return first  # unknown, with the library's reason
    if isinstance(first, Array):
        return Array(
            first.shape, dtype_of(kwargs.get("dtype"), first.dtype), first.trace, first.origin
        )
    if isinstance(first, ListOf):  # a list grown by append: its items agree on a shape
        item = _literal_shape(first.item)
        if item is None or first.count == 0:
            return UNKNOWN
        shape = (first.count, *item[0])
        return new_array(session, node, shape, dtype_of(kwargs.get("dtype"), item[1]))
    found = _literal_shape(first)
    if found is None:
        return UNKNOWN
    return new_array(session, node, found[0], dtype_of(kwargs.get("dtype"), found[1]))


@function("arange")
def arange(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """arange(stop), arange(start, stop, step)."""
    nums = [a.value if isinstance(a, Const) else None for a in args[:3]]
    if not nums or any(not isinstance(n, (int, float)) or isinstance(n, bool) for n in nums):
        return UNKNOWN
    start, stop, stride = (
        (0, nums[0], 1) if len(nums) == 1 else (nums[0], nums[1], nums[2] if len(nums) > 2 else 1)
    )
    if stride == 0:
        return UNKNOWN
    length = max(0, math.ceil((stop - start) / stride))  # type: ignore[operator]
    dtype = "int64" if all(isinstance(n, int) for n in nums) else "float64"
    return new_array(session, node, (length,), dtype)


@function("linspace")
def linspace(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """linspace(start, stop, num=50)."""
    num = const_int(kwargs.get("num", args[2] if len(args) > 2 else Const(50)))
    return new_array(session, node, None if num is None else (num,), "float64")


@function("eye", "identity")
def eye(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """eye(N, M=N), identity(n)."""
    first = args[0] if args else None
    n = const_int(first) if first is not None else None
    m = const_int(kwargs.get("M", args[1] if len(args) > 1 and _last(name) == "eye" else Const(n)))
    return new_array(session, node, None if n is None or m is None else (n, m), "float64")


@function("newaxis")
def newaxis(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    return Const(None)


@function("load")
def load(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    return _load(session, node, args[0] if args else None)


def _join_grown(
    session: Session, fn: str, node: ast.Call, item: Array, count: int | None, axis: object
) -> Value:
    """np.stack(xs) / np.vstack(xs)... of `count` items shaped like `item`: numpy's shape for 2
    and for 3 of them shows which axis grows, and by how much per item."""
    try:
        two, three = (
            npr.join_arrays(fn, [item.shape] * n, axis)  # type: ignore[arg-type]
            for n in (2, 3)
        )
    except (npr.NumpyError, npr.Undecidable):
        return UNKNOWN
    shape = tuple(a if a == b else _grows(a, b, count) for a, b in zip(two, three, strict=True))
    return step(session, item, node, shape)


def _grows(two: Dim, three: Dim, count: int | None) -> Dim:
    if count is None or type(two) is not int or type(three) is not int:
        return None
    return two + (count - 2) * (three - two)


@function(*JOINS)
def join(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """concatenate(arrays, axis=0), stack, vstack, hstack, dstack, column_stack."""
    fn = _last(name)
    first = args[0] if args else None
    seq = first if first is not None else kwargs.get("arrays")
    if isinstance(seq, ListOf) and isinstance(seq.item, Array) and seq.count != 0:
        axis = axis_arg(kwargs.get("axis", args[1] if len(args) > 1 else Const(0)))
        return _join_grown(session, fn, node, seq.item, seq.count, axis)
    if (
        not isinstance(seq, Seq)
        or not seq.items
        or not all(isinstance(i, Array) for i in seq.items)
    ):
        return UNKNOWN
    items: list[Array] = list(seq.items)  # type: ignore[arg-type]
    axis = axis_arg(kwargs.get("axis", args[1] if len(args) > 1 else Const(0)))
    try:
        shape = npr.join_arrays(fn, [a.shape for a in items], axis)  # type: ignore[arg-type]
    except npr.NumpyError as exc:
        numpy_error(session, node, f"np.{fn} would raise: {exc}")
        return UNKNOWN
    return step(session, items[0], node, shape)


# --- functions of one array ------------------------------------------------------------------


@function("expand_dims")
def expand_dims(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """expand_dims(a, axis)."""
    first = args[0] if args else None
    if not isinstance(first, Array):
        return UNKNOWN
    axis = axis_arg(kwargs.get("axis", args[1] if len(args) > 1 else UNKNOWN))
    if axis is None:
        return UNKNOWN
    return step(session, first, node, npr.expand_dims(first.shape, axis))


@function(*MIRRORS)
def mirror(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """np.reshape(a, newshape), np.sum(a, axis), ...: the ndarray method of the same name;
    moveaxis(a, source, destination)."""
    fn = _last(name)
    first = args[0] if args else None
    if not isinstance(first, Array):
        if fn == "reshape" and first is not None:  # a list, or a value of unknown shape
            return reshaped_unknown(session, first, fn, node, args[1:], kwargs)
        return UNKNOWN
    method_args = args[1:]
    if fn == "reshape" and "newshape" in kwargs:
        method_args = [kwargs.pop("newshape")]
    if fn == "reshape" and "shape" in kwargs:
        method_args = [kwargs.pop("shape")]
    if fn == "moveaxis":
        try:
            shape = npr.moveaxis(first.shape, to_python(args[1]), to_python(args[2]))
        except (npr.NumpyError, IndexError):
            return UNKNOWN
        return step(session, first, node, shape)
    return array_method(session, first, fn, node, method_args, kwargs)


@function(*(SAME_SHAPE - ARRAY_MAKERS))
def same_shape(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """exp(x), sqrt(x), clip(x, lo, hi), float32(x)...: element-wise, x's shape."""
    first = args[0] if args else None
    if not isinstance(first, Array):
        return UNKNOWN
    return Array(first.shape, dtype_of(kwargs.get("dtype"), first.dtype), first.trace, first.origin)


@function("where")
def where(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """where(condition, x, y): the three broadcast together."""
    first = args[0] if args else None
    if not isinstance(first, Array) or len(args) != 3:
        return UNKNOWN
    others = [a for a in args if isinstance(a, Array)]
    try:
        return step(session, first, node, npr.broadcast(*(a.shape for a in others)))
    except npr.NumpyError:
        return UNKNOWN


@function("dot", "matmul")
def matmul(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """dot(a, b), matmul(a, b)."""
    first = args[0] if args else None
    if not isinstance(first, Array) or len(args) != 2 or not isinstance(args[1], Array):
        return UNKNOWN
    try:
        return step(session, first, node, npr.matmul(first.shape, args[1].shape))
    except (npr.NumpyError, npr.Undecidable):
        return UNKNOWN


def _literal_shape(value: Value) -> tuple[Shape, str] | None:
    """Shape and dtype of np.array([[1, 2], [3, 4]]) or of a list of equally shaped arrays."""
    if isinstance(value, Array):
        return value.shape, value.dtype or "float64"
    if isinstance(value, Const) and isinstance(value.value, (int, float, bool)):
        return (), "float64" if isinstance(value.value, float) else "int64"
    if isinstance(value, Const) and isinstance(value.value, str):
        return (), "str"
    if isinstance(value, ListOf) and value.count:  # `list(row)` items: all alike
        found = _literal_shape(value.item)
        return None if found is None else ((value.count, *found[0]), found[1])
    if isinstance(value, Seq):
        if not value.items:
            return (0,), "float64"
        inner = [_literal_shape(v) for v in value.items]
        if any(i is None for i in inner) or len({i[0] for i in inner if i}) != 1:
            return None
        dtypes = {i[1] for i in inner if i}
        # numpy's promotion: any string makes an array of strings, any float one of floats
        dtype = next((d for d in ("str", "float64") if d in dtypes), None) or dtypes.pop()
        return (len(value.items), *inner[0][0]), dtype  # type: ignore[index]
    return None


def _load(session: Session, node: ast.Call, path: Value | None) -> Value:
    """np.load("x.npy") / np.load("d.npz")["x"]: shapes from the files' headers (never the data)."""
    if session.resolver is None or not (isinstance(path, Const) and isinstance(path.value, str)):
        return UNKNOWN
    name = path.value
    if name.endswith(".npz"):
        from ..resolve import npz_members

        names: dict[str, Value] = {}
        located = session.resolver.locate_file(name)
        if located:
            session.files_read.add(located)
        for member in npz_members(located) if located else []:
            found = session.resolver.array_file(name, member)
            if found:
                names[member] = Array(
                    found[0],
                    found[1],
                    (f"`{name}['{member}']` (file header)",),
                    session.src.span(node),
                )
        return Namespace(names, name) if names else UNKNOWN
    located = session.resolver.locate_file(name)
    if located:
        session.files_read.add(located)
    found = session.resolver.array_file(name)
    if found is None:
        return UNKNOWN
    return Array(
        found[0],
        found[1],
        (f"`{session.src.segment(node, 50)}` (file header)",),
        session.src.span(node),
    )
