"""scikit-learn: train_test_split keeps each array's (or frame's) sample shape and splits its
rows; scalers keep the shape; encoders set the width when the categories are written in the
source and leave it unknown otherwise (it depends on the data's values)."""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass

from ..findings import Fix
from ..fixes import wrap
from ..session import Session
from ..shapes import fmt, size
from ..tables import Levels
from ..values import UNKNOWN, Array, Const, Seq, SparseMatrix, Unknown, Value, to_python
from .library_errors import library_error
from .pandas import Column, Frame, with_rows
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
# check_array(ensure_2d=True): a table of (samples, features), never a column or a cube
TABLE_INPUT = SCALERS | {"OneHotEncoder", "OrdinalEncoder"}


@dataclass(frozen=True)
class Estimator(Value):
    """A preprocessing object: its class and what its constructor fixes about the output."""

    kind: str
    width: int | None = None  # OneHotEncoder(categories=[[...], ...]): the one-hot width
    sparse: bool = True  # OneHotEncoder returns a scipy sparse matrix unless told otherwise
    # OneHotEncoder() with categories="auto" and nothing that merges or drops categories: its
    # width is the count of each column's distinct values, known from a small CSV (tables.py)
    counts_values: bool = False


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
    plain = not set(kwargs) - {"sparse_output", "sparse", "handle_unknown", "dtype"}
    return Estimator(kind, width, bool(sparse), counts_values=plain)


@REGISTRY.method(Estimator, "fit_transform", "transform", "fit", "inverse_transform")
def transform(
    session: Session,
    est: Estimator,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    data = args[0] if args else kwargs.get("X", kwargs.get("y", UNKNOWN))
    if est.kind in TABLE_INPUT and isinstance(data, Array) and len(data.shape) not in (0, 2):
        _not_a_table(session, est, method, node, data)
        return UNKNOWN  # the program stops here
    if method == "fit":
        return est
    if not isinstance(data, Array) or not data.shape:
        return UNKNOWN
    rows = data.shape[0]
    what = f"{est.kind}.{method}"
    if est.kind == "LabelEncoder":
        if len(data.shape) != 1:
            return UNKNOWN  # a column vector is accepted with a warning; others raise
        dtype = "int64" if method != "inverse_transform" else None
        return Array((rows,), dtype, (*data.trace, what)[-6:], data.origin)
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
    width = est.width
    if width is None and est.counts_values and method == "fit_transform":
        width = _distinct_values(data)
    out = Array((rows, width), "float64", (*data.trace, what)[-6:], data.origin)
    return SparseMatrix(out) if est.sparse else out


def _distinct_values(data: Array) -> int | None:
    """One one-hot column per distinct value of each column, when the frame's values are known."""
    if not isinstance(data, Frame) or data.columns is None:
        return None
    counts = [level.count for level in data.levels_of(data.columns) or [Levels("", None)]]
    return None if None in counts else sum(c for c in counts if c is not None)


def _not_a_table(
    session: Session, est: Estimator, method: str, node: ast.Call, data: Array
) -> None:
    """SS402: scikit-learn's check_array refuses anything but (samples, features)."""
    written = node.args[0] if node.args else None
    label = f"{session.src.segment(written, 30)}, " if written is not None else ""
    kind = "a Series" if isinstance(data, Column) else "an array"
    message = (
        f"{est.kind}.{method} takes a table of (samples, features), but receives "
        f"{label}{kind} of shape {fmt(data.shape)}."
    )
    fixes: tuple[Fix, ...] = ()
    if len(data.shape) != 1:
        raised = f"ValueError: Found array with dim {len(data.shape)}, while dim <= 2 is required"
    elif isinstance(data, Column):
        raised = (
            "ValueError: Expected a 2-dimensional container but got "
            "<class 'pandas.core.series.Series'> instead (scikit-learn 1.6 and newer)"
        )
        fixes = _one_feature(session, written, "{paren}.to_frame()", "as a one-column frame")
    else:
        raised = "ValueError: Expected 2D array, got 1D array instead"
        fixes = _one_feature(session, written, "{paren}.reshape(-1, 1)", "as one feature")
    library_error(session, node, message, raised, fixes)


def _one_feature(
    session: Session, node: ast.expr | None, template: str, what: str
) -> tuple[Fix, ...]:
    """The column passed as a table of one feature, as scikit-learn's message advises."""
    if node is None:
        return ()
    edit = wrap(session, node, template)
    return (Fix(f"Pass it {what}: `{edit.new_text}`", (edit,), preferred=True),)


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
