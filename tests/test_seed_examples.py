"""The seed article's three examples, judged by what real Keras does (see tests/cases.py)."""

from pathlib import Path

from .helpers import errors, run

EXAMPLE_1 = """
import tensorflow as tf
import numpy as np

X_train = np.random.rand(200, {features})
y_train = np.random.randint(0, 2, size=200)

model = tf.keras.models.Sequential([
    tf.keras.layers.Dense(units=16, activation='relu', input_shape=(10,)),
    tf.keras.layers.Dense(units=1, activation='sigmoid')
])
model.compile(optimizer='adam', loss='binary_crossentropy')
X_train_reshaped = X_train.reshape(200, {features})
model.fit(X_train_reshaped, y_train, epochs=1)
"""

EXAMPLE_2 = """
import tensorflow as tf
import numpy as np

X_train_images = np.random.rand(100, 64, 64)
y_train_images = np.random.randint(0, 10, size=100)

model_conv = tf.keras.models.Sequential([
    tf.keras.layers.Conv2D(32, (3,3), activation='relu'{declared}),
    tf.keras.layers.MaxPool2D((2,2)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(10, activation='softmax')
])
model_conv.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
model_conv.fit(X_train_images, y_train_images, epochs=1)
"""

EXAMPLE_3 = (Path(__file__).parent.parent / "examples" / "seed_lstm.py").read_text()


def fit_line(source: str, needle: str) -> int:
    return next(i for i, line in enumerate(source.splitlines()) if needle in line)


def test_example_1_is_clean() -> None:
    assert run(EXAMPLE_1.format(features=10)).findings == []


def test_example_1_with_12_features_errors_on_fit_line() -> None:
    source = EXAMPLE_1.format(features=12)
    (error,) = errors(source)
    assert error.span.line == fit_line(source, "model.fit(")
    assert "(None, 10)" in error.message and "(200, 12)" in error.message


def test_example_2_runs_in_keras_so_only_a_hint() -> None:
    analysis = run(EXAMPLE_2.format(declared=", input_shape=(64,64,1)"))
    assert [f.severity for f in analysis.findings] == ["hint"]
    assert "trailing axis of size 1" in analysis.findings[0].message


def test_example_2_without_input_shape_errors_on_fit_line() -> None:
    source = EXAMPLE_2.format(declared="")
    (error,) = errors(source)
    assert error.span.line == fit_line(source, "model_conv.fit(")
    assert "min_ndim=4" in error.keras_message and "conv2d" in error.message


def test_example_3_good_fit_clean_bad_fit_error() -> None:
    (error,) = errors(EXAMPLE_3)
    assert error.span.line == fit_line(EXAMPLE_3, "model_rnn.fit(X_train_rnn_bad")
    assert "should be 5, got 3" in error.message
    assert (
        "X_train_rnn_bad" in error.message
        and "(150, 20, 3)" in error.message
        and "lstm" in error.message
    )


def test_example_3_in_keras_2_quotes_the_model_message() -> None:
    (error,) = errors(EXAMPLE_3, keras=2)
    assert "expected shape=(None, 20, 5), found shape=(None, 20, 3)" in error.keras_message
