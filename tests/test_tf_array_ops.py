"""TensorFlow's ops on a Python list of arrays (images appended in a loop, then stacked before
fit): tf.stack, tf.concat and tf.convert_to_tensor take numpy's shape rules. Each expected shape
is TensorFlow 2.21's own answer (measured on the same lists)."""

from __future__ import annotations

import pytest

from .helpers import errors, shape_of

HEAD = """import numpy as np
import tensorflow as tf
data_list = []
for i in range(40):
    data_list.append(np.random.rand(32, 32, 3).astype("float32"))
b = np.array(data_list)
"""


@pytest.mark.parametrize(
    ("expression", "shape"),
    [
        ("tf.stack(data_list)", "(40, 32, 32, 3)"),
        ("tf.stack(data_list, axis=1)", "(32, 40, 32, 3)"),
        ("tf.stack([b[0], b[1]])", "(2, 32, 32, 3)"),
        ("tf.convert_to_tensor(data_list)", "(40, 32, 32, 3)"),
        ("tf.convert_to_tensor(data_list, dtype=tf.float32)", "(40, 32, 32, 3)"),
        ("tf.convert_to_tensor(b, dtype=tf.float32)", "(40, 32, 32, 3)"),
        ("tf.concat([b, b], axis=0)", "(80, 32, 32, 3)"),
        ("tf.concat([b, b], 1)", "(40, 64, 32, 3)"),
        ("tf.concat([b, b])", None),  # TypeError: TensorFlow wants the axis
        ("tf.stack(unknown_list)", None),
    ],
)
def test_list_ops(expression: str, shape: str | None) -> None:
    source = HEAD + "unknown_list = list(input())\n" + f"out = {expression}\n"
    assert shape_of(source, "out") == shape


def test_stacked_images_meet_the_model() -> None:
    """tests/corpus/programs/images/list_of_images_stacked_works.py, and with a model for gray images."""
    source = HEAD + """model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(32, 32, {channels})),
    tf.keras.layers.Conv2D(8, 3),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(5),
])
model.compile(optimizer="adam", loss="mse")
model.fit(tf.stack(data_list), np.zeros((40, 5)))
"""
    assert errors(source.format(channels=3), 3) == []
    assert [f.code for f in errors(source.format(channels=1), 3)] == ["SS102"]
