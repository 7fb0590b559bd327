"""Data given batch by batch: a generator function's items, a keras.utils.Sequence / PyDataset
subclass's `__getitem__`, tf.data.Dataset.from_generator. Keras takes each item as a whole
batch, as it is (measured under Keras 2 and 3 by the corpus programs
tests/corpus/programs/sequences/generator_yields_*.py, sequence_class_*.py and
tfdata/from_generator_*.py)."""

from __future__ import annotations

import pytest

from .helpers import errors, run, shape_of

DATA = """import numpy as np
import tensorflow as tf
X = np.random.rand(64, 10).astype("float32")
Y = np.random.rand(64, 1).astype("float32")
inp = tf.keras.Input(shape=(10,))
model = tf.keras.Model(inp, tf.keras.layers.Dense(1)(inp))
model.compile("adam", "mse")
"""


@pytest.mark.parametrize("keras", [3, 2])
def test_generator_of_single_samples_is_a_batch_without_its_batch_axis(keras: int) -> None:
    source = (
        DATA
        + """def gen():
    while True:
        for i in np.random.permutation(len(X)):
            yield X[i], Y[i]
model.fit(gen(), steps_per_epoch=4)
"""
    )
    found = errors(source, keras)
    assert [(f.span.line + 1, f.code) for f in found] == [(12, "SS101")]
    assert "(None,)" in found[0].message  # Keras's own words: the batch axis is any size


@pytest.mark.parametrize(
    "batch",
    ["X[i:i + 8], Y[i:i + 8]", "X[idx], Y[idx]"],
)
def test_generator_of_batches_is_checked_like_arrays(batch: str) -> None:
    source = (
        DATA
        + f"""def gen():
    for i in range(0, len(X), 8):
        idx = np.random.randint(0, 64, 8)
        yield {batch}
model.fit(gen())
model.fit(gen(), epochs=1)
"""
    )
    assert errors(source) == []
    wrong = source.replace("shape=(10,)", "shape=(12,)")
    assert [(f.span.line + 1, f.code) for f in errors(wrong)] == [(12, "SS102"), (13, "SS102")]


def test_a_generator_is_its_items_in_python() -> None:
    source = DATA + "def gen():\n    yield X[:4], Y[:4]\nfirst = next(gen())[0]\n"
    source += "for bx, by in gen():\n    pass\n"
    assert shape_of(source, "first") == "(4, 10)"
    assert shape_of(source, "bx") == "(4, 10)"


def test_a_generator_whose_items_disagree_is_not_followed() -> None:
    source = DATA + "def gen():\n    yield X, Y\n    yield X[:, :3], Y\nmodel.fit(gen())\n"
    assert errors(source) == []


SEQUENCE = """import math
class Batches(tf.keras.utils.{base}):
    def __init__(self, x, y, batch_size=16, **kwargs):
        super().__init__(**kwargs)
        self.x, self.y = x, y
        self.batch_size = batch_size
    def __len__(self):
        return math.ceil(len(self.x) / self.batch_size)
    def __getitem__(self, idx):
        lo = idx * self.batch_size
        return self.x[lo:lo + self.batch_size]{reshape}, self.y[lo:lo + self.batch_size]
model.fit(Batches(X, Y), epochs=1)
model.fit(X, Y, validation_data=Batches(X, Y))
"""


@pytest.mark.parametrize(("base", "keras"), [("Sequence", 3), ("Sequence", 2), ("PyDataset", 3)])
def test_sequence_getitem_runs_on_the_instance(base: str, keras: int) -> None:
    works = DATA + SEQUENCE.format(base=base, reshape="")
    assert errors(works, keras) == []
    broken = DATA + SEQUENCE.format(base=base, reshape=".reshape(-1, 5, 2)")
    found = errors(broken, keras)
    assert [(f.span.line + 1, f.code) for f in found] == [(19, "SS101"), (20, "SS101")]
    assert "(None, 5, 2)" in found[0].message


def test_pydataset_is_keras_3s() -> None:
    broken = DATA + SEQUENCE.format(base="PyDataset", reshape=".reshape(-1, 5, 2)")
    assert errors(broken, 2) == []  # tf_keras has no PyDataset: the class is not followed


def test_sequence_without_getitem_stays_silent_with_its_reason() -> None:
    source = DATA + "class B(tf.keras.utils.Sequence):\n    pass\nmodel.fit(B())\n"
    analysis = run(source)
    assert [f for f in analysis.findings if f.severity == "error"] == []
    assert analysis.calls[-1].trace  # recorded, with why it is not checked


SIGNATURE = """def gen():
    for i in range(len(F)):
        yield F[i], T[i]
F = np.random.rand(80, {features}).astype("float32")
T = np.random.rand(80).astype("float32")
ds = tf.data.Dataset.from_generator(gen, output_signature=(
    tf.TensorSpec(shape={shape}, dtype=tf.float32), tf.TensorSpec(shape=(), dtype=tf.float32)))
sx, sy = ds.element_spec
model.fit(ds.batch(8))
"""


@pytest.mark.parametrize(
    ("features", "shape", "spec", "error"),
    [
        (10, "(None,)", "(10,)", False),
        (6, "(None,)", "(6,)", True),  # Keras: Graph execution error (the matmul), at fit
        (10, "(10,)", "(10,)", False),
        (6, "(5,)", None, False),  # tf.data raises on the item: not modelled, silent
    ],
)
def test_from_generator_signature_refined_by_the_items(
    features: int, shape: str, spec: str | None, error: bool
) -> None:
    source = DATA + SIGNATURE.format(features=features, shape=shape)
    assert shape_of(source, "sx") == spec
    assert [f.code for f in errors(source)] == (["SS102"] if error else [])


def test_loop_index_over_range_takes_one_row() -> None:
    source = DATA + "for i in range(len(X)):\n    row = X[i]\n    part = X[i:]\n"
    assert shape_of(source, "row") == "(10,)"
    assert shape_of(source, "part") == "(None, 10)"
