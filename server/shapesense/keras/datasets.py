"""Shapes of keras.datasets loaders and of the Keras data helpers (to_categorical, pad_sequences)."""

from __future__ import annotations

from ..shapes import Shape, size
from ..values import UNKNOWN, Array, ListOf, Seq, Value

# ((x_train, y_train), (x_test, y_test)) as (shape, dtype) pairs, as the loaders return them.
LOADERS: dict[
    str,
    tuple[tuple[tuple[Shape, str], tuple[Shape, str]], tuple[tuple[Shape, str], tuple[Shape, str]]],
] = {
    "mnist": (
        (((60000, 28, 28), "uint8"), ((60000,), "uint8")),
        (((10000, 28, 28), "uint8"), ((10000,), "uint8")),
    ),
    "fashion_mnist": (
        (((60000, 28, 28), "uint8"), ((60000,), "uint8")),
        (((10000, 28, 28), "uint8"), ((10000,), "uint8")),
    ),
    "cifar10": (
        (((50000, 32, 32, 3), "uint8"), ((50000, 1), "uint8")),
        (((10000, 32, 32, 3), "uint8"), ((10000, 1), "uint8")),
    ),
    "cifar100": (
        (((50000, 32, 32, 3), "uint8"), ((50000, 1), "int64")),
        (((10000, 32, 32, 3), "uint8"), ((10000, 1), "int64")),
    ),
    "boston_housing": (
        (((404, 13), "float64"), ((404,), "float64")),
        (((102, 13), "float64"), ((102,), "float64")),
    ),
    "california_housing": (
        (((16512, 8), "float32"), ((16512,), "float32")),
        (((4128, 8), "float32"), ((4128,), "float32")),
    ),
    # Sequences of words: object arrays of lists, of unknown length until pad_sequences.
    "imdb": (
        (((25000,), "object"), ((25000,), "int64")),
        (((25000,), "object"), ((25000,), "int64")),
    ),
    "reuters": (
        (((8982,), "object"), ((8982,), "int64")),
        (((2246,), "object"), ((2246,), "int64")),
    ),
}


def load_data(dataset: str, call_text: str) -> Value:
    spec = LOADERS.get(dataset)
    if spec is None:
        return UNKNOWN
    if dataset == "reuters" and "test_split" in call_text:
        return UNKNOWN  # the split changes the counts

    def arr(shape: Shape, dtype: str, part: str) -> Array:
        return Array(shape, dtype, (f"{dataset}.load_data() {part}",))

    (xtr, ytr), (xte, yte) = spec
    return Seq(
        (
            Seq((arr(*xtr, "x_train"), arr(*ytr, "y_train"))),
            Seq((arr(*xte, "x_test"), arr(*yte, "y_test"))),
        )
    )


def to_categorical(y: Array, num_classes: int | None) -> Shape:
    """keras.utils.to_categorical: a trailing axis of size 1 is dropped, then one-hot appended."""
    shape = y.shape
    if len(shape) > 1 and shape[-1] == 1:
        shape = shape[:-1]
    return (*shape, num_classes)


def pad_sequences(x: Value, maxlen: int | None) -> Value:
    """(sequences, maxlen): one row per sequence, whatever each one's length."""
    n: int | None = None
    if isinstance(x, Array):
        n = size(x.shape[0])
    elif isinstance(x, Seq):
        n = len(x.items)
    elif isinstance(x, ListOf):  # `[... for _ in range(100)]` of unknown items, or grown
        n = x.count
    else:
        return UNKNOWN
    return Array((n, maxlen), "int32", (f"pad_sequences(maxlen={maxlen})",))
