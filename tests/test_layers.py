"""The layer catalog: every entry's output shape (tests/cases.py, checked against Keras too)."""

import re

import pytest
from shapesense.keras.layers import CATALOG, snake_case

from .cases import LAYER_CASES, MULTI_INPUT_CASES, TYPED_LAYER_CASES, multi_input_program
from .helpers import run


@pytest.mark.parametrize(("layer", "sample", "expected"), LAYER_CASES)
def test_layer_output_shape(layer: str, sample: tuple[int, ...], expected: str) -> None:
    src = f"import keras\nL = keras.layers\nmodel = keras.Sequential([keras.Input(shape={sample!r}), {layer}])\n"
    analysis = run(src)
    assert [f for f in analysis.findings if f.severity == "error"] == []
    (summary,) = analysis.models
    assert summary.rows[-1][2] == expected


@pytest.mark.parametrize(("layer", "sample", "dtype", "expected"), TYPED_LAYER_CASES)
def test_layer_on_strings_or_ints(
    layer: str, sample: tuple[int, ...], dtype: str, expected: str
) -> None:
    src = f"import keras\nL = keras.layers\nmodel = keras.Sequential([keras.Input(shape={sample!r}, dtype={dtype!r}), {layer}])\n"
    analysis = run(src)
    assert [f for f in analysis.findings if f.severity == "error"] == []
    assert analysis.models[-1].rows[-1][2] == expected


@pytest.mark.parametrize(("call", "shapes", "expected", "params"), MULTI_INPUT_CASES)
def test_layer_on_several_tensors(
    call: str, shapes: list[tuple[int, ...]], expected: str, params: str
) -> None:
    analysis = run(multi_input_program(call, shapes))
    assert [f for f in analysis.findings if f.severity == "error"] == []
    assert analysis.models[-1].rows[-1][2:] == (expected, params)


def test_attention_scores_are_a_second_output() -> None:
    src = multi_input_program(
        "L.Attention()([i0, i1], return_attention_scores=True)[1]", [(10, 8), (7, 8)]
    )
    assert run(src).models[-1].rows[-1][2] == "[(None, 10, 8), (None, 10, 7)]"


def test_every_catalog_entry_has_a_case() -> None:
    tables = [*LAYER_CASES, *TYPED_LAYER_CASES, *MULTI_INPUT_CASES]
    covered = {name for case in tables for name in re.findall(r"L\.(\w+)\(", case[0])}
    merges = {"Concatenate", "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"}
    untested = (
        set(CATALOG)
        - covered
        - merges
        - {
            "GaussianDropout",
            "AlphaDropout",
            "ActivityRegularization",
            "ELU",
            "Conv1DTranspose",
            "Conv3DTranspose",
            "SeparableConv1D",
            "DepthwiseConv1D",
            "AveragePooling3D",
            "GlobalAveragePooling3D",
            "GlobalMaxPooling3D",
            "SpatialDropout3D",
        }
    )
    assert untested == set()


@pytest.mark.parametrize(
    ("merge", "shapes", "expected"),
    [
        ("Concatenate()", [(4, 3), (4, 5)], "(None, 4, 8)"),
        ("Concatenate(axis=1)", [(4, 3), (6, 3)], "(None, 10, 3)"),
        ("Add()", [(4,), (4,)], "(None, 4)"),
        ("Subtract()", [(4,), (4,)], "(None, 4)"),
        ("Multiply()", [(4, 1), (4, 3)], "(None, 4, 3)"),
        ("Average()", [(4,), (4,)], "(None, 4)"),
        ("Maximum()", [(4,), (4,)], "(None, 4)"),
    ],
)
def test_merge_layers(merge: str, shapes: list[tuple[int, ...]], expected: str) -> None:
    inputs = "\n".join(f"i{n} = keras.Input(shape={s!r})" for n, s in enumerate(shapes))
    src = f"import keras\nL = keras.layers\n{inputs}\nout = L.{merge}([{', '.join(f'i{n}' for n in range(len(shapes)))}])\nmodel = keras.Model([{', '.join(f'i{n}' for n in range(len(shapes)))}], out)\n"
    analysis = run(src)
    assert analysis.models[-1].rows[-1][2] == expected


def test_merge_function_form() -> None:
    src = "import keras\na = keras.Input(shape=(3,))\nb = keras.Input(shape=(5,))\nout = keras.layers.concatenate([a, b])\nmodel = keras.Model([a, b], out)\n"
    assert run(src).models[-1].rows[-1][2] == "(None, 8)"


def test_unknown_layer_makes_shapes_after_it_unknown() -> None:
    src = "import keras\nL = keras.layers\nmodel = keras.Sequential([keras.Input(shape=(4,)), L.Lambda(lambda t: keras.ops.sort(t)), L.LSTM(3)])\n"
    analysis = run(src)
    assert analysis.findings == []  # LSTM after an unknown shape: silence, not a guess
    assert analysis.models[-1].rows[-1][2] == "?"


def test_param_counts_match_keras() -> None:
    src = "import keras\nL = keras.layers\nmodel = keras.Sequential([keras.Input(shape=(28, 28, 1)), L.Conv2D(32, 3), L.Flatten(), L.Dense(10), L.Reshape((10, 1)), L.LSTM(4)])\n"
    rows = run(src).models[-1].rows
    assert [r[3] for r in rows] == ["320", "0", "216330", "0", "96"]


