"""Lambda layers and ops on Keras tensors (keras.ops, tf, K., operators, indexing), as Keras 3
and Keras 2 build them. Each expectation was measured on Keras 3.15 and tf_keras 2.21 (the
programs below, run with `import keras` / `TF_USE_LEGACY_KERAS=1`)."""

from __future__ import annotations

import pytest

from .helpers import errors, run

HEAD = "import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\nfrom tensorflow.keras import layers, backend as K\n"


def lambda_output(src: str, keras: int = 3) -> str | None:
    """The output shape hover shows for the (last) Lambda layer."""
    infos = [i for i in run(HEAD + src, keras).layers if i.class_name == "Lambda"]
    return infos[-1].output_shape if infos else None


@pytest.mark.parametrize("keras", [3, 2])
@pytest.mark.parametrize(
    ("function", "input_shape", "output"),
    [
        ("lambda x: x[:, 0:1]", "(4,)", "(None, 1)"),
        ("lambda x: x[:, -1, :]", "(10, 6)", "(None, 6)"),
        ("lambda x: x[..., None]", "(10, 6)", "(None, 10, 6, 1)"),
        ("lambda x: tf.expand_dims(x, axis=-1)", "(30,)", "(None, 30, 1)"),
        ("lambda t: K.mean(t, axis=1)", "(21, 105)", "(None, 105)"),
        ("lambda t: tf.reduce_sum(t, axis=[1, 2], keepdims=True)", "(5, 6, 7)", "(None, 1, 1, 7)"),
        ("lambda x: tf.reshape(x, (-1, 8, 8, 1))", "(64,)", "(None, 8, 8, 1)"),
        ("lambda x: tf.transpose(x, [0, 2, 1])", "(6, 4)", "(None, 4, 6)"),
        ("lambda x: tf.matmul(x, x, transpose_b=True)", "(6, 4)", "(None, 6, 6)"),
        ("lambda x: tf.concat([x, x * 2.0], axis=-1)", "(6, 4)", "(None, 6, 8)"),
        ("lambda x: tf.stack([x, x], axis=1)", "(4,)", "(None, 2, 4)"),
        ("lambda x: tf.squeeze(x, axis=-1)", "(6, 1)", "(None, 6)"),
        ("lambda x: tf.tile(x, [1, 3])", "(4,)", "(None, 12)"),
        ("lambda x: x[:, :3] * tf.nn.sigmoid(x[:, 3:])", "(6,)", "(None, 3)"),
        ("tf.nn.l2_normalize", "(6,)", "(None, 6)"),
    ],
)
def test_lambda_output_is_its_function_run_on_the_shape(
    function: str, input_shape: str, output: str, keras: int
) -> None:
    src = f"inp = keras.Input(shape={input_shape})\nout = layers.Lambda({function})(inp)\n"
    assert lambda_output(src, keras) == output


@pytest.mark.parametrize("keras", [3, 2])
def test_lambda_def_with_arguments(keras: int) -> None:
    src = (
        "def first(x, n):\n    return x[:, :n]\n"
        "inp = keras.Input(shape=(4,))\n"
        "out = layers.Lambda(first, arguments={'n': 2})(inp)\n"
    )
    assert lambda_output(src, keras) == "(None, 2)"


def test_lambda_output_shape_is_trusted_by_keras_3_only() -> None:
    """Keras 3 takes output_shape without running the function; Keras 2 runs it. Where the
    two disagree, Keras 3's graph is not the data's: unknown, never guessed."""
    agree = "inp = keras.Input(shape=(4,))\nout = layers.Lambda(lambda x: x[:, :2], output_shape=(2,))(inp)\n"
    assert lambda_output(agree, 3) == "(None, 2)"
    differ = agree.replace("output_shape=(2,)", "output_shape=(7,)")
    assert lambda_output(differ, 3) == "?"
    assert lambda_output(differ, 2) == "(None, 2)"


@pytest.mark.parametrize("keras", [3, 2])
def test_shapes_after_a_lambda_are_checked(keras: int) -> None:
    """Reproduces keras-team/keras#10067: a slice, embedded, concatenated with a slice."""
    src = HEAD + (
        "inp = keras.Input(shape=(4,))\n"
        "e = layers.Embedding(100, 10)(layers.Lambda(lambda x: x[:, 0:1])(inp))\n"
        "d = layers.Dense(10)(e)\n"
        "num = layers.Lambda(lambda x: x[:, 2:3])(inp)\n"
        "both = layers.concatenate([d, num], axis=-1)\n"
    )
    (error,) = errors(src, keras)
    assert error.code == "SS106" and error.span.line == 8


