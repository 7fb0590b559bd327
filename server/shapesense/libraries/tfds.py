"""tensorflow_datasets: `tfds.load(name, split=..., as_supervised=True, with_info=...,
batch_size=...)` for the common catalog datasets, from the feature shapes the catalog
publishes (one row per dataset below, with its page). A dataset not in the table, a config
(`"name/config"`), elements as dicts (without `as_supervised`), or a split not written as a
string or a list of strings stay unknown, and say so. Nothing is downloaded or imported.
Every row is held to the builder's own feature definitions of tensorflow-datasets 4.9.10
(read offline, nothing downloaded) by tests/oracle/test_tfds_table.py.
"""

from __future__ import annotations

import ast
from typing import NamedTuple

from .. import silence
from ..session import Session
from ..shapes import Shape
from ..values import UNKNOWN, Array, Const, Dataset, Seq, Value, const_int, to_python
from .registry import REGISTRY

CATALOG = "https://www.tensorflow.org/datasets/catalog/"


class Entry(NamedTuple):
    """What `as_supervised=True` gives: (input, label), the input's shape and dtype."""

    shape: Shape  # None: a size that differs from example to example
    dtype: str
    classes: int
    page: str  # the catalog page the row is read from


# Read from each dataset's catalog page (FeaturesDict: the `image`/`text` feature and `label`).
DATASETS: dict[str, Entry] = {
    "mnist": Entry((28, 28, 1), "uint8", 10, CATALOG + "mnist"),
    "fashion_mnist": Entry((28, 28, 1), "uint8", 10, CATALOG + "fashion_mnist"),
    "kmnist": Entry((28, 28, 1), "uint8", 10, CATALOG + "kmnist"),
    "cifar10": Entry((32, 32, 3), "uint8", 10, CATALOG + "cifar10"),
    "cifar100": Entry((32, 32, 3), "uint8", 100, CATALOG + "cifar100"),
    "svhn_cropped": Entry((32, 32, 3), "uint8", 10, CATALOG + "svhn_cropped"),
    "horses_or_humans": Entry((300, 300, 3), "uint8", 2, CATALOG + "horses_or_humans"),
    "rock_paper_scissors": Entry((300, 300, 3), "uint8", 3, CATALOG + "rock_paper_scissors"),
    "beans": Entry((500, 500, 3), "uint8", 3, CATALOG + "beans"),
    "colorectal_histology": Entry((150, 150, 3), "uint8", 8, CATALOG + "colorectal_histology"),
    "eurosat": Entry((64, 64, 3), "uint8", 10, CATALOG + "eurosat"),
    "tf_flowers": Entry((None, None, 3), "uint8", 5, CATALOG + "tf_flowers"),
    "cats_vs_dogs": Entry((None, None, 3), "uint8", 2, CATALOG + "cats_vs_dogs"),
    "malaria": Entry((None, None, 3), "uint8", 2, CATALOG + "malaria"),
    "oxford_flowers102": Entry((None, None, 3), "uint8", 102, CATALOG + "oxford_flowers102"),
    "food101": Entry((None, None, 3), "uint8", 101, CATALOG + "food101"),
    "stanford_dogs": Entry((None, None, 3), "uint8", 120, CATALOG + "stanford_dogs"),
    "imdb_reviews": Entry((), "str", 2, CATALOG + "imdb_reviews"),
    "ag_news_subset": Entry((), "str", 4, CATALOG + "ag_news_subset"),
}


@REGISTRY.function("tensorflow_datasets.load")
def load(
    session: Session, name: str, node: ast.Call, args: list[Value], kwargs: dict[str, Value]
) -> Value:
    dataset = to_python(args[0] if args else kwargs.get("name", UNKNOWN))
    entry = DATASETS.get(dataset) if isinstance(dataset, str) else None
    split = to_python(args[1] if len(args) > 1 else kwargs.get("split", Const(None)))
    supervised = to_python(kwargs.get("as_supervised", Const(False)))
    with_info = to_python(kwargs.get("with_info", Const(False)))
    batch = kwargs.get("batch_size", Const(None))
    size = const_int(batch)
    if entry is None:
        return _not_followed(session, node, "a dataset not in ShapeSense's table")
    if supervised is not True:
        return _not_followed(session, node, "elements are dicts of features")
    if batch != Const(None) and (size is None or size <= 0):
        return _not_followed(session, node, "batch_size not a positive number")
    one = _dataset(entry, size, f"tfds.load({dataset!r})")
    if isinstance(split, str):
        result: Value = one
    elif isinstance(split, list) and split and all(isinstance(s, str) for s in split):
        result = Seq((one,) * len(split), is_list=True)
    else:
        return _not_followed(session, node, "split not a string or a list of strings")
    if with_info is True:
        return Seq((result, UNKNOWN))  # the DatasetInfo: not followed
    return result if with_info is False else UNKNOWN


def _dataset(entry: Entry, batch: int | None, what: str) -> Dataset:
    """(input, label) elements, unbatched (a placeholder first axis) or in batches of `batch`
    (the last one smaller: size None)."""
    trace = (what,)
    x = Array((None, *entry.shape), entry.dtype, trace)
    y = Array((None,), "int64", trace)
    return Dataset((x, y), batched=batch is not None)


def _not_followed(session: Session, node: ast.Call, why: str) -> Value:
    what = f"{session.src.segment(node, 50)} ({why})"
    return silence.unknown(
        silence.DATA_FROM_FILE, what, session.src.span(node), "tensorflow_datasets.load"
    )
