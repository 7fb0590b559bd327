"""Weights given by value (SS111): `Embedding(weights=[matrix])` and `layer.set_weights`, held
to the layer's weight shapes as Keras 3.15 and tf_keras 2.21 hold them (rows in tests/cases.py,
measured by the oracle; messages measured with the same versions)."""

from __future__ import annotations

import pytest

from tests.helpers import errors, run

VERSIONS = pytest.mark.parametrize("keras", [3, 2])

SET_WEIGHTS = """import numpy as np
import keras
inputs = keras.Input(shape=(4,))
dense = keras.layers.Dense(3, use_bias=BIAS)
outputs = dense(inputs)
dense.set_weights(WEIGHTS)
"""


@VERSIONS
@pytest.mark.parametrize(
    ("bias", "weights", "message"),
    [
        ("True", "[np.zeros((4, 3)), np.zeros(3)]", None),
        ("False", "[np.zeros((4, 3))]", None),
        (
            "True",
            "[np.zeros((5, 3)), np.zeros(3)]",
            "Layer dense weight shape (4, 3) is not compatible with provided weight shape (5, 3).",
        ),
        (
            "True",
            "[np.zeros((3, 4)), np.zeros(3)]",
            "Layer dense weight shape (4, 3) is not compatible with provided weight shape (3, 4).",
        ),
        (
            "False",
            "[np.zeros((4, 3)), np.zeros(3)]",
            "You called `set_weights(weights)` on layer QdenseQ with a weight list of length 2, "
            "but the layer was expecting 1 weights.",
        ),
    ],
)
def test_set_weights_on_a_built_layer(keras: int, bias: str, weights: str, message: str) -> None:
    src = SET_WEIGHTS.replace("BIAS", bias).replace("WEIGHTS", weights)
    found = errors(src, keras)
    if message is None:
        assert found == []
        return
    quote = "'" if keras == 3 else '"'
    assert [(f.code, f.span.line, f.keras_message) for f in found] == [
        ("SS111", 5, message.replace("Q", quote))
    ]


def test_set_weights_on_a_layer_not_seen_built_is_silent() -> None:
    """Keras expects no weights of a layer not built yet (it raises); the analysis cannot
    always tell that a layer was built (model.build, a sub-model), so it says nothing."""
    src = "import numpy as np\nimport keras\nd = keras.layers.Dense(3)\nd.set_weights([np.zeros((5, 3))])\n"
    assert errors(src) == []


EMBEDDING = """import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
embedding_matrix = np.zeros((VOCAB, 50))
model = keras.Sequential([
    layers.Embedding(1000, 50, weights=[embedding_matrix], trainable=False),
    layers.GlobalAveragePooling1D(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.randint(0, 1000, (16, 20)), np.zeros(16))
"""


@VERSIONS
def test_embedding_weights_of_another_vocabulary(keras: int) -> None:
    """Keras 3 raises where the Embedding is made; Keras 2 when it is built: here where the
    Sequential is made too (a Keras 2 Embedding declares its input, (None,) without
    input_length). Both measured."""
    assert errors(EMBEDDING.replace("VOCAB", "1000"), keras) == []
    found = errors(EMBEDDING.replace("VOCAB", "1001"), keras)
    message = (
        "Layer embedding weight shape (1000, 50) is not compatible with provided weight shape "
        "(1001, 50)."
    )
    assert [(f.code, f.span.line, f.keras_message) for f in found] == [("SS111", 5, message)]


@VERSIONS
def test_embedding_weights_hover_counts_them(keras: int) -> None:
    analysis = run(EMBEDDING.replace("VOCAB", "1000"), keras)
    steps = "20" if keras == 3 else "None"  # Keras 2 built it on its declared (None,)
    assert analysis.models[-1].rows[0][1:] == ("Embedding", f"(None, {steps}, 50)", "50000")


ADAPT = """import numpy as np
import tensorflow as tf
from tensorflow.keras import layers
train_features = np.random.rand(200, 9).astype("float32")
normalizer = layers.Normalization(axis=-1)
normalizer.adapt(train_features)
model = tf.keras.Sequential([normalizer, layers.Dense(1)])
model.compile(loss="mean_absolute_error", optimizer="adam")
model.fit(train_features[:, :COLUMNS], np.zeros(200), epochs=1, verbose=0)
"""


@VERSIONS
def test_normalization_adapted_on_other_columns(keras: int) -> None:
    """adapt() gives the mean the data's columns: Keras 2 raises where the layer meets 5
    (here at fit, where the Sequential is built); Keras 3 builds it, then raises in its call at
    fit, evaluate and predict (measured with Keras 3.15): both at the fit."""
    assert errors(ADAPT.replace("COLUMNS", "9"), keras) == []
    found = errors(ADAPT.replace("COLUMNS", "5"), keras)
    assert [(f.code, f.span.line) for f in found] == [("SS103", 8)]
    prefix = "Exception encountered when calling Normalization.call().\n\n" if keras == 3 else ""
    assert found[0].keras_message.startswith(prefix + "Dimensions must be equal, but are 5 and 9")


def test_adapt_on_data_of_unknown_columns_changes_nothing() -> None:
    src = ADAPT.replace(
        "normalizer.adapt(train_features)", "normalizer.adapt(tf.data.Dataset.range(3))"
    )
    assert errors(src.replace("COLUMNS", "5"), 2) == []
