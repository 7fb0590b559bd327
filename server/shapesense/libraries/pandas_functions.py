"""pandas' functions: `read_csv` (the columns from the file's header line, tables.py), the
`DataFrame` and `Series` constructors, `get_dummies` and `concat`. The values they make, and
their methods, are in pandas.py."""

from __future__ import annotations

import ast

from ..session import Session
from ..shapes import size
from ..tables import read_table
from ..values import UNKNOWN, Array, Const, Mapping, Seq, Value, to_python
from .pandas import Column, Columns, Frame, Label, frame, labels_written, series_of
from .registry import REGISTRY, FunctionModel


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
        wanted = labels_written(kwargs["usecols"])
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
    names = labels_written(kwargs["columns"]) if "columns" in kwargs else None
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
        return series_of(data, data.shape[0], f"`{session.src.segment(node, 50)}`")
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
        names = labels_written(kwargs["columns"])
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
