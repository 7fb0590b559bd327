"""pandas: DataFrames and Series as Keras and numpy see them (a 2-D or 1-D array), with the
column names when they are known, so that `drop`, column selection, `iloc`/`loc`, `values`
and `concat` give the width the program really has.

A frame from `read_csv` of a literal path takes its columns from the file's header line
(tables.py reads the file as data; nothing in it is evaluated); rows are counted only when
cheap, and in a small file each column's distinct values too (`Frame.levels`, kept while the
frame holds every row, as written): `get_dummies`' width counts them. Whatever else depends on
the data's values (`dropna`'s rows) is unknown, and a column name the model does not know
makes the result unknown, never an error.
Code that changes a frame in place (`insert`, `inplace=True`) makes it unknown, but for
`df["c"] = values` (a new column at the end, or c's values replaced), `df.pop("c")`, whose
frame keeps its other columns, and `inplace=True` written as such.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, replace

from .. import silence
from ..session import Session
from ..shapes import Dim, fmt
from ..tables import Levels
from ..values import UNKNOWN, Array, Const, Seq, SeriesFed, Unknown, Value, const_int, to_python
from .registry import REGISTRY, InPlace

Label = str | int
Columns = tuple[Label, ...]


@dataclass(frozen=True)
class Frame(Array):
    """A DataFrame: shape (rows, width); `columns` are its names in order, when known."""

    columns: Columns | None = None
    # Each column's values as read from a small CSV (tables.Levels), by name: kept only where
    # the rows and the values stay those of the file (a choice of columns), for get_dummies
    # and OneHotEncoder, whose widths count them.
    levels: tuple[tuple[Label, Levels], ...] = ()

    def describe(self) -> str:
        return f"DataFrame{fmt(self.shape)}"

    def levels_of(self, names: Columns) -> list[Levels] | None:
        """The named columns' levels, when every one is known."""
        known = dict(self.levels)
        found = [known.get(name) for name in names]
        return None if None in found else found  # type: ignore[return-value]


@dataclass(frozen=True)
class Column(Array):
    """A Series: shape (rows,)."""

    def describe(self) -> str:
        return f"Series{fmt(self.shape)}"


REGISTRY.mutable.add(Frame)


def frame(
    base: Array | None,
    rows: Dim,
    columns: Columns | None,
    what: str,
    width: Dim = None,
    dtype: str | None = None,
) -> Frame:
    """A frame derived from `base` (None: new), remembering how it got there."""
    shape = (rows, len(columns) if columns is not None else width)
    if base is None:
        return Frame(shape, dtype, (what,), None, columns)
    return Frame(shape, dtype or base.dtype, (*base.trace, what)[-6:], base.origin, columns)


def with_rows(value: Array, rows: Dim, what: str) -> Array:
    """The same kind of value (array, frame, series) with another row count."""
    trace = (*value.trace, what)[-6:]
    if isinstance(value, Frame):  # some of the rows: some of the values
        return replace(value, shape=(rows, *value.shape[1:]), trace=trace, levels=())
    return replace(value, shape=(rows, *value.shape[1:]), trace=trace)


def _same_values(result: Frame, df: Frame) -> Frame:
    """`result` (some of df's columns, every row) with those columns' levels."""
    names = set(result.columns or ())
    return replace(result, levels=tuple(item for item in df.levels if item[0] in names))


def series_of(base: Array, rows: Dim, what: str) -> Column:
    return Column((rows,), base.dtype, (*base.trace, what)[-6:], base.origin)


def labels_written(value: Value | None) -> list[Label] | None:
    """A column label or a list of them, as written in the source."""
    obj = to_python(value) if value is not None else None
    if isinstance(obj, (str, int)) and not isinstance(obj, bool):
        return [obj]
    if isinstance(obj, (list, tuple)) and all(
        isinstance(o, (str, int)) and not isinstance(o, bool) for o in obj
    ):
        return list(obj)
    return None


# --- methods ----------------------------------------------------------------------------

Method = Callable[[Session, Frame, str, ast.Call, list[Value], dict[str, Value]], Value]


def _in_place(kwargs: dict[str, Value]) -> bool:
    flag = kwargs.get("inplace", Const(False))
    return not (isinstance(flag, Const) and flag.value is False)


def _copying(kwargs: dict[str, Value]) -> dict[str, Value]:
    return {k: v for k, v in kwargs.items() if k != "inplace"}


