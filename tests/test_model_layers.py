"""A model's layers as code reaches them: `model.layers[i]`, `model.get_layer(name)`, a
layer's `.output` / `.input`, `model.input` of a Sequential model, and a layer taken from a
trained model and called again. Measured on Keras 3.15 and tf_keras 2.21 (the snippets below,
tests/corpus/programs/models_sfdata_styles/last_layer_reused*.py)."""

from __future__ import annotations

import pytest

from .cases import PROGRAM_HEAD
from .cases_names import NESTED_MODEL_ROWS
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


BRANCHES = (
    "import numpy as np\nimport keras\n"
    "inp = keras.Input(shape=(6,), name='inp')\n"
    "x1 = keras.layers.Dense(8, name='left1')(inp)\n"
    "x1 = keras.layers.Dense(4, name='left2')(x1)\n"
    "x2 = keras.layers.Dense(2, name='right')(inp)\n"
    "h = keras.layers.Concatenate(name='cat')([x2, x1])\n"
    "out = keras.layers.Dense(1, name='out')(h)\n"
    "model = keras.Model(inp, out)\n"
)


@pytest.mark.parametrize("keras", [3, 2])
def test_layers_of_a_graph_with_branches_in_keras_order(keras: int) -> None:
    """Not a chain: Keras lists the deepest layers first, ties in the order a walk from the
    outputs meets them (measured, Keras 3.15 and tf_keras 2.21: ['inp', 'left1', 'right',
    'left2', 'cat', 'out'] for this graph)."""
    src = BRANCHES + "".join(f"o{i} = model.layers[{i}].output\n" for i in range(1, 6))
    shapes = {
        s.name: s.description
        for s in run(src, keras).symbols
        if s.name[0] == "o" and s.name[1:].isdigit()
    }
    assert shapes == {
        "o1": "KerasTensor(None, 8)",
        "o2": "KerasTensor(None, 2)",
        "o3": "KerasTensor(None, 4)",
        "o4": "KerasTensor(None, 6)",
        "o5": "KerasTensor(None, 1)",
    }


@pytest.mark.parametrize("keras", [3, 2])
def test_a_trunk_cut_from_a_graph_with_branches(keras: int) -> None:
    src = BRANCHES + (
        "trunk = keras.Model(model.input, model.layers[-2].output)\n"
        "trunk.compile(loss='mse')\n"
        "trunk.fit(np.zeros((4, 6)), np.zeros((4, 5)))\n"
    )
    assert [(f.code, f.span.line) for f in errors(src, keras)] == [("SS202", 11)]
    assert errors(src.replace("np.zeros((4, 5))", "np.zeros((4, 6))"), keras) == []


def test_layers_of_a_graph_through_a_custom_layer_are_not_guessed() -> None:
    """Keras lists the user's layer, not the layers its `call` applies."""
    src = (
        "import keras\n"
        "class Block(keras.layers.Layer):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.inner = keras.layers.Dense(3)\n"
        "    def call(self, x):\n"
        "        return self.inner(x)\n"
        "inp = keras.Input(shape=(6,))\n"
        "out = keras.layers.Dense(1)(Block()(inp))\n"
        "model = keras.Model(inp, out)\n"
        "o1 = model.layers[1].output\n"
    )
    assert "o1" not in {s.name for s in run(src).symbols}


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize("kind", ["functional", "sequential"])
def test_several_arrays_for_a_model_of_one_input(kind: str, keras: int) -> None:
    """Measured: a list of three (20, 2) arrays raises for a functional model of one input in
    Keras 3.15 and tf_keras 2.21; a Sequential model raises in tf_keras only."""
    build = (
        "inp = keras.Input(shape=(2,))\nmodel = keras.Model(inp, keras.layers.Dense(3)(inp))\n"
        if kind == "functional"
        else "model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(3)])\n"
    )
    src = (
        "import numpy as np\nimport keras\n"
        + build
        + "model.compile(optimizer='adam', loss='mse')\n"
        "a = np.random.rand(20, 2)\n"
        "model.predict([a, a, a])\n"
    )
    found = [(f.code, f.span.line) for f in errors(src, keras)]
    raises = kind == "functional" or keras == 2
    assert found == ([("SS108", len(src.splitlines()) - 1)] if raises else [])