@pytest.mark.parametrize("keras", [3, 2])
def test_a_failing_function_fails_at_the_lambda_call(keras: int) -> None:
    src = HEAD + (
        "inp = keras.Input(shape=(4,))\n"
        "bad = layers.Lambda(lambda x: tf.concat([x, tf.expand_dims(x, -1)], axis=-1))(inp)\n"
    )
    (error,) = errors(src, keras)
    assert error.code == "SS106" and error.span.line == 5
    if keras == 3:  # Keras 3 gives up inferring the shape and asks for output_shape
        assert "Please specify the `output_shape`" in error.keras_message
    else:
        assert "Shape must be rank 2 but is rank 3" in error.keras_message


@pytest.mark.parametrize("keras", [3, 2])
def test_broadcasting_mismatch_in_a_lambda(keras: int) -> None:
    src = HEAD + "inp = keras.Input(shape=(4,))\nbad = layers.Lambda(lambda x: x[:, :3] + x)(inp)\n"
    (error,) = errors(src, keras)
    assert error.code == "SS103" and error.span.line == 5


def test_tf_op_on_a_keras_tensor_is_refused_by_keras_3_only() -> None:
    """Reproduces tensorflow/tensorflow#42443: tf.concat on two Inputs."""
    src = HEAD + (
        "a = keras.Input(shape=[1], name='a')\nb = keras.Input(shape=[1], name='b')\n"
        "out = tf.concat([a, b], axis=1)\n"
        "out = tf.reduce_sum(out, axis=1, keepdims=True)\n"
        "model = keras.Model([a, b], [out])\n"
    )
    assert [(f.code, f.span.line) for f in errors(src, 3)] == [("SS109", 6)]
    assert errors(src, 2) == []


def test_keras_2_flows_shapes_through_tf_ops() -> None:
    """Keras 2 wraps tf ops in TFOpLambda layers: the model's shapes are known after them."""
    src = HEAD + (
        "inp = keras.Input(shape=(6, 4))\n"
        "x = tf.reduce_mean(inp, axis=1)\n"
        "out = layers.Dense(3, activation='softmax')(x)\n"
        "model = keras.Model(inp, out)\n"
        "model.compile(loss='categorical_crossentropy')\n"
        "model.fit(np.zeros((8, 6, 4)), np.zeros((8, 5)))\n"
    )
    assert [f.code for f in errors(src, 2)] == ["SS202"]
    assert [f.code for f in errors(src, 3)] == ["SS109"]


@pytest.mark.parametrize(
    ("function", "output"),
    [
        ("tf.math.reduce_variance", "(None, 4)"),
        ("tf.math.reduce_std", "(None, 4)"),
        # do not exist in TensorFlow 2.21 (AttributeError): nothing is made of them
        ("tf.reduce_std", None),
        ("tf.math.reduce_var", None),
        ("tf.nn.reduce_sum", None),
    ],
)
def test_only_reductions_tensorflow_has_are_modelled(function: str, output: str | None) -> None:
    infos = run(HEAD + f"inp = keras.Input(shape=(6, 4))\nx = {function}(inp, axis=1)\n", 2)
    ops = [i.output_shape for i in infos.layers if i.class_name == "TFOpLambda"]
    assert ops == ([output] if output else [])


def test_ops_in_a_custom_layer_call_are_fine_in_keras_3() -> None:
    src = HEAD + (
        "class Pool(layers.Layer):\n"
        "    def call(self, x):\n"
        "        return tf.reduce_mean(x, axis=1)\n"
        "inp = keras.Input(shape=(6, 4))\n"
        "out = layers.Dense(1)(Pool()(inp))\n"
        "model = keras.Model(inp, out)\n"
        "model.compile(loss='mse')\n"
        "model.fit(np.zeros((8, 6, 4)), np.zeros((8, 1)))\n"
    )
    assert errors(src, 3) == []


