"""Python's builtins that answer shape questions: len(x), int(n), tuple(shape), max(a, b)..."""

from __future__ import annotations

import ast
import math

from ..session import Session
from ..values import UNKNOWN, Array, Const, Generator, ListOf, Seq, TokenLists, Value
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
    elif (
        fn in ("max", "min")
        and len(args) > 1
        and all(isinstance(a, Const) and isinstance(a.value, (int, float)) for a in args)
    ):
        values = [a.value for a in args]  # type: ignore[attr-defined]
        return Const(max(values) if fn == "max" else min(values))
    return UNKNOWN


REGISTRY.elements[ListOf] = lambda items: items.item  # `for x in xs:` of a grown list
