"""Python's builtins that answer shape questions: len(x), int(n), tuple(shape), max(a, b)..."""

from __future__ import annotations

import ast
import math

from ..session import Session
from ..values import UNKNOWN, Array, Const, Function, Generator, ListOf, Ref, Seq, TokenLists, Value
from .registry import REGISTRY, FunctionModel


@REGISTRY.family("builtins")
def _family(name: str) -> FunctionModel | None:
    return builtin_call


def builtin_call(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    fn = name.split(".", 1)[1]
    arg = args[0] if args else UNKNOWN
    if fn == "len":
        if isinstance(arg, Array) and arg.shape and arg.shape[0] is not None:
            return Const(arg.shape[0])
        if isinstance(arg, Seq):
            return Const(len(arg.items))
        if isinstance(arg, Const) and isinstance(arg.value, str):
            return Const(len(arg.value))
        if isinstance(arg, ListOf) and arg.count is not None:
            return Const(arg.count)
        if isinstance(arg, TokenLists) and arg.rows is not None:
            return Const(arg.rows)
    elif fn == "next" and isinstance(arg, Generator):
        return arg.item
    elif (
        fn in ("int", "round")
        and isinstance(arg, Const)
        and isinstance(arg.value, (int, float))
        and not isinstance(arg.value, bool)
    ):
        return Const(int(arg.value)) if math.isfinite(arg.value) else UNKNOWN
    elif fn == "float" and isinstance(arg, Const) and isinstance(arg.value, (int, float)):
        return Const(float(arg.value))
    elif fn in ("tuple", "list") and not args and not kwargs:
        return Seq((), fn == "list")  # `X, y = list(), list()`
    elif fn in ("tuple", "list") and isinstance(arg, Seq):
        return Seq(arg.items, fn == "list")
    elif fn == "list" and len(args) == 1 and isinstance(arg, Array) and arg.shape:
        # `list(np.random.rand(5))`: the array's rows (numpy scalars for a 1-D array)
        length = arg.shape[0] if isinstance(arg.shape[0], int) else None
        return ListOf(Array(arg.shape[1:], arg.dtype), length)
    elif fn == "enumerate" and isinstance(arg, Seq) and len(args) == 1 and not kwargs:
        # `for i, f in enumerate(filters)` over a known list: the loop can run item by item
        return Seq(tuple(Seq((Const(i), item)) for i, item in enumerate(arg.items)))
    elif fn == "zip" and args and all(isinstance(a, Seq) for a in args) and not kwargs:
        rows = zip(*(a.items for a in args if isinstance(a, Seq)), strict=False)
        return Seq(tuple(Seq(tuple(row)) for row in rows))
    elif (
        fn in ("max", "min")
        and len(args) > 1
        and all(isinstance(a, Const) and isinstance(a.value, (int, float)) for a in args)
    ):
        values = [a.value for a in args]  # type: ignore[attr-defined]
        return Const(max(values) if fn == "max" else min(values))
    return UNKNOWN


REGISTRY.elements[ListOf] = lambda items: items.item  # `for x in xs:` of a grown list


_ORDER = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
}


def _compare_constants(session: Session, left: Const, right: Value, node: ast.AST) -> Value | None:
    """`i == 0`, `units > 32` on constants (a loop run item by item knows `i`): the branch it
    guards is then taken or not, as Python does."""
    if not isinstance(node, ast.Compare) or not isinstance(right, Const):
        return None
    op = type(node.ops[0])
    if op in (ast.Is, ast.IsNot) and (left.value is None or right.value is None):
        same = left.value is None and right.value is None
        return Const(same if op is ast.Is else not same)
    plain = (int, float, str, bool)
    if op not in _ORDER or not isinstance(left.value, plain) or not isinstance(right.value, plain):
        return None
    try:
        return Const(bool(_ORDER[op](left.value, right.value)))
    except TypeError:  # 1 < "a": Python raises; the program stops there
        return None


def _compare_not_none(session: Session, left: Value, right: Value, node: ast.AST) -> Value | None:
    """`self.activation is not None` where it holds a function: never None."""
    if not isinstance(node, ast.Compare) or not (isinstance(right, Const) and right.value is None):
        return None
    op = type(node.ops[0])
    return Const(op is ast.IsNot) if op in (ast.Is, ast.IsNot) else None


REGISTRY.compare[Const] = _compare_constants
REGISTRY.compare[Ref] = _compare_not_none
REGISTRY.compare[Function] = _compare_not_none