@pytest.mark.parametrize("keras", [3, 2])
def test_operators_and_indexing_on_keras_tensors(keras: int) -> None:
    src = HEAD + (
        "inp = keras.Input(shape=(6, 4))\n"
        "delta = (inp[:, -1, :] - inp[:, 0, :]) * 0.5\n"
        "x = layers.concatenate([layers.Flatten()(inp), delta])\n"
        "out = layers.Dense(1)(x) + 1.0\n"
        "model = keras.Model(inp, out)\n"
        "model.compile(loss='mse')\n"
        "model.fit(np.zeros((8, 6, 4)), np.zeros((8, 1)))\n"
        "model.fit(np.zeros((8, 6, 5)), np.zeros((8, 1)))\n"
    )
    assert [(f.code, f.span.line) for f in errors(src, keras)] == [("SS102", 11)]
    bad = HEAD + "inp = keras.Input(shape=(6, 4))\nbad = inp + inp[:, :3]\n"
    (error,) = errors(bad, keras)
    assert error.code == "SS103"
    if keras == 3:
        assert "Cannot broadcast shape, the failure dim has value 6" in error.keras_message


def test_keras_ops_concatenate_mismatch() -> None:
    src = HEAD.replace("from tensorflow import keras\n", "import keras\n") + (
        "a = keras.Input(shape=(4,))\nb = keras.Input(shape=(6, 4))\n"
        "c = keras.ops.concatenate([a, b], axis=1)\n"
    )
    (error,) = errors(src, 3)
    assert error.code == "SS106" and "Every value in `xs`" in error.keras_message


REWRITE = HEAD + (
    "inp = keras.Input(shape=(50,))\n"
    "img = layers.Lambda(lambda x: tf.reshape(x, (-1, 8, 8, 1)))(inp)\n"
    "out = layers.Dense(1)(layers.Flatten()(layers.Conv2D(4, 3)(img)))\n"
    "model = keras.Model(inp, out)\n"
    "model.compile(optimizer='adam', loss='mse')\n"
)


@pytest.mark.parametrize("keras", [3, 2])
def test_a_reshape_folding_values_into_the_batch_axis(keras: int) -> None:
    """Reproduces keras-team/keras#13914: 50 features reshaped to 8x8 images with -1. Keras
    (both versions, measured) raises in fit: 32 rows of 50 become 25 images (the loss meets
    25 predictions for 32 labels), or, when the values are no multiple of 64, in the reshape."""
    fit = REWRITE + "model.fit(np.random.rand(32, 50), np.random.rand(32, 1))\n"
    (error,) = errors(fit, keras)
    assert error.code == "SS202" and "25 predictions for 32 labels" in error.message
    odd = REWRITE + "model.fit(np.random.rand(30, 50), np.random.rand(30, 1))\n"
    (error,) = errors(odd, keras)
    assert "requires a multiple of 64" in error.keras_message
    assert errors(REWRITE + "model.predict(np.random.rand(32, 50))\n", keras) == []
    same = REWRITE.replace("shape=(50,)", "shape=(64,)")
    assert errors(same + "model.fit(np.random.rand(32, 64), np.random.rand(32, 1))\n", keras) == []


def test_an_unmodelled_op_leaves_the_lambda_unknown_and_says_which() -> None:
    src = HEAD + (
        "inp = keras.Input(shape=(6, 4))\n"
        "h = layers.Lambda(lambda t: tf.gather(t, [0, 1], axis=1))(inp)\n"
        "out = layers.Dense(1)(layers.Flatten()(h))\n"
        "model = keras.Model(inp, out)\n"
        "model.compile(loss='mse')\n"
        "model.fit(np.zeros((8, 6, 4)), np.zeros((8, 1)))\n"
    )
    analysis = run(src)
    assert [f for f in analysis.findings if f.severity == "error"] == []
    (call,) = analysis.calls
    assert call.reasons[0].code == "unknown-layer-output"
    assert "tf.gather" in call.reasons[0].message


def test_tf_ops_on_arrays_are_still_answered() -> None:
    """Exact names for symbolic tensors must not hide tf_ops.py's rules for arrays."""
    src = HEAD + (
        "x = tf.reshape(np.zeros((10, 6)), (10, 2, 3))\n"
        "y = tf.expand_dims(np.zeros((10, 6)), -1)\n"
        "z = tf.cast(np.zeros((10, 6)), tf.float32)\n"
    )
    shapes = {s.name: s.description for s in run(src).symbols}
    assert shapes["x"].startswith("array(10, 2, 3)")
    assert shapes["y"].startswith("array(10, 6, 1)")
    assert shapes["z"].startswith("array(10, 6)")