def test_default_layer_names_follow_keras() -> None:
    assert snake_case("Conv2D") == "conv2d"
    assert snake_case("MaxPooling2D") == "max_pooling2d"
    assert snake_case("LSTM") == "lstm"
    assert snake_case("GlobalAveragePooling1D") == "global_average_pooling1d"


@pytest.mark.parametrize(
    ("layer", "params"),
    [
        ("L.RNN(L.LSTMCell(8))", "384"),
        ("L.RNN(L.GRUCell(8))", "312"),
        ("L.RNN(L.StackedRNNCells([L.LSTMCell(8), L.LSTMCell(4)]))", "592"),
        ("L.RNN([L.GRUCell(8), L.GRUCell(4)], return_sequences=True)", "480"),
        ("L.RNN(L.LSTMCell(8, use_bias=False))", "352"),
        ("L.RNN(L.GRUCell(8, use_bias=False))", "264"),
        ("L.RNN(L.SimpleRNNCell(8, use_bias=False))", "88"),
        ("L.RNN(L.GRUCell(8, reset_after=False))", "288"),
    ],
)
def test_rnn_with_cells_counts_parameters_as_keras(layer: str, params: str) -> None:
    """Figures from real Keras 2 and 3 (`model.layers[-1].count_params()` on input (5, 3))."""
    src = f"import keras\nL = keras.layers\nmodel = keras.Sequential([keras.Input(shape=(5, 3)), {layer}])\n"
    assert run(src).models[-1].rows[-1][3] == params


def test_rnn_with_cells_returns_states() -> None:
    src = "import keras\nL = keras.layers\ni = keras.Input(shape=(5, 3))\nout, h, c = L.RNN(L.LSTMCell(8), return_state=True)(i)\nmodel = keras.Model(i, h)\n"
    assert run(src).models[-1].rows[-1][2] == "[(None, 8), (None, 8), (None, 8)]"


@pytest.mark.parametrize(
    ("call", "shapes", "message"),
    [
        (
            "L.Dot(axes=1)([i0, i1])",
            [(4,), (5,)],
            "expects axis 1 of input 0 and axis 1 of input 1 of one size, but receives input 0 (None, 4) and input 1 (None, 5).",
        ),
        (
            "L.Add()([i0, i1])",
            [(16,), (32,)],
            "expects inputs of one shape (or sizes of 1 that broadcast), but receives input 0 (None, 16) and input 1 (None, 32).",
        ),
        (
            "L.Concatenate(axis=1)([i0, i1])",
            [(3, 4), (5, 6)],
            "expects inputs of one rank, of the same sizes except on axis 1, but receives input 0 (None, 3, 4) and input 1 (None, 5, 6).",
        ),
        (
            "L.MultiHeadAttention(2, 8)(i0, i1, i2)",
            [(10, 16), (7, 16), (6, 16)],
            "expects a value and a key of the same sizes but on the last axis, but receives query (None, 10, 16), value (None, 7, 16) and key (None, 6, 16).",
        ),
    ],
)
def test_layer_on_several_tensors_says_what_each_received(
    call: str, shapes: list[tuple[int, ...]], message: str
) -> None:
    """Each input named (call arguments by name, a list's by index), in Keras's order."""
    errors = [f for f in run(multi_input_program(call, shapes)).findings if f.severity == "error"]
    assert [f.message.split(") ", 1)[1] for f in errors] == [message]


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize(
    ("body", "params"),
    [
        (
            "base = keras.applications.MobileNetV2(weights=None, include_top=False, input_shape=(160, 160, 3))\n"
            "model = keras.Sequential([base, L.GlobalAveragePooling2D(), L.Dense(5)])\n",
            ["2257984", "0", "6405"],
        ),
        (
            "base = keras.applications.ResNet50(weights=None, include_top=False, input_shape=(224, 224, 3), pooling='avg')\n"
            "model = keras.Sequential([base, L.Dense(5)])\n",
            ["23587712", "10245"],
        ),
        (
            "x = keras.Input(shape=(12, 16))\nmodel = keras.Model(x, L.MultiHeadAttention(num_heads=4, key_dim=8)(x, x))\n",
            ["0", "2160"],
        ),
        (
            "model = keras.Sequential([keras.Input(shape=(5, 16, 16, 3)), L.ConvLSTM2D(8, (3, 3), padding='same', return_sequences=True), L.BatchNormalization()])\n",
            ["3200", "32"],
        ),
        (
            "model = keras.Sequential([keras.Input(shape=(1,), dtype='string'), L.TextVectorization(max_tokens=100, output_sequence_length=10), L.Embedding(100, 8), L.GlobalAveragePooling1D(), L.Dense(1)])\n",
            ["0", "800", "0", "9"],
        ),
        (
            "model = keras.Sequential([keras.Input(shape=(1,), dtype='string'), L.StringLookup(vocabulary=['a', 'b', 'c'], output_mode='one_hot'), L.Dense(2)])\n",
            ["0", "10"],
        ),
    ],
)
def test_summary_parameter_counts_are_keras_count_params(
    body: str, params: list[str], keras: int
) -> None:
    """Each layer's `count_params()` under real Keras 3.15 and tf_keras 2.21 (they agree),
    as the model summary and hover show them."""
    rows = run("import keras\nL = keras.layers\n" + body, keras).models[-1].rows
    assert [r[3] for r in rows] == params
