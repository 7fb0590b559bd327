"""numpy: its functions (`numpy.*`), ndarray methods and attributes, and arrays under
Python's operators, indexing and iteration: values in, values out.

The shape arithmetic itself is numpy's (numpy_rules); this module only reads arguments the
way numpy's signatures do and keeps the array's history for hovers.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable

from .. import numpy_rules as npr
from ..findings import Finding
from ..session import Session
from ..shapes import Shape, fmt, numel, size
from ..values import (
    UNKNOWN,
    Array,
    Const,
    Namespace,
    Ref,
    Seq,
    Unknown,
    Value,
    as_array_shape,
    const_int,
    to_python,
)
from .registry import REGISTRY

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
REDUCTIONS = {
    "sum",
    "mean",
    "max",
    "min",
    "std",
    "var",
    "prod",
    "argmax",
    "argmin",
    "median",
    "amax",
    "amin",
    "any",
    "all",
    "nanmean",
    "nansum",
}


def _dtype(value: Value | None, default: str | None) -> str | None:
    if isinstance(value, Const) and isinstance(value.value, str):
        return value.value
    if isinstance(value, Ref):
        last = value.name.rsplit(".", 1)[-1]
        return {"float": "float64", "int": "int64", "bool": "bool"}.get(last, last)
    return default


def _origin(session: Session, node: ast.Call, shape: Shape) -> tuple[str, ...]:
    return (f"`{session.src.segment(node, 50)}`",)  # where: Array.origin (no line in text)


def _new(session: Session, node: ast.Call, shape: Shape | None, dtype: str | None) -> Value:
    if shape is None or any(type(d) is int and d < 0 for d in shape):
        return UNKNOWN
    return Array(shape, dtype, _origin(session, node, shape), session.src.span(node))


def _step(
    session: Session, array: Array, node: ast.Call, shape: Shape, dtype: str | None = None
) -> Array:
    what = (
        session.src.segment(node.func, 40)
        if isinstance(node.func, ast.Attribute)
        else session.src.segment(node, 40)
    )
    if isinstance(node.func, ast.Attribute) and isinstance(
        node.func.value, ast.Name | ast.Attribute | ast.Subscript
    ):
        args = session.src.segment(node, 200)
        head = session.src.segment(node.func.value, 200)
        what = args[len(head) :] if args.startswith(head) else args
    return array.step(shape, f"`{what}` → {fmt(shape)}", dtype)


def _shape_arg(args: list[Value]) -> Shape | None:
    """rand(100, 64, 64) style: ints as positional arguments."""
    dims = [const_int(a) for a in args]
    if any(d is None for d in dims):
        return None
    return tuple(d for d in dims if d is not None)


def _axis(value: Value | None) -> int | tuple[int, ...] | None:
    obj = to_python(value) if value is not None else None
    if obj is None or (isinstance(obj, int) and not isinstance(obj, bool)):
        return obj
    if isinstance(obj, (tuple, list)) and all(type(o) is int for o in obj):
        return tuple(obj)
    raise npr.Undecidable


def _literal_shape(value: Value) -> tuple[Shape, str] | None:
    """Shape and dtype of np.array([[1, 2], [3, 4]]) or of a list of equally shaped arrays."""
    if isinstance(value, Array):
        return value.shape, value.dtype or "float64"
    if isinstance(value, Const) and isinstance(value.value, (int, float, bool)):
        return (), "float64" if isinstance(value.value, float) else "int64"
    if isinstance(value, Seq):
        if not value.items:
            return (0,), "float64"
        inner = [_literal_shape(v) for v in value.items]
        if any(i is None for i in inner) or len({i[0] for i in inner if i}) != 1:
            return None
        dtypes = {i[1] for i in inner if i}
        return (len(value.items), *inner[0][0]), "float64" if "float64" in dtypes else dtypes.pop()  # type: ignore[index]
    return None


def numpy_call(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    parts = name.split(".")
    fn = parts[-1]
    is_random = (len(parts) >= 2 and parts[-2] in ("random", "Generator")) or parts[1:2] == [
        "random"
    ]
    first = args[0] if args else None

    if is_random:
        if fn in ("rand", "randn"):
            return _new(session, node, _shape_arg(args), "float64")
        if fn == "default_rng" or fn == "RandomState":
            return Ref("numpy.random.Generator")
        if fn in SIZED_RANDOM:
            size_pos = SIZED_RANDOM[fn]
            size = kwargs.get("size", args[size_pos] if len(args) > size_pos else None)
            if (
                fn in ("random", "random_sample", "standard_normal", "ranf", "sample")
                and size is None
            ):
                size = first
            if size is None or (isinstance(size, Const) and size.value is None):
                return UNKNOWN  # a scalar
            dtype = "int64" if fn in ("randint", "integers", "binomial", "poisson") else "float64"
            if fn == "choice" and isinstance(first, Array):
                dtype = first.dtype or "int64"
            return _new(session, node, as_array_shape(size), dtype)
        if fn in FLOAT_RANDOM:
            return _new(
                session, node, as_array_shape(kwargs.get("size", first or Const(None))), "float64"
            )
        if fn in ("permutation",) and first is not None:
            if isinstance(first, Array):
                return _step(session, first, node, first.shape)
            n = const_int(first)
            return _new(session, node, None if n is None else (n,), "int64")
        return UNKNOWN

    if fn in FILLED:
        shape = (
            as_array_shape(first)
            if first is not None
            else as_array_shape(kwargs.get("shape", UNKNOWN))
        )
        dtype_arg = kwargs.get(
            "dtype",
            args[2]
            if fn == "full" and len(args) > 2
            else args[1]
            if fn != "full" and len(args) > 1
            else None,
        )
        return _new(session, node, shape, _dtype(dtype_arg, "float64"))
    if fn in LIKE and isinstance(first, Array):
        return _new(session, node, first.shape, _dtype(kwargs.get("dtype"), first.dtype))
    if fn in ("array", "asarray", "asanyarray", "ascontiguousarray") and first is not None:
        if isinstance(first, Array):
            return Array(
                first.shape, _dtype(kwargs.get("dtype"), first.dtype), first.trace, first.origin
            )
        found = _literal_shape(first)
        if found is None:
            return UNKNOWN
        return _new(session, node, found[0], _dtype(kwargs.get("dtype"), found[1]))
    if fn == "arange":
        nums = [a.value if isinstance(a, Const) else None for a in args[:3]]
        if not nums or any(not isinstance(n, (int, float)) or isinstance(n, bool) for n in nums):
            return UNKNOWN
        start, stop, step = (
            (0, nums[0], 1)
            if len(nums) == 1
            else (nums[0], nums[1], nums[2] if len(nums) > 2 else 1)
        )
        if step == 0:
            return UNKNOWN
        length = max(0, math.ceil((stop - start) / step))  # type: ignore[operator]
        dtype = "int64" if all(isinstance(n, int) for n in nums) else "float64"
        return _new(session, node, (length,), dtype)
    if fn == "linspace":
        num = const_int(kwargs.get("num", args[2] if len(args) > 2 else Const(50)))
        return _new(session, node, None if num is None else (num,), "float64")
    if fn in ("eye", "identity"):
        n = const_int(first) if first is not None else None
        m = const_int(kwargs.get("M", args[1] if len(args) > 1 and fn == "eye" else Const(n)))
        return _new(session, node, None if n is None or m is None else (n, m), "float64")
    if fn == "newaxis":
        return Const(None)
    if fn == "load":
        return _load(session, node, first)

    if fn in JOINS:
        seq = first if first is not None else kwargs.get("arrays")
        if (
            not isinstance(seq, Seq)
            or not seq.items
            or not all(isinstance(i, Array) for i in seq.items)
        ):
            return UNKNOWN
        items: list[Array] = list(seq.items)  # type: ignore[arg-type]
        axis = _axis(kwargs.get("axis", args[1] if len(args) > 1 else Const(0)))
        try:
            shape = npr.join_arrays(fn, [a.shape for a in items], axis)  # type: ignore[arg-type]
        except npr.NumpyError as exc:
            _numpy_error(session, node, f"np.{fn} would raise: {exc}")
            return UNKNOWN
        return _step(session, items[0], node, shape)

    if not isinstance(first, Array):
        if fn == "reshape" and first is not None:  # a list, or a value of unknown shape
            return _reshaped_unknown(session, first, fn, node, args[1:], kwargs)
        return UNKNOWN
    # Functions that mirror ndarray methods: np.reshape(x, ...), np.expand_dims(x, ...), ...
    if fn == "expand_dims":
        axis = _axis(kwargs.get("axis", args[1] if len(args) > 1 else UNKNOWN))
        if axis is None:
            return UNKNOWN
        return _step(session, first, node, npr.expand_dims(first.shape, axis))
    if (
        fn
        in (
            "reshape",
            "squeeze",
            "transpose",
            "swapaxes",
            "moveaxis",
            "ravel",
            "flatten",
            "argmax",
            "argmin",
        )
        or fn in REDUCTIONS
    ):
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
            return _step(session, first, node, shape)
        return array_method(session, first, fn, node, method_args, kwargs)
    if fn in SAME_SHAPE:
        return Array(
            first.shape, _dtype(kwargs.get("dtype"), first.dtype), first.trace, first.origin
        )
    if fn == "where" and len(args) == 3:
        others = [a for a in args if isinstance(a, Array)]
        try:
            return _step(session, first, node, npr.broadcast(*(a.shape for a in others)))
        except npr.NumpyError:
            return UNKNOWN
    if fn in ("dot", "matmul") and len(args) == 2 and isinstance(args[1], Array):
        try:
            return _step(session, first, node, npr.matmul(first.shape, args[1].shape))
        except (npr.NumpyError, npr.Undecidable):
            return UNKNOWN
    return UNKNOWN


def _reshape_target(args: list[Value], kwargs: dict[str, Value]) -> Shape | None:
    """The shape asked of reshape: `reshape(-1, 28, 28)`, `reshape((10, 20))`, `shape=...`."""
    if "newshape" in kwargs or "shape" in kwargs:
        args = [kwargs.get("newshape", kwargs.get("shape", UNKNOWN))]
    if len(args) == 1:
        return as_array_shape(args[0])
    return as_array_shape(Seq(tuple(args))) if args else None  # a number not known: None


def _guaranteed(target: Shape | None) -> Shape | None:
    """What reshape guarantees once it returned, whatever the array's shape was: the axes
    asked for; the -1 axis, and an axis given by a number the analysis does not know
    (`x.reshape(x.shape[0], 1, 3)`), of a size it does not know (None in an array's shape)."""
    if target is None or any(type(d) is int and d < -1 for d in target):
        return None
    if sum(1 for d in target if d == -1) > 1:
        return None  # numpy raises: "can only specify one unknown dimension"
    return tuple(None if d == -1 else d for d in target)


def _reshaped_unknown(
    session: Session,
    value: Value,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """`x.reshape(-1, 28, 28, 1)` / `np.reshape(x, (10, 20))` with x of unknown shape: the
    program only gets past that line if numpy accepted it, so the result has those axes."""
    shape = _guaranteed(_reshape_target(args, kwargs))
    if shape is None:
        return UNKNOWN
    what = f"`{session.src.segment(node, 50)}` (the shape reshape returns)"
    return Array(shape, None, (what,), session.src.span(node))


REGISTRY.method(Unknown, "reshape")(_reshaped_unknown)


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


def array_method(
    session: Session,
    array: Array,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    shape = array.shape
    if method == "reshape":
        target = _reshape_target(args, kwargs)
        if target is None:
            return UNKNOWN
        if numel(shape) is None or any(d is None for d in target):
            guaranteed = _guaranteed(target)
            return UNKNOWN if guaranteed is None else _step(session, array, node, guaranteed)
        try:
            new = npr.reshape(shape, target)  # type: ignore[arg-type]
        except npr.NumpyError as exc:
            _numpy_error(session, node, f"reshape would raise: {exc}")
            return UNKNOWN
        return _step(session, array, node, new)
    if method in ("astype", "view") and method == "astype":
        return Array(
            shape,
            _dtype(args[0] if args else kwargs.get("dtype"), array.dtype),
            array.trace,
            array.origin,
        )
    if method in ("flatten", "ravel"):
        n = numel(shape)
        return _step(session, array, node, (n,)) if n is not None else UNKNOWN
    if method in ("copy", "clip", "round", "__abs__"):
        return array
    if method == "squeeze":
        axis = _axis(kwargs.get("axis", args[0] if args else None))
        return _step(session, array, node, npr.squeeze(shape, axis))
    if method == "transpose":
        axes: object = None
        if len(args) == 1 and isinstance(args[0], Seq):
            axes = to_python(args[0])
        elif args:
            axes = tuple(to_python(a) for a in args)
        if axes is not None and not (
            isinstance(axes, tuple | list) and all(type(a) is int for a in axes)
        ):
            return UNKNOWN
        return _step(session, array, node, npr.transpose(shape, axes))
    if method == "swapaxes" and len(args) == 2:
        a, b = const_int(args[0]), const_int(args[1])
        if a is None or b is None:
            return UNKNOWN
        return _step(session, array, node, npr.swapaxes(shape, a, b))
    if method in REDUCTIONS:
        axis = _axis(kwargs.get("axis", args[0] if args else None))
        keep = to_python(kwargs.get("keepdims", Const(False))) is True
        dtype = "int64" if method in ("argmax", "argmin") else array.dtype
        if method in ("argmax", "argmin"):
            keep = False
        return _step(session, array, node, npr.reduce(shape, axis, keep), dtype)
    return UNKNOWN


def _numpy_error(session: Session, node: ast.Call, message: str) -> None:
    session.add(Finding(session.src.span(node), "error", "SS401", message))


# --- what the registry knows of numpy -------------------------------------------------------

INT_DTYPES = ("int", "uint", "bool")

REGISTRY.constant("numpy.newaxis", Const(None))
REGISTRY.family("numpy")(lambda name: numpy_call)


def _array_method(
    session: Session,
    array: Array,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    try:
        return array_method(session, array, method, node, args, kwargs)
    except (npr.Undecidable, TypeError, ValueError, IndexError, OverflowError):
        return UNKNOWN


REGISTRY.method(
    Array,
    "reshape",
    "astype",
    "flatten",
    "ravel",
    "copy",
    "clip",
    "round",
    "__abs__",
    "squeeze",
    "transpose",
    "swapaxes",
    *sorted(REDUCTIONS),
)(_array_method)
REGISTRY.methods.setdefault(Array, {})  # any other ndarray method: its value is unknown


def _attribute(session: Session, value: Array, attr: str) -> Value:
    shape = value.shape
    if attr == "shape":
        return Seq(tuple(UNKNOWN if d is None else Const(d) for d in shape))
    if attr == "ndim":
        return Const(len(shape))
    if attr == "size":
        n = numel(shape)
        return UNKNOWN if n is None else Const(n)
    if attr == "T":
        return value.step(tuple(reversed(shape)), ".T")
    if attr == "dtype":
        return Const(value.dtype) if value.dtype else UNKNOWN
    return UNKNOWN


REGISTRY.attributes[Array] = _attribute


def _binary(session: Session, left: Value, op: ast.operator, right: Value, node: ast.AST) -> Value:
    """An array under +, -, *, /, @ ... with another array or a number: numpy broadcasting."""
    arrays = [v for v in (left, right) if isinstance(v, Array)]
    others = [v for v in (left, right) if not isinstance(v, Array)]
    if any(not (isinstance(o, Const) and isinstance(o.value, (int, float, bool))) for o in others):
        return UNKNOWN
    base = arrays[0]
    if isinstance(op, ast.MatMult):
        if len(arrays) != 2:
            return UNKNOWN
        try:
            return base.step(npr.matmul(arrays[0].shape, arrays[1].shape), "@")
        except (npr.NumpyError, npr.Undecidable):
            return UNKNOWN
    try:
        shape = npr.broadcast(*(a.shape for a in arrays))
    except npr.NumpyError:
        return UNKNOWN
    dtype = base.dtype
    if isinstance(op, ast.Div) or any(
        isinstance(o, Const) and isinstance(o.value, float) for o in others
    ):
        dtype = "float64" if not (dtype or "").startswith("float") else dtype
    what = _op_text(op, others[0]) if others else f"{_OP_SYMBOL.get(type(op), '?')} array"
    if shape == base.shape and others:
        return Array(shape, dtype, base.trace, base.origin)
    return base.step(shape, what, dtype)


REGISTRY.binary[Array] = _binary


def _compare(session: Session, left: Array, right: Value, node: ast.AST) -> Value | None:
    """`x > 0.5`: a boolean array of the broadcast shape (None: not a comparison of arrays)."""
    result = _binary(session, left, ast.Add(), right, node)
    if isinstance(result, Array):
        return Array(result.shape, "bool", result.trace, result.origin)
    return None


REGISTRY.compare[Array] = _compare


def _unary(operand: Array, op: ast.unaryop) -> Value:
    return operand if isinstance(op, (ast.USub, ast.UAdd, ast.Invert)) else UNKNOWN


REGISTRY.unary[Array] = _unary


class _RowSelection:
    """An index that picks rows by an integer or boolean array: rows known or unknown."""

    def __init__(self, rows: int | None) -> None:
        self.rows = rows


def _subscript(
    session: Session,
    value: Array,
    index: ast.expr,
    evaluate: Callable[[ast.expr], Value],
    slice_of: Callable[[ast.Slice], slice | None],
) -> Value:
    key_obj = _index_key(index, evaluate, slice_of)
    if key_obj is UNKNOWN:
        return UNKNOWN
    if isinstance(key_obj, _RowSelection):
        return value.step((key_obj.rows, *value.shape[1:]), f"[{session.src.segment(index, 30)}]")
    try:
        shape = npr.index(value.shape, key_obj)
    except (npr.NumpyError, npr.Undecidable):
        return _index_unknown_rows(session, value, key_obj, index)
    return value.step(shape, f"[{session.src.segment(index, 30)}]")


REGISTRY.subscripts[Array] = _subscript


def _index_unknown_rows(session: Session, value: Array, key: object, index: ast.expr) -> Value:
    """x[:, :10] on an array whose row count is unknown: ask numpy with rows = 1 and keep None."""
    if value.shape and value.shape[0] is None and all(d is not None for d in value.shape[1:]):
        first = key[0] if isinstance(key, tuple) and key else key
        if isinstance(first, slice) and first == slice(None):
            try:
                shape = npr.index((1, *value.shape[1:]), key)
            except (npr.NumpyError, npr.Undecidable):
                return UNKNOWN
            return value.step((None, *shape[1:]), f"[{session.src.segment(index, 30)}]")
    return UNKNOWN


def _index_key(
    node: ast.expr,
    evaluate: Callable[[ast.expr], Value],
    slice_of: Callable[[ast.Slice], slice | None],
) -> object:
    if isinstance(node, ast.Slice):
        sl = slice_of(node)
        return UNKNOWN if sl is None else sl
    if isinstance(node, ast.Tuple):
        keys = [_index_key(e, evaluate, slice_of) for e in node.elts]
        if any(k is UNKNOWN or isinstance(k, _RowSelection) for k in keys):
            return UNKNOWN
        return tuple(keys)
    value = evaluate(node)
    if isinstance(value, Const) and (
        value.value is None or value.value is Ellipsis or type(value.value) is int
    ):
        return value.value
    if isinstance(value, Array) and len(value.shape) == 1:
        if value.dtype == "bool":
            return _RowSelection(None)
        if value.dtype and value.dtype.startswith(INT_DTYPES[:2]):
            return _RowSelection(size(value.shape[0]))
    return UNKNOWN


def _element(array: Array) -> Value:
    """`for row in x`: one row."""
    if len(array.shape) > 1:
        return array.step(array.shape[1:], "one row")
    return UNKNOWN


REGISTRY.elements[Array] = _element


def _unpack(array: Array, count: int) -> tuple[Value, ...] | None:
    """`a, b = x`: one row each, when x has that many rows."""
    if array.shape and array.shape[0] == count:
        return tuple(array.step(array.shape[1:], "unpacked") for _ in range(count))
    return None


REGISTRY.unpacks[Array] = _unpack

_OP_SYMBOL = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
}


def _op_text(op: ast.operator, other: Value) -> str:
    value = other.value if isinstance(other, Const) else "?"
    return f"{_OP_SYMBOL.get(type(op), '?')} {value}"