@pytest.mark.parametrize("op", ["K.mean(inp, axis=1)", "K.sum(inp, axis=1)", "K.square(inp)"])
def test_backend_functions_outside_a_lambda_raise_in_keras_3(op: str) -> None:
    """Measured, Keras 3.15: `keras.backend` has no K.mean (AttributeError) and
    tf.keras.backend's raises on a Keras tensor; tf_keras 2.21 runs them."""
    src = HEAD + f"inp = keras.Input(shape=(10, 4))\nx = {op}\n"
    assert [(f.code, f.span.line) for f in errors(src, 3)] == [("SS109", 5)]
    assert errors(src, 2) == []
    assert errors(HEAD + "inp = keras.Input(shape=(10, 4))\nn = K.int_shape(inp)\n", 3) == []


SPLIT = HEAD + (
    "inp = keras.Input(shape=(10, 4))\n"
    "a, b = tf.split(inp, 2, axis=-1)\n"
    "out = layers.Dense(1)(layers.Flatten()(a))\n"
    "model = keras.Model(inp, out)\n"
    "first = model.layers[1].output\n"
)


def test_tf_split_on_a_keras_tensor() -> None:
    """Measured: Keras 3.15 refuses tf.split on a Keras tensor; tf_keras 2.21 makes one
    TFOpLambda layer with a (None, 10, 2) output per piece."""
    assert [(f.code, f.span.line) for f in errors(SPLIT, 3)] == [("SS109", 5)]
    assert errors(SPLIT, 2) == []
    symbols = {s.name: s.description for s in run(SPLIT, 2).symbols}
    assert symbols["a"] == symbols["b"] == "KerasTensor(None, 10, 2)"
    rows = [row[:3] for row in run(SPLIT, 2).models[-1].rows]
    assert rows[1:] == [
        ("tf.split", "TFOpLambda", "[(None, 10, 2), (None, 10, 2)]"),
        ("flatten", "Flatten", "(None, 20)"),
        ("dense", "Dense", "(None, 1)"),
    ]


@pytest.mark.parametrize("keras", [3, 2])
def test_tf_split_in_a_lambda_with_sizes(keras: int) -> None:
    src = HEAD + (
        "inp = keras.Input(shape=(10, 4))\n"
        "a = layers.Lambda(lambda t: tf.split(t, 2, axis=-1)[0])(inp)\n"
        "b = layers.Lambda(lambda t: tf.split(t, [1, 3], axis=-1)[1])(inp)\n"
        "c = layers.Lambda(lambda t: tf.split(t, [1, -1], axis=-1)[1])(inp)\n"
    )
    symbols = {s.name: s.description for s in run(src, keras).symbols}
    assert symbols["a"] == "KerasTensor(None, 10, 2)"
    assert symbols["b"] == symbols["c"] == "KerasTensor(None, 10, 3)"
    uneven = src.replace("tf.split(t, 2,", "tf.split(t, 3,")
    assert "a" not in {s.name for s in run(uneven, keras).symbols}  # its error: not modelled


@pytest.mark.parametrize("keras", [3, 2])
def test_unary_minus_on_a_keras_tensor(keras: int) -> None:
    """Measured: `-x` runs in both (Keras 3: an operation, not listed in model.layers;
    Keras 2: a TFOpLambda layer); an LSTM after another LSTM's last state raises."""
    src = HEAD + (
        "inp = keras.Input(shape=(10, 4))\n"
        "x = layers.LSTM(3)(-inp)\n"
        "x = layers.LSTM(3)(-x)\n"
    )
    assert [(f.code, f.span.line) for f in errors(src, keras)] == [("SS103", 6)]
    fine = HEAD + (
        "inp = keras.Input(shape=(10, 4))\n"
        "x = layers.LSTM(3)(-inp)\n"
        "model = keras.Model(inp, layers.Dense(1)(x))\n"
        "last = model.layers[-1].output\n"
        "lstm = model.layers[2].output\n"
    )
    symbols = {s.name: s.description for s in run(fine, keras).symbols}
    assert symbols["x"] == "KerasTensor(None, 3)" and symbols["last"] == "KerasTensor(None, 1)"
    # Keras 2 lists the TFOpLambda of `-inp` at index 1, Keras 3 lists no op: 2 is the Dense
    assert symbols["lstm"] == ("KerasTensor(None, 3)" if keras == 2 else "KerasTensor(None, 1)")
