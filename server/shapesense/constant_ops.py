"""Python's operators on constants the program writes: numbers, and strings kept short
(`"name%d" % i`, `prefix + name`), as Python computes them (expressions.py asks)."""

from __future__ import annotations

import ast
import re

from .values import UNKNOWN, Const, Value

MAX_POW_BITS = 256  # no shape is that large: bigger numbers are unknown

# `"f%d" % i`: directives with a one-digit width at most, so a result stays short
_SIMPLE_FORMAT = re.compile(r"(?:[^%]|%%|%[-+ 0]?\d?[sdi])*")
MAX_STRING = 256  # longer strings made by the program's operators are unknown


def _string_op(a: str, op: ast.operator, b: object) -> Value:
    """str + str and `"name%d" % number`: column names made in a comprehension."""
    if isinstance(op, ast.Add) and isinstance(b, str) and len(a) + len(b) <= MAX_STRING:
        return Const(a + b)
    if (
        isinstance(op, ast.Mod)
        and type(b) in (int, str)
        and len(a) <= MAX_STRING
        and len(str(b)) <= 32
        and _SIMPLE_FORMAT.fullmatch(a)
    ):
        try:
            return Const(a % b)
        except (TypeError, ValueError):
            return UNKNOWN
    return UNKNOWN


def const_binop(a: object, op: ast.operator, b: object) -> Value:
    if isinstance(a, str):
        return _string_op(a, op, b)
    numbers = (int, float)
    if (
        isinstance(a, numbers)
        and isinstance(b, numbers)
        and not isinstance(a, bool)
        and not isinstance(b, bool)
    ):
        try:
            if isinstance(op, ast.Add):
                return Const(a + b)
            if isinstance(op, ast.Sub):
                return Const(a - b)
            if isinstance(op, ast.Mult):
                if (
                    isinstance(a, int)
                    and isinstance(b, int)
                    and abs(a).bit_length() + abs(b).bit_length() > MAX_POW_BITS
                ):
                    return UNKNOWN
                return Const(a * b)
            if isinstance(op, ast.Div):
                return Const(a / b)
            if isinstance(op, ast.FloorDiv):
                return Const(a // b)
            if isinstance(op, ast.Mod):
                return Const(a % b)
            if isinstance(op, ast.Pow):
                if (
                    isinstance(b, int)
                    and isinstance(a, int)
                    and b >= 0
                    and abs(a).bit_length() * b > MAX_POW_BITS
                ):
                    return UNKNOWN
                return Const(a**b)
        except (ZeroDivisionError, OverflowError, ValueError):
            return UNKNOWN
    if (
        isinstance(a, str)
        and isinstance(b, str)
        and isinstance(op, ast.Add)
        and len(a) + len(b) < 10_000
    ):
        return Const(a + b)
    return UNKNOWN
