"""scikit-learn: train_test_split keeps each array's sample shape and splits its rows."""

from __future__ import annotations

import ast
import math

from ..session import Session
from ..shapes import size
from ..values import UNKNOWN, Array, Const, Seq, Value
from .registry import REGISTRY, FunctionModel


@REGISTRY.family("sklearn")
def _family(name: str) -> FunctionModel | None:
    return train_test_split if name.endswith("train_test_split") else None


def train_test_split(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """(a_train, a_test, b_train, b_test, ...): test_size of the rows (0.25 by default)."""
    arrays = [a for a in args if isinstance(a, Array)]
    if len(arrays) != len(args) or not arrays:
        return Seq(tuple(UNKNOWN for _ in range(2 * len(args))))
    n = size(arrays[0].shape[0])
    n_train = n_test = None
    if n is not None and "train_size" not in kwargs:
        test = kwargs.get("test_size", Const(0.25))
        if isinstance(test, Const) and type(test.value) is float and 0 < test.value < 1:
            n_test = math.ceil(test.value * n)
        elif isinstance(test, Const) and type(test.value) is int:
            n_test = test.value
        if n_test is not None:
            n_train = n - n_test
    out: list[Value] = []
    for a in arrays:
        out.append(a.step((n_train, *a.shape[1:]), "train_test_split → train"))
        out.append(a.step((n_test, *a.shape[1:]), "train_test_split → test"))
    return Seq(tuple(out))
