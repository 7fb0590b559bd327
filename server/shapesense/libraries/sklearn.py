"""scikit-learn: train_test_split keeps each array's (or frame's) sample shape and splits its
rows; scalers keep the shape; encoders set the width when the categories are written in the
source and leave it unknown otherwise (it depends on the data's values)."""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass

from .. import silence
from ..session import Session
from ..shapes import size
from ..values import UNKNOWN, Array, Const, Seq, Unknown, Value, to_python
from .pandas import with_rows
from .registry import REGISTRY, FunctionModel

# transform() returns an array of the input's shape
SCALERS = frozenset(
    {
        "StandardScaler",
        "MinMaxScaler",
        "RobustScaler",
        "MaxAbsScaler",
        "Normalizer",
        "QuantileTransformer",
        "PowerTransformer",
    }
)
ENCODERS = frozenset({"OneHotEncoder", "LabelEncoder", "LabelBinarizer", "OrdinalEncoder"})


@dataclass(frozen=True)
class Estimator(Value):
    """A preprocessing object: its class and what its constructor fixes about the output."""

    kind: str
    width: int | None = None  # OneHotEncoder(categories=[[...], ...]): the one-hot width
    sparse: bool = True  # OneHotEncoder returns a scipy sparse matrix unless told otherwise


@dataclass(frozen=True)
class SparseMatrix(Value):
    """A scipy sparse matrix (Keras 3 refuses it in fit; `.toarray()` makes an array)."""

    array: Array


@REGISTRY.family("sklearn")
def _family(name: str) -> FunctionModel | None:
    last = name.rsplit(".", 1)[-1]
    if last == "train_test_split":
        return train_test_split
    if last in SCALERS or last in ENCODERS:
        return estimator
    return None


def estimator(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    kind = name.rsplit(".", 1)[-1]
    if kind != "OneHotEncoder":
        return Estimator(kind)
    sparse = to_python(kwargs.get("sparse_output", kwargs.get("sparse", Const(True))))
    if sparse not in (True, False) or args:
        return UNKNOWN
    width = None
    categories = to_python(kwargs.get("categories", Const("auto")))
    drop = kwargs.get("drop", Const(None))
    if (
        isinstance(categories, (list, tuple))
        and drop == Const(None)
        and all(isinstance(c, (list, tuple)) for c in categories)
    ):
        width = sum(len(c) for c in categories)
    return Estimator(kind, width, bool(sparse))


@REGISTRY.method(Estimator, "fit_transform", "transform", "fit", "inverse_transform")
def transform(
    session: Session,
    est: Estimator,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    if method == "fit":
        return est
    data = args[0] if args else kwargs.get("X", kwargs.get("y", UNKNOWN))
    if not isinstance(data, Array) or not data.shape:
        return UNKNOWN
    rows = data.shape[0]
    what = f"{est.kind}.{method}"
    if est.kind == "LabelEncoder":
        if len(data.shape) != 1:
            return UNKNOWN  # a column vector is accepted with a warning; others raise
        dtype = "int64" if method != "inverse_transform" else None
        return Array((rows,), dtype, (*data.trace, what)[-6:], data.origin)
    if len(data.shape) != 2 and est.kind != "LabelBinarizer":
        # scikit-learn raises ("Expected 2D array"): the program stops before any Keras call
        what = f"`{session.src.segment(node, 40)}` raises in scikit-learn (Expected 2D array)"
        return silence.unknown(
            silence.UNMODELLED_CALL, what, session.src.span(node), f"sklearn.{est.kind}.{method}"
        )
    if est.kind in SCALERS:
        return Array(data.shape, "float64", (*data.trace, what)[-6:], data.origin)
    if method == "inverse_transform":
        return UNKNOWN
    if est.kind == "OrdinalEncoder":
        return Array(data.shape, "float64", (*data.trace, what)[-6:], data.origin)
    if est.kind == "LabelBinarizer":
        if len(data.shape) != 1:
            return UNKNOWN
        return Array(
            (rows, None), "int64", (*data.trace, f"{what} (width from the data)"), data.origin
        )
    out = Array((rows, est.width), "float64", (*data.trace, what)[-6:], data.origin)
    return SparseMatrix(out) if est.sparse else out


@REGISTRY.method(SparseMatrix, "toarray", "todense")
def to_array(
    session: Session,
    matrix: SparseMatrix,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    return matrix.array


def train_test_split(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """(a_train, a_test, b_train, b_test, ...): test_size of the rows (0.25 by default)."""
    arrays = [a for a in args if isinstance(a, Array)]
    if len(arrays) != len(args) or not arrays:
        # each part comes from where its array does
        return Seq(tuple(a if type(a) is Unknown else UNKNOWN for a in args for _ in (0, 1)))
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
        out.append(with_rows(a, n_train, "train_test_split → train"))
        out.append(with_rows(a, n_test, "train_test_split → test"))
    return Seq(tuple(out))
