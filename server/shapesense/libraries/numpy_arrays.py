"""numpy's ndarray: its methods (`x.reshape(...)`), attributes (`x.shape`), and arrays under
Python's operators, indexing and iteration. The shape arithmetic is numpy's own (numpy_rules);
this module reads arguments as numpy's signatures do and keeps each array's history for hover.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .. import numpy_rules as npr
from ..findings import Finding
from ..session import Session
from ..shapes import Shape, fmt, numel, size
from ..values import (
    UNKNOWN,
    UNKNOWN_INT,
    Array,
    Const,
    Ref,
    Seq,
    Unknown,
    UnknownInt,
    Value,
    as_array_shape,
    const_int,
    to_python,
)
from .registry import REGISTRY

INT_DTYPES = ("int", "uint", "bool")
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


def dtype_of(value: Value | None, default: str | None) -> str | None:
    if isinstance(value, Const) and isinstance(value.value, str):
        return value.value
    if isinstance(value, Ref):
        last = value.name.rsplit(".", 1)[-1]
        return {"float": "float64", "int": "int64", "bool": "bool"}.get(last, last)
    return default


def _origin(session: Session, node: ast.Call, shape: Shape) -> tuple[str, ...]:
    return (f"`{session.src.segment(node, 50)}`",)  # where: Array.origin (no line in text)


def new_array(session: Session, node: ast.Call, shape: Shape | None, dtype: str | None) -> Value:
    if shape is None or any(type(d) is int and d < 0 for d in shape):
        return UNKNOWN
    return Array(shape, dtype, _origin(session, node, shape), session.src.span(node))


def step(
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


def shape_args(args: list[Value]) -> Shape | None:
    """rand(100, 64, 64) style: ints as positional arguments."""
    dims = [const_int(a) for a in args]
    if any(d is None for d in dims):
        return None
    return tuple(d for d in dims if d is not None)


def axis_arg(value: Value | None) -> int | tuple[int, ...] | None:
    obj = to_python(value) if value is not None else None
    if obj is None or (isinstance(obj, int) and not isinstance(obj, bool)):
        return obj
    if isinstance(obj, (tuple, list)) and all(type(o) is int for o in obj):
        return tuple(obj)
    raise npr.Undecidable


def numpy_error(session: Session, node: ast.Call, message: str) -> None:
    session.add(Finding(session.src.span(node), "error", "SS401", message))


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


def reshaped_unknown(
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


REGISTRY.method(Unknown, "reshape")(reshaped_unknown)


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
            return UNKNOWN if guaranteed is None else step(session, array, node, guaranteed)
        try:
            new = npr.reshape(shape, target)  # type: ignore[arg-type]
        except npr.NumpyError as exc:
            numpy_error(session, node, f"reshape would raise: {exc}")
            return UNKNOWN
        return step(session, array, node, new)
    if method in ("astype", "view") and method == "astype":
        return Array(
            shape,
            dtype_of(args[0] if args else kwargs.get("dtype"), array.dtype),
            array.trace,
            array.origin,
        )
    if method in ("flatten", "ravel"):
        n = numel(shape)
        return step(session, array, node, (n,)) if n is not None else UNKNOWN
    if method in ("copy", "clip", "round", "__abs__"):
        return array
    if method == "squeeze":
        axis = axis_arg(kwargs.get("axis", args[0] if args else None))
        return step(session, array, node, npr.squeeze(shape, axis))
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
        return step(session, array, node, npr.transpose(shape, axes))
    if method == "swapaxes" and len(args) == 2:
        a, b = const_int(args[0]), const_int(args[1])
        if a is None or b is None:
            return UNKNOWN
        return step(session, array, node, npr.swapaxes(shape, a, b))
    if method in REDUCTIONS:
        axis = axis_arg(kwargs.get("axis", args[0] if args else None))
        keep = to_python(kwargs.get("keepdims", Const(False))) is True
        dtype = "int64" if method in ("argmax", "argmin") else array.dtype
        if method in ("argmax", "argmin"):
            keep = False
        return step(session, array, node, npr.reduce(shape, axis, keep), dtype)
    return UNKNOWN


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
REGISTRY.kind(Array)  # any other ndarray method: its value is unknown


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


class _SomeRows:
    """A tuple index whose first item is a slice of bounds not known: `key` has `:` there."""

    def __init__(self, key: tuple[object, ...]) -> None:
        self.key = key


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
    if key_obj is UNKNOWN_INT:  # one row, if the program gets past this line at all
        if not value.shape:
            return UNKNOWN
        return value.step(value.shape[1:], f"[{session.src.segment(index, 30)}]")
    if isinstance(key_obj, _RowSelection):
        if not value.shape:
            return UNKNOWN
        return value.step((key_obj.rows, *value.shape[1:]), f"[{session.src.segment(index, 30)}]")
    if isinstance(key_obj, _SomeRows):
        try:
            shape = npr.index(value.shape, key_obj.key)
        except (npr.NumpyError, npr.Undecidable):
            return UNKNOWN
        return value.step((None, *shape[1:]), f"[{session.src.segment(index, 30)}]")
    try:
        shape = npr.index(value.shape, key_obj)
    except (npr.NumpyError, npr.Undecidable):
        return _index_unknown_rows(session, value, key_obj, index)
    return value.step(shape, f"[{session.src.segment(index, 30)}]")


REGISTRY.subscripts[Array] = _subscript


def _index_unknown_rows(session: Session, value: Array, key: object, index: ast.expr) -> Value:
    """x[:, :10] or x[:1] on an array whose row count is unknown: ask numpy with rows = 1 and
    keep None (a slice of the rows keeps that axis, of a length not known)."""
    if value.shape and isinstance(key, slice):  # x[:1]: the other axes as they are
        return value.step((None, *value.shape[1:]), f"[{session.src.segment(index, 30)}]")
    if value.shape and value.shape[0] is None and all(d is not None for d in value.shape[1:]):
        first = key[0] if isinstance(key, tuple) and key else key
        if type(key) is int:  # x[i]: one row, if the program gets past this line at all
            return value.step(value.shape[1:], f"[{session.src.segment(index, 30)}]")
        if isinstance(first, slice):
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
        return _RowSelection(None) if sl is None else sl  # x[lo:hi]: some of its rows
    if isinstance(node, ast.Tuple):
        # an int not known picks one item, as 0 would (if the program gets past this line)
        keys = [
            0 if k is UNKNOWN_INT else k
            for k in (_index_key(e, evaluate, slice_of) for e in node.elts)
        ]
        some_rows = (
            bool(keys)
            and isinstance(node.elts[0], ast.Slice)
            and isinstance(keys[0], _RowSelection)
        )
        if some_rows:  # x[lo:hi, :2]: the rows not known, the other axes as numpy says
            keys[0] = slice(None)
        if any(k is UNKNOWN or isinstance(k, _RowSelection) for k in keys):
            return UNKNOWN
        return _SomeRows(tuple(keys)) if some_rows else tuple(keys)
    value = evaluate(node)
    if isinstance(value, UnknownInt):
        return UNKNOWN_INT
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
    """`for row in x`: one row; an item of an array of strings is a string (`np.str_`)."""
    if len(array.shape) > 1 or (array.shape and array.dtype == "str"):
        return array.step(array.shape[1:], "one row")
    if len(array.shape) == 1 and array.dtype and array.dtype.startswith(INT_DTYPES[:2]):
        return UNKNOWN_INT  # `for i in np.random.permutation(n)`
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
