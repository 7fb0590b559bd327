"""keras.utils' dataset builders: timeseries_dataset_from_array and text_dataset_from_directory
(image_dataset_from_directory: test_data_routes.py). Shapes as their `element_spec` gives them
under Keras 3 and 2 (the same for both: tf.keras 2.21 and keras 3.15 measured alike)."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapesense import Options, analyze
from shapesense.keras.versions import KerasVersion
from shapesense.resolve import ProjectResolver

from .helpers import errors, shape_of

SERIES = """import numpy as np
from tensorflow import keras
data = np.random.rand(200, 3)
target = np.random.rand(200)
n = int(input())
ds = {builder}
spec = ds.element_spec
"""


@pytest.mark.parametrize(
    ("builder", "x_shape", "y_shape"),
    [
        (
            "keras.utils.timeseries_dataset_from_array(data, target, sequence_length=10)",
            "(None, None, 3)",  # tf.data leaves the window axis undefined
            "(None,)",
        ),
        (
            "keras.utils.timeseries_dataset_from_array(data[:, 0], np.zeros((200, 2)), 5,"
            " sequence_stride=3, sampling_rate=2, batch_size=16)",
            "(None, None)",
            "(None, 2)",
        ),
        (
            "keras.utils.timeseries_dataset_from_array(data, target, 10, batch_size=None)",
            "(None, 3)",
            "()",
        ),
    ],
)
def test_timeseries_windows(builder: str, x_shape: str, y_shape: str) -> None:
    source = SERIES.format(builder=builder) + "sx, sy = spec\n"
    assert (shape_of(source, "sx"), shape_of(source, "sy")) == (x_shape, y_shape)


@pytest.mark.parametrize(
    "builder",
    [
        "keras.utils.timeseries_dataset_from_array(data, None, 10)",  # windows alone
        "keras.utils.timeseries_dataset_from_array(data, None, 10, batch_size=None)",
    ],
)
def test_timeseries_without_targets(builder: str) -> None:
    source = SERIES.format(builder=builder) + "sx = spec\n"
    assert shape_of(source, "sx") in ("(None, None, 3)", "(None, 3)")


@pytest.mark.parametrize(
    "builder",
    [
        "keras.utils.timeseries_dataset_from_array(data, target, n)",
        "keras.utils.timeseries_dataset_from_array(some_frame, target, 10)",
        "keras.utils.timeseries_dataset_from_array(data, target, 10, batch_size=n)",
    ],
)
def test_timeseries_unknowns_stay_unknown(builder: str) -> None:
    source = SERIES.format(builder=builder) + "sx, sy = spec\n"
    assert shape_of(source, "sx") is None


WINDOWS_FIT = """import numpy as np
from tensorflow import keras
data = np.random.rand(200, 3)
ds = keras.utils.timeseries_dataset_from_array(data[:-10], data[10:, 0], sequence_length=10)
model = keras.Sequential([keras.Input({shape}), keras.layers.LSTM(4), keras.layers.Dense(1)])
model.compile("adam", "mse")
model.fit(ds, epochs=1)
"""


@pytest.mark.parametrize(
    ("shape", "lines"),
    [
        ("(10, 3)", []),
        ("(10, 1)", [6]),  # 3 features into an input of 1
        ("(20, 3)", []),  # the window axis is undefined in what Keras traces: an LSTM runs
    ],
)
def test_timeseries_windows_meet_the_model(shape: str, lines: list[int]) -> None:
    source = WINDOWS_FIT.format(shape=shape)
    assert [f.span.line for f in errors(source)] == lines
    assert [f.span.line for f in errors(source, keras=2)] == lines


TEXTS = """import keras
ds = keras.utils.text_dataset_from_directory("reviews", {arguments})
inputs = keras.Input(shape=(1,), dtype="string")
x = keras.layers.TextVectorization(max_tokens=50, output_sequence_length=8)(inputs)
x = keras.layers.Embedding(50, 4)(x)
x = keras.layers.GlobalAveragePooling1D()(x)
model = keras.Model(inputs, keras.layers.Dense({units}, activation="softmax")(x))
model.compile("adam", "{loss}")
model.fit(ds, epochs=1)
spec = ds.element_spec
"""


def text_errors(tmp_path: Path, arguments: str, units: int, loss: str) -> list[int]:
    for name in ("neg", "neutral", "pos"):
        (tmp_path / "reviews" / name).mkdir(parents=True, exist_ok=True)
        (tmp_path / "reviews" / name / "a.txt").write_text("good film")
    source = TEXTS.format(arguments=arguments, units=units, loss=loss)
    main = tmp_path / "main.py"
    main.write_text(source)
    options = Options(KerasVersion(3), ProjectResolver(str(main), str(tmp_path)))
    return [f.span.line for f in analyze(source, options).findings if f.severity == "error"]


@pytest.mark.parametrize(
    ("arguments", "units", "loss", "lines"),
    [
        ('label_mode="categorical"', 3, "categorical_crossentropy", []),
        ('label_mode="categorical"', 2, "categorical_crossentropy", [8]),  # 3 class folders
        ('label_mode="categorical", class_names=["neg", "pos"]', 2, "categorical_crossentropy", []),
        ("batch_size=8", 3, "sparse_categorical_crossentropy", []),
        ("batch_size=8", 3, "categorical_crossentropy", [8]),  # int labels, one-hot loss
        ('label_mode="binary"', 1, "binary_crossentropy", []),  # 3 classes: Keras raises first
    ],
)
def test_text_labels_from_the_class_folders(
    tmp_path: Path, arguments: str, units: int, loss: str, lines: list[int]
) -> None:
    assert text_errors(tmp_path, arguments, units, loss) == lines


def test_text_labels_of_a_folder_not_there_stay_unknown(tmp_path: Path) -> None:
    source = TEXTS.format(arguments='label_mode="categorical"', units=2, loss="mse")
    assert errors(source) == []  # no project: the folders cannot be counted
