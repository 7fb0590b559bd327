"""pandas: DataFrames and Series as Keras and numpy see them (a 2-D or 1-D array), with the
column names when they are known, so that `drop`, column selection, `iloc`/`loc`, `values`
and `concat` give the width the program really has.

A frame from `read_csv` of a literal path takes its columns from the file's header line
(tables.py reads the file as data; nothing in it is evaluated); rows are counted only when
cheap, and in a small file each column's distinct values too (`Frame.levels`, kept while the
frame holds every row, as written): `get_dummies`' width counts them. Whatever else depends on
the data's values (`dropna`'s rows) is unknown, and a column name the model does not know
makes the result unknown, never an error.
Code that changes a frame in place (`df["c"] = ...`, `inplace=True`) makes it unknown.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..session import Session
from ..shapes import Dim, fmt, size
from ..tables import Levels, read_table
from ..values import UNKNOWN, Array, Const, Mapping, Seq, Value, const_int, to_python
from .registry import REGISTRY, FunctionModel, InPlace

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


def _column(base: Array, rows: Dim, what: str) -> Column:
    return Column((rows,), base.dtype, (*base.trace, what)[-6:], base.origin)


def _labels(value: Value | None) -> list[Label] | None:
    """A column label or a list of them, as written in the source."""
    obj = to_python(value) if value is not None else None
    if isinstance(obj, (str, int)) and not isinstance(obj, bool):
        return [obj]
    if isinstance(obj, (list, tuple)) and all(
        isinstance(o, (str, int)) and not isinstance(o, bool) for o in obj
    ):
        return list(obj)
    return None


# --- functions --------------------------------------------------------------------------


def read_csv(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """pd.read_csv("data.csv"): the header gives the columns; rows counted when cheap."""
    path = args[0] if args else kwargs.get("filepath_or_buffer", UNKNOWN)
    if not (isinstance(path, Const) and isinstance(path.value, str)) or len(args) > 1:
        return UNKNOWN
    if set(kwargs) - {"sep", "delimiter", "header", "index_col", "usecols", "encoding"}:
        return UNKNOWN  # names=, skiprows=, nrows=...: not modelled
    sep = to_python(kwargs.get("sep", kwargs.get("delimiter", Const(","))))
    header = to_python(kwargs.get("header", Const(0)))
    index_col = to_python(kwargs.get("index_col", Const(None)))
    encoding = to_python(kwargs.get("encoding", Const("utf-8")))
    if (
        not (isinstance(sep, str) and len(sep) == 1 and sep not in ' \t"')
        or header not in (0, None)
        or index_col not in (None, False, 0)
        or str(encoding).lower().replace("_", "-") not in ("utf-8", "utf8", "utf-8-sig")
    ):
        return UNKNOWN
    resolver = session.resolver
    located = resolver.locate_file(path.value) if resolver is not None else None
    if located is None:
        return UNKNOWN  # a missing file stays unknown
    session.files_read.add(located)
    table = read_table(located, sep, header == 0)
    if table is None:
        return UNKNOWN
    columns: Columns = table.columns
    if index_col == 0:
        columns = columns[1:]
    if "usecols" in kwargs:
        wanted = _labels(kwargs["usecols"])
        if wanted is None or not all(isinstance(w, str) and w in columns for w in wanted):
            return UNKNOWN
        if index_col == 0:
            return UNKNOWN
        columns = tuple(c for c in columns if c in wanted)
    origin = f"`{session.src.segment(node, 50)}` (file header: {len(columns)} columns)"
    levels = tuple(
        (name, found)
        for name, found in zip(table.columns, table.levels, strict=False)
        if found is not None and name in columns
    )
    span = session.src.span(node)
    return Frame((table.rows, len(columns)), None, (origin,), span, columns, levels)


def data_frame(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """pd.DataFrame(array, columns=[...]) or pd.DataFrame({"a": [...], "b": [...]})."""
    data = args[0] if args else kwargs.get("data", UNKNOWN)
    names = _labels(kwargs["columns"]) if "columns" in kwargs else None
    if set(kwargs) - {"data", "columns", "dtype"} or len(args) > 1:
        return UNKNOWN
    what = f"`{session.src.segment(node, 50)}`"
    if isinstance(data, Mapping):
        rows = {_length(v) for _, v in data.items}
        if len(rows) != 1 or None in rows or "columns" in kwargs:
            return UNKNOWN
        columns = tuple(k for k, _ in data.items)
        return Frame((rows.pop(), len(columns)), None, (what,), session.src.span(node), columns)
    if isinstance(data, Frame) and "columns" not in kwargs:
        return data
    if isinstance(data, Array) and len(data.shape) in (1, 2):
        width = data.shape[1] if len(data.shape) == 2 else 1
        if names is not None:
            if size(width) is not None and len(names) != width:
                return UNKNOWN  # pandas raises; the shape error is not this model's to report
            return frame(data, data.shape[0], tuple(names), what)
        # columns= not readable: the names are not known (never pandas' default 0, 1, ...)
        cols = tuple(range(width)) if type(width) is int and "columns" not in kwargs else None
        return frame(data, data.shape[0], cols, what, width=width)
    return UNKNOWN


def _length(value: Value) -> int | None:
    if isinstance(value, Array) and len(value.shape) == 1:
        return size(value.shape[0])
    if isinstance(value, Seq) and all(isinstance(i, Const) for i in value.items):
        return len(value.items)
    return None


def series(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    data = args[0] if args else kwargs.get("data", UNKNOWN)
    if isinstance(data, Array) and len(data.shape) == 1:
        return _column(data, data.shape[0], f"`{session.src.segment(node, 50)}`")
    n = _length(data)
    if n is None:
        return UNKNOWN
    return Column((n,), None, (f"`{session.src.segment(node, 50)}`",), session.src.span(node))


def get_dummies(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """pd.get_dummies(df, columns=[...]): one column per distinct value of each column it
    expands (by default, every text column), the others kept. The values are known only as
    read from a small CSV (tables.py); elsewhere the width is unknown."""
    data = args[0] if args else kwargs.get("data", UNKNOWN)
    if not isinstance(data, Array):
        return UNKNOWN
    width = _dummies_width(data, kwargs) if isinstance(data, Frame) and len(args) <= 1 else None
    what = "get_dummies" if width is not None else "get_dummies (width from the data's values)"
    return frame(data, data.shape[0], None, what, width)


def _dummies_width(df: Frame, kwargs: dict[str, Value]) -> int | None:
    if df.columns is None or set(kwargs) - {"data", "columns", "drop_first", "dtype", "prefix"}:
        return None  # dummy_na=, sparse=...: not modelled
    drop_first = to_python(kwargs.get("drop_first", Const(False)))
    if drop_first not in (True, False):
        return None
    if "columns" in kwargs:
        names = _labels(kwargs["columns"])
        if names is None or not all(n in df.columns for n in names):
            return None
        expanded = df.levels_of(tuple(dict.fromkeys(names)))
    else:  # pandas expands the object (text) columns; a column of unknown kind: unknown
        every = df.levels_of(df.columns)
        expanded = [level for level in every if level.kind == "text"] if every else None
    counts = [level.count for level in expanded or ()]
    if expanded is None or None in counts:
        return None
    kept = len(df.columns) - len(expanded)
    return kept + sum(count - drop_first for count in counts if count is not None)


def concat(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    """pd.concat([a, b], axis=...): widths add (axis=1) or rows add (axis=0)."""
    objs = args[0] if args else kwargs.get("objs", UNKNOWN)
    axis = to_python(kwargs.get("axis", args[1] if len(args) > 1 else Const(0)))
    if not isinstance(objs, Seq) or not objs.items:
        return UNKNOWN
    parts = [_as_frame(p) for p in objs.items]
    if any(p is None for p in parts) or axis not in (0, 1, "index", "columns"):
        return UNKNOWN
    frames = [p for p in parts if p is not None]
    first = frames[0]
    rows = [f.shape[0] for f in frames]
    if axis in (1, "columns"):
        same_rows = len(set(rows)) == 1 and size(rows[0]) is not None
        names: list[Label] = []
        for f in frames:
            if f.columns is None:
                break
            names += f.columns
        widths = [size(f.shape[1]) for f in frames]
        width = sum(w for w in widths if w is not None) if None not in widths else None
        known = tuple(names) if all(f.columns is not None for f in frames) else None
        return frame(first, rows[0] if same_rows else None, known, "concat(axis=1)", width)
    total = sum(r for r in rows if type(r) is int) if all(type(r) is int for r in rows) else None
    if all(f.columns is not None for f in frames):
        union = tuple(dict.fromkeys(c for f in frames for c in f.columns or ()))
        return frame(first, total, union, "concat(axis=0)")
    return UNKNOWN


def _as_frame(value: Value) -> Frame | None:
    if isinstance(value, Frame):
        return value
    if isinstance(value, Column):
        return Frame((value.shape[0], 1), value.dtype, value.trace, value.origin, None)
    return None


FUNCTIONS: dict[str, FunctionModel] = {
    "read_csv": read_csv,
    "DataFrame": data_frame,
    "Series": series,
    "get_dummies": get_dummies,
    "concat": concat,
}


@REGISTRY.family("pandas")
def _family(name: str) -> FunctionModel | None:
    parts = name.split(".")
    return FUNCTIONS.get(parts[-1]) if len(parts) == 2 or parts[1:3] == ["core", "frame"] else None


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
    names = _labels(labels)
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
        return UNKNOWN
    if method == "rename" and ("columns" in kwargs or "mapper" in kwargs or args):
        return frame(df, df.shape[0], None, ".rename()", df.shape[1])
    if method == "astype":
        return frame(df, df.shape[0], df.columns, ".astype()", df.shape[1], _dtype(args, kwargs))
    return df if method == "copy" else replace(df, levels=())  # the values may change


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


@REGISTRY.method(Frame, "insert", "pop", "update", "set_index", "__setitem__")
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
    return _column(s, s.shape[0], f".{method}()")


REGISTRY.methods.setdefault(Column, {})


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
        return _column(df, df.shape[0], what)
    if isinstance(key, Seq) and key.is_list:
        names = _labels(key)
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
    names = _labels(key) if isinstance(key, Seq) and key.is_list else None
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
        return _column(df, n_rows, what)
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
