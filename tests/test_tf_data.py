"""tf.data pipelines as real code builds them: each method's element shapes (read through
`element_spec`, as tf.data itself reports them: the figures below are TensorFlow 2.21's), `map`
with a def or a lambda evaluated on the element's tensors, and what `fit` then meets."""

from __future__ import annotations

import pytest

from .helpers import errors, run, shape_of

HEAD = """import numpy as np
import tensorflow as tf
x = np.random.rand(100, 28, 28)
y = np.random.randint(0, 10, 100)
n = int(input())
ds = tf.data.Dataset.from_tensor_slices((x, y))
def prep(image, label):
    image = tf.expand_dims(tf.cast(image, tf.float32) / 255.0, -1)
    return image, tf.one_hot(label, 10)
def opaque(image, label):
    return some_library.augment(image), label
"""


@pytest.mark.parametrize(
    ("pipeline", "x_shape", "y_shape"),
    [
        ("ds", "(28, 28)", "()"),
        ("ds.batch(8)", "(None, 28, 28)", "(None,)"),
        ("ds.batch(8, drop_remainder=True)", "(8, 28, 28)", "(8,)"),
        ("ds.batch(4).batch(2)", "(None, None, 28, 28)", "(None, None)"),
        ("ds.batch(4).unbatch()", "(28, 28)", "()"),
        ("ds.shuffle(100).repeat().take(5).skip(1).cache().prefetch(2)", "(28, 28)", "()"),
        ("ds.filter(lambda a, b: b > 2).batch(2)", "(None, 28, 28)", "(None,)"),
        ("ds.map(prep)", "(28, 28, 1)", "(10,)"),
        ("ds.map(prep).batch(16)", "(None, 28, 28, 1)", "(None, 10)"),
        ("ds.batch(16).map(prep)", "(None, 28, 28, 1)", "(None, 10)"),
        ("ds.map(lambda a, b: (tf.reshape(a, (784,)), b))", "(784,)", "()"),
        ("ds.map(lambda a, b: (tf.image.resize(a[..., None], (14, 14)), b))", "(14, 14, 1)", "()"),
        ("ds.padded_batch(4)", "(None, 28, 28)", "(None,)"),
        ("ds.padded_batch(4, padded_shapes=([None, 30], []))", "(None, None, 30)", "(None,)"),
        (
            "tf.data.Dataset.zip((tf.data.Dataset.from_tensor_slices(x),"
            " tf.data.Dataset.from_tensor_slices(y)))",
            "(28, 28)",
            "()",
        ),
        (
            "tf.data.Dataset.from_tensor_slices(x).concatenate("
            "tf.data.Dataset.from_tensor_slices(np.zeros((5, 28, 30)))).map(lambda a: (a, a))",
            "(28, None)",
            "(28, None)",
        ),
    ],
)
def test_element_shapes(pipeline: str, x_shape: str, y_shape: str) -> None:
    source = f"{HEAD}p = {pipeline}\nsx, sy = p.element_spec\n"
    assert (shape_of(source, "sx"), shape_of(source, "sy")) == (x_shape, y_shape)


@pytest.mark.parametrize(
    "pipeline",
    [
        "ds.map(opaque)",  # the function calls something not modelled
        "ds.map(n)",  # not a function of the user's
        "ds.map(lambda a, b: {'image': a, 'label': b})",  # dicts are not followed
        "ds.batch(8).unbatch().unbatch().unbatch()",  # a scalar label: unbatch raises
        "ds.padded_batch(4, padded_shapes=([10, 10], []))",  # shorter than the element: raises
        "ds.window(5).flat_map(lambda w: w)",  # not batched
        "ds.concatenate(ds.batch(2))",  # tf.data raises: the structures differ
    ],
)
def test_what_is_not_followed_stays_unknown(pipeline: str) -> None:
    source = f"{HEAD}p = {pipeline}\nsx, sy = p.element_spec\n"
    assert (shape_of(source, "sx"), shape_of(source, "sy")) == (None, None)


def test_windows_of_a_series() -> None:
    source = """import numpy as np
import tensorflow as tf
series = np.random.rand(500, 3)
ds = tf.data.Dataset.from_tensor_slices(series).window(11, shift=1, drop_remainder=True)
whole = ds.flat_map(lambda w: w.batch(11, drop_remainder=True))
loose = ds.flat_map(lambda w: w.batch(11))
pairs = whole.map(lambda w: (w[:-1], w[-1]))
sw = whole.element_spec
sl = loose.element_spec
sx, sy = pairs.element_spec
"""
    assert shape_of(source, "sw") == "(11, 3)"
    assert shape_of(source, "sl") == "(None, 3)"  # tf.data's spec: the size is not defined
    assert (shape_of(source, "sx"), shape_of(source, "sy")) == ("(10, 3)", "(3,)")


FIT = (
    HEAD
    + """from tensorflow import keras
model = keras.Sequential([keras.layers.Input((28, 28, 1)), keras.layers.Flatten(),
                          keras.layers.Dense(10, activation="softmax")])
model.compile("adam", "categorical_crossentropy")
train = {train}
model.fit({fit})
"""
)


@pytest.mark.parametrize(
    ("train", "fit", "lines"),
    [
        ("ds.map(prep).batch(32)", "train", []),
        ("ds.map(prep)", "train", [16]),  # not batched: each (28, 28, 1) image is a batch
        ("ds.batch(32)", "train", [16]),  # (None, 28, 28) without the channel axis
        ("ds.map(prep).batch(8).batch(4)", "train", [16]),  # batches of batches
        ("ds.map(lambda a, b: prep(a, b)).batch(32)", "train", []),
        ("ds.map(opaque).batch(32)", "train", []),  # unknown: silent
        ("ds.map(prep).batch(32)", "train, validation_data=ds.batch(8)", [16]),
        ("ds.map(prep).batch(32)", "train, validation_data=ds.map(prep).batch(8)", []),
    ],
)
def test_fit_meets_the_pipeline(train: str, fit: str, lines: list[int]) -> None:
    source = FIT.format(train=train, fit=fit)
    assert [f.span.line for f in errors(source)] == lines


def test_a_map_function_that_is_not_followed_says_why() -> None:
    source = FIT.format(train="ds.map(opaque).batch(32)", fit="train")
    (call,) = run(source).calls
    assert call.status == "unchecked"
    assert "some_library.augment" in call.reasons[0].message


def test_a_discarded_result_changes_nothing() -> None:
    source = FIT.format(train="ds.map(prep)", fit="train").replace(
        "model.fit", "train.batch(32)\nmodel.fit"
    )
    assert [f.span.line for f in errors(source)] == [17]


def test_a_lambda_sees_its_enclosing_function() -> None:
    source = (
        HEAD
        + """
def pipeline(classes):
    return ds.map(lambda a, b: (a, tf.one_hot(b, classes))).batch(4)
sx, sy = pipeline(7).element_spec
"""
    )
    assert shape_of(source, "sy") == "(None, 7)"


def test_lambdas_called_by_the_program() -> None:
    source = "import numpy as np\nsquare = lambda a: a.reshape(-1, 4)\nr = square(np.zeros(8))\n"
    assert shape_of(source, "r") == "(2, 4)"