def _in_place_result(after: Value, kwargs: dict[str, Value]) -> InPlace:
    """`inplace=True`: the call returns None and the frame's name holds the result (only
    when `inplace=True` is written: a flag the analysis does not know makes it unknown)."""
    if kwargs.get("inplace") == Const(True):
        return InPlace(Const(None), after)
    return InPlace(UNKNOWN, UNKNOWN)


@REGISTRY.method(Frame, "drop")
def drop(
    session: Session,
    df: Frame,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """df.drop(columns=[...]) / df.drop([...], axis=1) / df.drop(index=...)."""
    if _in_place(kwargs):
        return _in_place_result(drop(session, df, method, node, args, _copying(kwargs)), kwargs)
    axis = to_python(kwargs.get("axis", args[1] if len(args) > 1 else Const(0)))
    labels = kwargs.get("labels", args[0] if args else None)
    if "columns" in kwargs:
        labels, axis = kwargs["columns"], 1
    elif "index" in kwargs:
        labels, axis = kwargs["index"], 0
    names = labels_written(labels)
    if axis in (0, "index"):
        rows = df.shape[0]
        if names is None or type(rows) is not int:
            return frame(df, None, df.columns, ".drop(rows)", df.shape[1])
        return frame(df, rows - len(set(names)), df.columns, ".drop(rows)", df.shape[1])
    if axis not in (1, "columns") or names is None:
        return UNKNOWN
    shown = f".drop({', '.join(map(repr, names))})"
    if df.columns is None:
        width = df.shape[1]
        left = width - len(set(names)) if type(width) is int else None
        return frame(df, df.shape[0], None, shown, left if left is None or left >= 0 else None)
    if not all(n in df.columns for n in names):
        return UNKNOWN  # pandas raises KeyError, or our names are stale: say nothing
    kept = tuple(c for c in df.columns if c not in names)
    return _same_values(frame(df, df.shape[0], kept, shown), df)


@REGISTRY.method(Frame, "dropna", "drop_duplicates")
def fewer_rows(
    session: Session,
    df: Frame,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    if _in_place(kwargs):
        return _in_place_result(
            fewer_rows(session, df, method, node, args, _copying(kwargs)), kwargs
        )
    axis = to_python(kwargs.get("axis", Const(0)))
    if axis not in (0, "index"):
        return UNKNOWN
    return frame(df, None, df.columns, f".{method}() (rows from the data)", df.shape[1])


@REGISTRY.method(
    Frame, "fillna", "astype", "copy", "shift", "sample", "abs", "round", "rename", "interpolate"
)
def same_shape(
    session: Session,
    df: Frame,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    if _in_place(kwargs):
        return _in_place_result(
            same_shape(session, df, method, node, args, _copying(kwargs)), kwargs
        )
    if method == "sample" and (args or "n" in kwargs or "frac" not in kwargs):
        return UNKNOWN
    if method == "sample" and kwargs.get("frac") != Const(1) and kwargs.get("frac") != Const(1.0):
        # sample(frac=0.8): the same columns, a share of the rows (not counted here)
        return replace(frame(df, None, df.columns, ".sample(frac)", df.shape[1]), levels=())
    if method == "rename" and ("columns" in kwargs or "mapper" in kwargs or args):
        return frame(df, df.shape[0], None, ".rename()", df.shape[1])
    if method == "astype":
        return frame(df, df.shape[0], df.columns, ".astype()", df.shape[1], _dtype(args, kwargs))
    if method == "copy":  # a new frame: a `pop` on the copy leaves the original whole
        return replace(df)
    return replace(df, levels=())  # the values may change


def _dtype(args: list[Value], kwargs: dict[str, Value]) -> str | None:
    value = to_python(args[0] if args else kwargs.get("dtype", UNKNOWN))
    return value if isinstance(value, str) else None


@REGISTRY.method(Frame, "reset_index")
def reset_index(
    session: Session,
    df: Frame,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """reset_index() puts the old index in a column first; drop=True discards it."""
    if _in_place(kwargs):
        return _in_place_result(
            reset_index(session, df, method, node, args, _copying(kwargs)), kwargs
        )
    if args or set(kwargs) - {"drop"}:
        return UNKNOWN
    if to_python(kwargs.get("drop", Const(False))) is True:
        return df
    if df.columns is None or "index" in df.columns:
        return frame(df, df.shape[0], None, ".reset_index()", None)
    return frame(df, df.shape[0], ("index", *df.columns), ".reset_index()")


@REGISTRY.method(Frame, "head", "tail")
def head(
    session: Session,
    df: Frame,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    n = const_int(args[0] if args else kwargs.get("n", Const(5)))
    rows = df.shape[0]
    if n is None or n < 0:
        return UNKNOWN
    return frame(
        df, min(n, rows) if type(rows) is int else None, df.columns, f".{method}()", df.shape[1]
    )


@REGISTRY.method(Frame, "to_numpy")
@REGISTRY.method(Column, "to_numpy")
def to_numpy(
    session: Session,
    df: Frame,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    return _values(df, ".to_numpy()")


@REGISTRY.method(Frame, "pop")
def pop(
    session: Session,
    df: Frame,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """labels = df.pop("target"): the column as a Series; the frame keeps the other columns."""
    names = labels_written(args[0]) if len(args) == 1 and not kwargs else None
    if names is None or len(names) != 1 or isinstance(to_python(args[0]), list):
        return InPlace(UNKNOWN)
    label, shown = names[0], f".pop({names[0]!r})"
    if df.columns is None:
        width = df.shape[1]
        left = width - 1 if type(width) is int and width > 0 else None
        return InPlace(series_of(df, df.shape[0], shown), frame(df, df.shape[0], None, shown, left))
    if label not in df.columns:
        return InPlace(UNKNOWN)  # pandas raises KeyError, or our names are stale: say nothing
    kept = tuple(c for c in df.columns if c != label)
    after = _same_values(frame(df, df.shape[0], kept, shown), df)
    return InPlace(series_of(df, df.shape[0], shown), after)


@REGISTRY.method(Frame, "insert", "update", "set_index", "__setitem__")
def mutating(
    session: Session,
    df: Frame,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    """Methods that change the frame itself (set_index only with inplace=True)."""
    if method == "set_index" and not _in_place(kwargs):
        return UNKNOWN
    return InPlace(UNKNOWN)


def column_assigned(
    session: Session, df: Frame, key: Value, value: Value, node: ast.Subscript
) -> Value:
    """df["c"] = values: column c's values replaced, or a new column c at the end; the rows
    stay the frame's (a Series is aligned on the index, a scalar fills the column). Values of
    another length make pandas raise: nothing is said about the frame then."""
    names = labels_written(key)
    written = session.src.segment(node, 50)
    if names is None or len(set(names)) != len(names) or df.columns is None:
        # a name not known, or a frame whose columns are not: added or replaced, who knows
        span = session.src.span(node)
        return silence.unknown(
            silence.UNMODELLED_CALL, f"{written} = ...", span, "DataFrame.__setitem__"
        )
    if not _fills(value, df.shape[0], len(names)):
        return UNKNOWN
    added = tuple(name for name in names if name not in df.columns)
    after = frame(df, df.shape[0], df.columns + added, f"{written} = ...")
    # the values assigned may be of another dtype; the other columns keep their levels
    kept = tuple(item for item in df.levels if item[0] not in names)
    return replace(after, dtype=df.dtype if _dtype_of(value) == df.dtype else None, levels=kept)


def _fills(value: Value, rows: Dim, width: int) -> bool:
    """Whether `value` may fill `width` columns of a frame of `rows` rows, as pandas takes
    it: values not known may (the frame after the line is the frame pandas leaves when it does
    not raise), values known not to make pandas raise."""
    if isinstance(value, Unknown):
        return True
    if isinstance(value, Const):
        return not isinstance(value.value, (list, tuple, dict))  # a scalar fills every row
    if isinstance(value, Column):
        return width == 1  # aligned on the index
    if not isinstance(value, Array):
        return False
    wanted = (width,) if isinstance(value, Frame) or width > 1 else ()
    length = value.shape[0] if value.shape else None
    # a length or a row count not known may be equal: pandas raises only when they differ
    return value.shape[1:] == wanted and not (
        type(rows) is int and type(length) is int and length != rows
    )


def _dtype_of(value: Value) -> str | None:
    if isinstance(value, Array):
        return value.dtype
    if isinstance(value, Const) and type(value.value) in (int, float):
        return "int64" if type(value.value) is int else "float64"
    return None


REGISTRY.item_assignments[Frame] = column_assigned


@REGISTRY.method(Column, "astype", "copy", "fillna", "shift", "map", "replace", "round", "abs")
def column_same_shape(
    session: Session,
    s: Column,
    method: str,
    node: ast.Call,
    args: list[Value],
    kwargs: dict[str, Value],
) -> Value:
    if _in_place(kwargs):
        return Const(None)  # a Series changed in place keeps its length
    return series_of(s, s.shape[0], f".{method}()")


REGISTRY.methods.setdefault(Column, {})


def _fed(s: Column) -> Array:
    """Keras's data adapters take a Series as one feature: (rows,) is fed as (rows, 1), so a
    row `df.iloc[0]` is that many samples of one value (Keras 3.15 and 2.21 measured:
    tests/corpus/programs/models_preprocessing/normalization_adapt_predict_series_row.py)."""
    return SeriesFed(
        (*s.shape, 1), s.dtype, (*s.trace, "a Series: Keras takes it as a column")[-6:], s.origin
    )


REGISTRY.fed[Column] = _fed


def _values(value: Array, what: str) -> Array:
    return Array(value.shape, value.dtype, (*value.trace, what)[-6:], value.origin)


# --- attributes and indexing ------------------------------------------------------------


@dataclass(frozen=True)
class Indexer(Value):
    """df.iloc / df.loc, waiting for its [...]."""

    frame: Frame
    by_position: bool


def _attribute(session: Session, df: Array, attr: str) -> Value:
    if attr == "shape":
        return Seq(tuple(UNKNOWN if type(d) is not int else Const(d) for d in df.shape))
    if attr in ("values",):
        return _values(df, ".values")
    if attr == "ndim":
        return Const(len(df.shape))
    if attr == "size" and all(type(d) is int for d in df.shape):
        return Const(df.shape[0] * (df.shape[1] if len(df.shape) > 1 else 1))  # type: ignore[operator]
    if isinstance(df, Frame):
        if attr in ("iloc", "loc"):
            return Indexer(df, attr == "iloc")
        if attr == "columns" and df.columns is not None:
            return Seq(tuple(Const(c) for c in df.columns), True)
        if attr == "T":
            return frame(df, df.shape[1], None, ".T", df.shape[0])
    return UNKNOWN


REGISTRY.attributes[Frame] = _attribute
REGISTRY.attributes[Column] = _attribute


def _subscript(
    session: Session,
    df: Frame,
    index: ast.expr,
    evaluate: Callable[[ast.expr], Value],
    slice_of: Callable[[ast.Slice], slice | None],
) -> Value:
    """df["col"] is a Series, df[["a", "b"]] a frame, df[mask] a frame of unknown rows."""
    if isinstance(index, ast.Slice):
        sl = slice_of(index)
        if sl is None or not all(p is None or type(p) is int for p in (sl.start, sl.stop, sl.step)):
            return UNKNOWN
        return frame(
            df,
            _sliced(df.shape[0], sl),
            df.columns,
            f"[{session.src.segment(index, 30)}]",
            df.shape[1],
        )
    key = evaluate(index)
    what = f"[{session.src.segment(index, 30)}]"
    if (
        isinstance(key, Const)
        and isinstance(key.value, (str, int))
        and not isinstance(key.value, bool)
    ):
        if df.columns is not None and key.value not in df.columns:
            return UNKNOWN
        return series_of(df, df.shape[0], what)
    if isinstance(key, Seq) and key.is_list:
        names = labels_written(key)
        if names is None or (df.columns is not None and not all(n in df.columns for n in names)):
            return UNKNOWN
        return _same_values(frame(df, df.shape[0], tuple(names), what), df)
    if isinstance(key, Array) and key.dtype == "bool" and len(key.shape) == 1:
        return frame(df, None, df.columns, what, df.shape[1])
    return UNKNOWN


REGISTRY.subscripts[Frame] = _subscript


def _sliced(n: Dim, sl: slice) -> Dim:
    return len(range(n)[sl]) if type(n) is int else None


def _axis_key(
    node: ast.expr,
    n: Dim,
    labels: Columns | None,
    by_position: bool,
    evaluate: Callable[[ast.expr], Value],
    slice_of: Callable[[ast.Slice], slice | None],
) -> tuple[bool, Dim, Columns | None] | None:
    """One axis of iloc/loc: (kept, its new length, the labels kept) or None (unknown)."""
    if isinstance(node, ast.Slice):
        if by_position:
            sl = slice_of(node)
            if sl is None:
                return None
            kept = labels[sl] if labels is not None else None
            return True, _sliced(n, sl), kept
        lo, hi = (
            to_python(evaluate(p)) if p is not None else None for p in (node.lower, node.upper)
        )
        if node.step is not None:
            return None
        if lo is None and hi is None:
            return True, n, labels
        if (
            labels is None
            or (lo is not None and lo not in labels)
            or (hi is not None and hi not in labels)
        ):
            return None
        start = labels.index(lo) if lo is not None else 0
        stop = labels.index(hi) + 1 if hi is not None else len(labels)
        return True, max(0, stop - start), labels[start:stop]
    key = evaluate(node)
    if isinstance(key, Const) and type(key.value) is int and by_position:
        return False, 1, None
    if isinstance(key, Const) and isinstance(key.value, (str, int)) and not by_position:
        if labels is not None and key.value not in labels:
            return None
        return False, 1, None
    names = labels_written(key) if isinstance(key, Seq) and key.is_list else None
    if names is not None:
        if by_position:
            positions = [i for i in names if type(i) is int]
            if len(positions) != len(names):
                return None
            kept = (
                tuple(labels[i] for i in positions)
                if labels is not None and all(-len(labels) <= i < len(labels) for i in positions)
                else None
            )
            return True, len(names), kept
        if labels is not None and not all(x in labels for x in names):
            return None
        return True, len(names), tuple(names)
    if isinstance(key, Array) and key.dtype == "bool" and len(key.shape) == 1:
        return True, None, labels
    return None


def _indexer_subscript(
    session: Session,
    ix: Indexer,
    index: ast.expr,
    evaluate: Callable[[ast.expr], Value],
    slice_of: Callable[[ast.Slice], slice | None],
) -> Value:
    """df.iloc[:, 1:5], df.iloc[:, -1], df.loc[:, ["a", "b"]], df.loc[mask]."""
    df = ix.frame
    keys = index.elts if isinstance(index, ast.Tuple) else [index]
    if len(keys) > 2 or not keys:
        return UNKNOWN
    row_labels: Columns | None = None  # the index's labels are not modelled
    rows = _axis_key(keys[0], df.shape[0], row_labels, ix.by_position, evaluate, slice_of)
    if rows is None and not ix.by_position:
        return UNKNOWN
    if rows is None:
        return UNKNOWN
    cols = (
        _axis_key(keys[1], df.shape[1], df.columns, ix.by_position, evaluate, slice_of)
        if len(keys) == 2
        else (True, df.shape[1], df.columns)
    )
    if cols is None:
        return UNKNOWN
    what = f".{'iloc' if ix.by_position else 'loc'}[{session.src.segment(index, 30)}]"
    row_kept, n_rows, _ = rows
    if not ix.by_position and row_kept and not isinstance(keys[0], ast.Slice):
        n_rows = None  # labels of the index: how many match is not known
    if not ix.by_position and isinstance(keys[0], ast.Slice) and (keys[0].lower or keys[0].upper):
        n_rows = None  # a label slice of the index
    col_kept, width, names = cols
    if row_kept and col_kept:
        return frame(df, n_rows, names, what, width)
    if row_kept:
        return series_of(df, n_rows, what)
    if col_kept:
        return Column((width,), df.dtype, (*df.trace, what)[-6:], df.origin)
    return UNKNOWN


REGISTRY.subscripts[Indexer] = _indexer_subscript


def _binary(session: Session, left: Value, op: ast.operator, right: Value, node: ast.AST) -> Value:
    """df / 255.0, s * 2: a frame or series and a number keep their shape and names."""
    base, other = (left, right) if isinstance(left, (Frame, Column)) else (right, left)
    if not isinstance(base, Array) or not (
        isinstance(other, Const) and isinstance(other.value, (int, float))
    ):
        return UNKNOWN
    result = replace(base, dtype="float64" if isinstance(op, ast.Div) else base.dtype)
    return replace(result, levels=()) if isinstance(result, Frame) else result


REGISTRY.binary[Frame] = _binary
REGISTRY.binary[Column] = _binary


def _compare(session: Session, left: Column, right: Value, node: ast.AST) -> Value | None:
    """`df["age"] > 30`: a boolean Series, a row mask."""
    if isinstance(right, Const) and isinstance(right.value, (int, float, str)):
        return Column(left.shape, "bool", left.trace, left.origin)
    return None


REGISTRY.compare[Column] = _compare

__all__ = ["Column", "Frame", "frame", "with_rows"]
