"""tensorflow_datasets.load for the catalog datasets in libraries/tfds.py (shapes from the
catalog's pages): as_supervised (input, label) pairs, split as a string or a list, with_info,
batch_size; anything else stays unknown and says why."""

from __future__ import annotations

import pytest

from .helpers import errors, run, shape_of

HEAD = """import tensorflow as tf
import tensorflow_datasets as tfds
"""


@pytest.mark.parametrize(
    ("load", "x", "y"),
    [
        ('tfds.load("mnist", split="train", as_supervised=True)', "(28, 28, 1)", "()"),
        ('tfds.load("cifar10", split="test[:50%]", as_supervised=True)', "(32, 32, 3)", "()"),
        (
            'tfds.load("horses_or_humans", split="train", as_supervised=True, batch_size=8)',
            "(None, 300, 300, 3)",
            "(None,)",
        ),
        ('tfds.load("tf_flowers", split="train", as_supervised=True)', "(None, None, 3)", "()"),
        ('tfds.load("imdb_reviews", split="train", as_supervised=True)', "()", "()"),
        ('tfds.load("mnist", split="train")', None, None),  # dicts of features
        ('tfds.load("some_private_set", split="train", as_supervised=True)', None, None),
        ('tfds.load("mnist", as_supervised=True)', None, None),  # a dict of splits
    ],
)
def test_element_shapes(load: str, x: str | None, y: str | None) -> None:
    source = HEAD + f"ds = {load}\nsx, sy = ds.element_spec\n"
    assert (shape_of(source, "sx"), shape_of(source, "sy")) == (x, y)


def test_splits_as_a_list_and_with_info() -> None:
    source = HEAD + (
        '(train, test), info = tfds.load("fashion_mnist", split=["train", "test"],'
        " as_supervised=True, with_info=True)\n"
        "sx, sy = test.element_spec\n"
    )
    assert shape_of(source, "sx") == "(28, 28, 1)"


MODEL = """model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(4, 3, input_shape=(28, 28, 3)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(10, activation="softmax"),
])
model.compile("adam", "sparse_categorical_crossentropy")
"""


@pytest.mark.parametrize("keras", [3, 2])
def test_fit_meets_the_catalog_shapes(keras: int) -> None:
    load = 'train = tfds.load("mnist", split="train", as_supervised=True)\n'
    found = errors(HEAD + load + MODEL + "model.fit(train.batch(32))\n", keras)
    assert [f.code for f in found] == ["SS102"]  # (None, 28, 28, 1) into (None, 28, 28, 3)
    fixed = MODEL.replace("(28, 28, 3)", "(28, 28, 1)")
    assert errors(HEAD + load + fixed + "model.fit(train.batch(32))\n", keras) == []


def test_unknown_dataset_says_why() -> None:
    load = 'train = tfds.load("my_data", split="train", as_supervised=True)\n'
    analysis = run(HEAD + load + MODEL + "model.fit(train.batch(32))\n")
    assert not [f for f in analysis.findings if f.severity == "error"]
    assert "not in ShapeSense's table" in analysis.calls[-1].reasons[0].message
