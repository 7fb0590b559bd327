"""A model's layers as code reaches them: `model.layers[i]`, `model.get_layer(name)`, a
layer's `.output` / `.input`, `model.input` of a Sequential model, and a layer taken from a
trained model and called again. Measured on Keras 3.15 and tf_keras 2.21 (the snippets below,
tests/corpus/programs/models_sfdata_styles/last_layer_reused*.py)."""

from __future__ import annotations

import pytest

from .helpers import errors, run

SEQUENTIAL = (
    "import numpy as np\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n"
    "model = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(8, 3),"
    " layers.Flatten(), layers.Dense(32, name='embedding'), layers.Dense(10)])\n"
)


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize(
    "outputs",
    ["model.layers[-2].output", "model.get_layer('embedding').output", "model.layers[2].output"],
)
def test_a_feature_extractor_from_a_sequential_model(outputs: str, keras: int) -> None:
    src = SEQUENTIAL + f"features = keras.Model(inputs=model.inputs, outputs={outputs})\n"
    good = src + "features.predict(np.zeros((4, 28, 28, 1)))\n"
    analysis = run(good, keras)
    assert [c.status for c in analysis.calls] == ["checked"]
    summary = [m for m in analysis.models if m.name.startswith(("functional", "model"))][-1]
    assert summary.rows[-1][2] == "(None, 32)"
    bad = src + "features.predict(np.zeros((4, 32, 32, 1)))\n"
    assert [f.span.line for f in errors(bad, keras)] == [5]


def test_keras_3_has_no_input_of_a_sequential_model() -> None:
    """Keras 3 raises AttributeError on a Sequential model's `.input` and `.output` (never
    called, also after fit); Keras 2 defines them."""
    src = SEQUENTIAL + (
        "features = keras.Model(inputs=model.input, outputs=model.layers[-2].output)\n"
        "features.predict(np.zeros((4, 32, 32, 1)))\n"
    )
    assert errors(src, 3) == []
    assert [f.span.line for f in errors(src, 2)] == [5]


@pytest.mark.parametrize("keras", [3, 2])
def test_the_last_layer_called_again_keeps_the_axis_it_was_built_for(keras: int) -> None:
    src = (
        "import numpy as np\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n"
        "model = keras.Sequential([keras.Input(shape=(20,)), layers.Dense(64), layers.Dense(3)])\n"
        "head = model.layers[-1]\n"
        "x = layers.Dense(32)(keras.Input(shape=(10,)))\n"
        "out = head(x)\n"
    )
    assert [(f.code, f.span.line) for f in errors(src, keras)] == [("SS102", 6)]
    fine = src.replace("layers.Dense(32)(", "layers.Dense(64)(")
    assert errors(fine, keras) == []


@pytest.mark.parametrize("keras", [3, 2])
def test_layers_of_a_functional_chain(keras: int) -> None:
    src = (
        "import numpy as np\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n"
        "inp = keras.Input(shape=(8,))\n"
        "h = layers.Dense(16)(inp)\n"
        "out = layers.Dense(2)(h)\n"
        "model = keras.Model(inp, out)\n"
        "trunk = keras.Model(model.input, model.layers[-2].output)\n"
        "head = keras.Model(model.input, model.layers[1].output)\n"
        "trunk.compile(loss='mse')\n"
        "trunk.fit(np.zeros((4, 8)), np.zeros((4, 3)))\n"
    )
    assert [(f.code, f.span.line) for f in errors(src, keras)] == [("SS202", 10)]


def test_the_output_of_a_layer_called_twice_is_not_guessed() -> None:
    src = (
        "import numpy as np\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n"
        "shared = layers.Dense(4)\n"
        "a = shared(keras.Input(shape=(3,)))\n"
        "b = shared(keras.Input(shape=(3,)))\n"
        "out = shared.output\n"
    )
    symbols = {s.name: s.description for s in run(src).symbols}
    assert "out" not in symbols and symbols["a"] == "KerasTensor(None, 4)"


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize(
    ("data", "line_error"),
    [("[state]", True), ("(state,)", True), ("[batch]", False), ("[np.zeros((3, 9))]", True)],
)
def test_a_list_of_one_array_is_that_array(data: str, line_error: bool, keras: int) -> None:
    """Reproduces hsahovic/poke-env#178: `model.predict([state])` with one 1-D state."""
    src = (
        "import numpy as np\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n"
        "model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(4)])\n"
        "state = np.random.rand(10)\nbatch = np.random.rand(3, 10)\n"
        f"model.predict({data})\n"
    )
    assert [f.span.line for f in errors(src, keras)] == ([6] if line_error else [])
