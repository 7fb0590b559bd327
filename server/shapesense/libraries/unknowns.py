"""Unknown values: whatever is done with one (an attribute, an index, an operator, a call) is
unknown too, and keeps the story of where it became unknown (silence.py), so that a silent
`fit` can say "x comes from `pd.read_csv(...)`". `something.fit(...)` on an unknown that may
be a model is recorded as a call that was not checked, and why."""

from __future__ import annotations

import ast
from collections.abc import Callable

from .. import coverage, silence
from ..session import Session
from ..values import COMPILED_FUNCTION_OF, UNKNOWN, Unknown, Value
from .registry import REGISTRY


def _attribute(session: Session, value: Unknown, attr: str) -> Value:
    return value


def _binary(session: Session, left: Value, op: ast.operator, right: Value, node: ast.AST) -> Value:
    for side in (left, right):
        if isinstance(side, Unknown) and side.cause is not None:
            return side
    return UNKNOWN


def _subscript(
    session: Session,
    value: Unknown,
    index: ast.expr,
    evaluate: Callable[[ast.expr], Value],
    slice_of: Callable[[ast.Slice], slice | None],
) -> Value:
    return value


def _called(
    session: Session, callee: Unknown, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in COMPILED_FUNCTION_OF:
        coverage.unknown_receiver(session, callee, node)
    if callee.cause is None:  # e.g. a dict or list method: the call is where it stops
        what = session.src.segment(node, 50)
        return silence.unknown(silence.UNMODELLED_CALL, what, session.src.span(node), "call")
    return silence.called(session.src, callee, node, [*args, *kwargs.values()])


def _unpack(value: Unknown, count: int) -> tuple[Value, ...]:
    return (value,) * count


REGISTRY.attributes[Unknown] = _attribute
REGISTRY.binary[Unknown] = _binary
REGISTRY.subscripts[Unknown] = _subscript
REGISTRY.calls[Unknown] = _called
REGISTRY.unpacks[Unknown] = _unpack
REGISTRY.elements[Unknown] = lambda value: value


@REGISTRY.method(Unknown, *COMPILED_FUNCTION_OF)
def _data_method(
    session: Session,
    receiver: Unknown,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """`net.fit(...)` on an unknown (another library also models methods of unknowns)."""
    return _called(session, receiver, node, args, kwargs)