@pytest.mark.parametrize("keras", [3, 2])
def test_predictions_of_a_known_model_are_arrays(keras: int) -> None:
    """predict gives (rows of x, *output[1:]) per output, a list for several (measured)."""
    src = (
        "import numpy as np\nimport keras\n"
        "inp = keras.Input(shape=(6,))\n"
        "h = keras.layers.Dense(4)(inp)\n"
        "enc = keras.Model(inp, [keras.layers.Dense(2)(h), keras.layers.Dense(3)(h)])\n"
        "m, v = enc.predict(np.random.rand(10, 6))\n"
        "seq = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(5)])\n"
        "p = seq.predict(np.random.rand(7, 6))\n"
        "other = seq.predict(np.random.rand(7, 8))\n"
    )
    symbols = {s.name: s.description for s in run(src, keras).symbols}
    assert symbols["m"].startswith("array(10, 2)") and symbols["v"].startswith("array(10, 3)")
    assert symbols["p"].startswith("array(7, 5)")
    assert "other" not in symbols  # data Keras refuses (or, in Keras 2, may run otherwise)


@pytest.mark.parametrize("keras", [3, 2])
def test_summary_rows_as_keras_lists_the_layers(keras: int) -> None:
    """The rows of a model's summary are model.layers as Keras lists them (the generated
    sample compares them, tests/oracle/generator_models.py): a layer per loop iteration, the
    Inputs of a dict in graph order, a user's layer as one row, no op row in Keras 3."""
    src = (
        "import numpy as np\nimport tensorflow as tf\nimport keras\n"
        "class Linear(keras.layers.Layer):\n"
        "    def build(self, input_shape):\n"
        "        self.w = self.add_weight(shape=(input_shape[-1], 4))\n"
        "    def call(self, x):\n"
        "        return tf.nn.relu(tf.matmul(x, self.w))\n"
        "num = keras.Input(shape=(4,), name='num')\n"
        "cat = keras.Input(shape=(3,), name='cat')\n"
        "x = keras.layers.Concatenate()([num, cat])\n"
        "for units in [16, 8]:\n"
        "    x = keras.layers.Dense(units)(x)\n"
        "x = Linear()(x)\n"
        "x = x * 2.0\n"
        "model = keras.Model(inputs={'num': num, 'cat': cat}, outputs=keras.layers.Dense(1)(x))\n"
    )
    rows = [(r[1], r[2]) for r in run(src, keras).models[-1].rows]
    op = [("TFOpLambda", "(None, 4)")] if keras == 2 else []  # tf_keras 2.21: its class
    assert rows == [
        ("InputLayer", "(None, 4)"),
        ("InputLayer", "(None, 3)"),
        ("Concatenate", "(None, 7)"),
        ("Dense", "(None, 16)"),
        ("Dense", "(None, 8)"),
        ("Linear", "(None, 4)"),
        *op,
        ("Dense", "(None, 1)"),
    ]


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize(
    ("label", "body", "variable", "rows"),
    NESTED_MODEL_ROWS,
    ids=[case[0] for case in NESTED_MODEL_ROWS],
)
def test_a_model_used_as_a_layer_is_one_row(
    label: str,
    body: str,
    variable: str,
    rows: dict[int, list[tuple[str, str, str, int]]],
    keras: int,
) -> None:
    """Its name, class, output and parameters, as Keras's summary lists it (measured rows)."""
    analysis = run(PROGRAM_HEAD + body, keras)
    name = next(
        s.description.split("'")[1]
        for s in analysis.symbols
        if s.name == variable and "'" in s.description
    )
    [summary] = [m for m in analysis.models if m.name == name]
    got = [(r[0], r[1], r[2], int(r[3])) for r in summary.rows if r[1] != "InputLayer"]
    assert got == rows[keras]
