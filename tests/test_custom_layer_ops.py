"""Custom layers whose weights come from `add_weight` and whose `call` runs tf ops, in a
functional graph, called eagerly, and inside a Sequential model; loops over `enumerate(...)`
with `if i == 0:`. Truth: the corpus programs named in each test (Keras 3.15 and tf_keras 2.21,
tests/corpus/truth.json)."""

from __future__ import annotations

import pytest

from .helpers import errors, run

HEAD = "import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n"

DENSE = (
    "class SimpleDense(layers.Layer):\n"
    "    def __init__(self, units, activation=None):\n"
    "        super().__init__()\n"
    "        self.units = units\n"
    "        self.activation = activation\n"
    "    def build(self, input_shape):\n"
    "        self.W = self.add_weight(shape=(input_shape[-1], self.units), initializer='random_normal')\n"
    "        self.b = self.add_weight(shape=(self.units,), initializer='zeros')\n"
    "    def call(self, inputs):\n"
    "        y = tf.matmul(inputs, self.W) + self.b\n"
    "        if self.activation is not None:\n"
    "            y = self.activation(y)\n"
    "        return y\n"
)


@pytest.mark.parametrize("keras", [3, 2])
def test_custom_layers_in_a_sequential_model_run_on_the_data(keras: int) -> None:
    """models_custom_layers/simple_dense_images_unflattened.py: (N, 28, 28) images through two
    custom dense layers give (None, 28, 10), which one label per image does not fit."""
    model = (
        "model = keras.Sequential([SimpleDense(32, activation=tf.nn.relu), SimpleDense(10)])\n"
        "model.compile(optimizer='rmsprop', loss='sparse_categorical_crossentropy')\n"
    )
    broken = HEAD + DENSE + model + "model.fit(np.zeros((300, 28, 28)), np.zeros(300))\n"
    assert [(f.code, f.span.line) for f in errors(broken, keras)] == [("SS202", 19)]
    flat = HEAD + DENSE + model + "model.fit(np.zeros((300, 784)), np.zeros(300))\n"
    analysis = run(flat, keras)
    assert [f for f in analysis.findings if f.severity == "error"] == []
    assert [c.status for c in analysis.calls] == ["checked"]


@pytest.mark.parametrize("keras", [3, 2])
def test_a_weight_sized_from_the_wrong_axis(keras: int) -> None:
    """models_custom_layers/build_uses_axis1.py: the kernel takes input_shape[1] (10), the
    matmul needs the last axis (4): Keras raises at the matmul in `call`."""
    src = HEAD + (
        "class MyLayer(layers.Layer):\n"
        "    def __init__(self, output_dim, **kwargs):\n"
        "        self.output_dim = output_dim\n"
        "        super().__init__(**kwargs)\n"
        "    def build(self, input_shape):\n"
        "        shape = tf.TensorShape((input_shape[1], self.output_dim))\n"
        "        self.kernel = self.add_weight(name='kernel', shape=shape, trainable=True)\n"
        "    def call(self, inputs):\n"
        "        return tf.matmul(inputs, self.kernel)\n"
        "x = MyLayer(8)(keras.Input(shape=(10, 4)))\n"
    )
    assert [(f.code, f.span.line) for f in errors(src, keras)] == [("SS103", 12)]
    fixed = src.replace("input_shape[1]", "input_shape[-1]")
    assert errors(fixed, keras) == []
    shapes = {s.name: s.description for s in run(fixed, keras).symbols}
    assert shapes["x"] == "KerasTensor(None, 10, 8)"


@pytest.mark.parametrize("keras", [3, 2])
def test_a_layer_called_on_an_eager_tensor(keras: int) -> None:
    """models_custom_layers/linear_fixed_input_dim.py: weights made in __init__ for 32 inputs,
    called on tf.ones((3, 64))."""
    src = HEAD + (
        "class Linear(layers.Layer):\n"
        "    def __init__(self, units=32, input_dim=32):\n"
        "        super().__init__()\n"
        "        self.w = self.add_weight(shape=(input_dim, units), initializer='random_normal')\n"
        "        self.b = self.add_weight(shape=(units,), initializer='zeros')\n"
        "    def call(self, inputs):\n"
        "        return tf.matmul(inputs, self.w) + self.b\n"
        "y = Linear(4, 32)(tf.ones((3, 64)))\n"
    )
    assert [(f.code, f.span.line) for f in errors(src, keras)] == [("SS103", 10)]
    assert errors(src.replace("Linear(4, 32)", "Linear(4, 64)"), keras) == []


@pytest.mark.parametrize("keras", [3, 2])
def test_a_loop_over_enumerate_runs_item_by_item(keras: int) -> None:
    """models_functions/create_cnn_flatten_in_loop.py: the head indented into the loop over
    filters; the second Conv2D meets the Dense output (2-D)."""
    src = HEAD + (
        "def create_cnn(filters=(16, 32, 64)):\n"
        "    inputs = keras.Input(shape=(32, 32, 3))\n"
        "    for (i, f) in enumerate(filters):\n"
        "        if i == 0:\n"
        "            x = inputs\n"
        "        x = layers.Conv2D(f, 3, padding='same')(x)\n"
        "        x = layers.Flatten()(x)\n"
        "        x = layers.Dense(4)(x)\n"
        "    return keras.Model(inputs, x)\n"
        "model = create_cnn()\n"
    )
    assert [(f.code, f.span.line) for f in errors(src, keras)] == [("SS103", 9)]
    fixed = src.replace(
        "        x = layers.Flatten()(x)\n        x = layers.Dense(4)(x)\n",
        "    x = layers.Flatten()(x)\n    x = layers.Dense(4)(x)\n",
    )
    assert errors(fixed, keras) == []
    zipped = src.replace("enumerate(filters)", "zip([0, 1, 2], filters)")
    assert [(f.code, f.span.line) for f in errors(zipped, keras)] == [("SS103", 9)]


POSITIONAL = HEAD + (
    "class TokenAndPositionEmbedding(layers.Layer):\n"
    "    def __init__(self, maxlen, vocab_size, embed_dim):\n"
    "        super().__init__()\n"
    "        self.token_emb = layers.Embedding(input_dim=vocab_size, output_dim=embed_dim)\n"
    "        self.pos_emb = layers.Embedding(input_dim=maxlen, output_dim=embed_dim)\n"
    "    def call(self, x):\n"
    "        maxlen = tf.shape(x)[-1]\n"
    "        positions = tf.range(start=0, limit=maxlen, delta=1)\n"
    "        return self.token_emb(x) + self.pos_emb(positions)\n"
    "inputs = layers.Input(shape=(40,))\n"
    "x = TokenAndPositionEmbedding(40, 2000, 16)(inputs)\n"
    "x = layers.GlobalAveragePooling1D()(x)\n"
    "model = keras.Model(inputs, layers.Dense(1, activation='sigmoid')(x))\n"
    "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
    "model.fit(np.random.randint(1, 2000, size=(100, 60)), np.zeros(100))\n"
)


@pytest.mark.parametrize("keras", [3, 2])
def test_tf_shape_in_a_custom_layer_call(keras: int) -> None:
    """keras.io's TokenAndPositionEmbedding (models_custom_layers/positional_wrong_maxlen.py,
    measured with array data): tf.shape(x)[-1] in `call` is the traced length, 40, so the
    positions are (40,) and the layer's output (None, 40, 16); data padded to 60 raises at
    the model's input in Keras 3.15 and tf_keras 2.21."""
    assert [(f.code, f.span.line) for f in errors(POSITIONAL, keras)] == [("SS102", 18)]
    fine = run(POSITIONAL.replace("size=(100, 60)", "size=(100, 40)"), keras)
    assert [f for f in fine.findings if f.severity == "error"] == []
    assert [c.status for c in fine.calls] == ["checked"]
    shown = {(i.span.line, i.output_shape) for i in fine.layers}
    assert (12, "(None, 40, 16)") in shown and (12, "(40, 16)") in shown


def test_the_batch_size_from_tf_shape_is_not_known() -> None:
    src = HEAD + (
        "class Batch(layers.Layer):\n"
        "    def call(self, x):\n"
        "        n = tf.shape(x)[0]\n"
        "        return tf.reshape(x, (n, -1))\n"
        "inp = keras.Input(shape=(4, 2))\n"
        "out = Batch()(inp)\n"
    )
    assert "out" not in {s.name for s in run(src).symbols}


@pytest.mark.parametrize("keras", [3, 2])
def test_a_sampling_layer_and_the_predictions_of_an_encoder(keras: int) -> None:
    """models_attributes/vae_encoder_decoder_predict.py: tf.random.normal(shape=tf.shape(z))
    in `call` has z's shape; the encoder's predict gives a list of three (20, 2) arrays, which
    the one-input decoder refuses (both versions, measured)."""
    src = (
        "import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\n"
        "from tensorflow.keras import layers\n"
        "class Sampling(layers.Layer):\n"
        "    def call(self, inputs):\n"
        "        z_mean, z_log_var = inputs\n"
        "        epsilon = tf.random.normal(shape=tf.shape(z_mean))\n"
        "        return z_mean + tf.exp(0.5 * z_log_var) * epsilon\n"
        "inputs = keras.Input(shape=(784,))\n"
        "x = layers.Dense(64, activation='relu')(inputs)\n"
        "z_mean = layers.Dense(2)(x)\n"
        "z_log_var = layers.Dense(2)(x)\n"
        "z = Sampling()([z_mean, z_log_var])\n"
        "encoder = keras.Model(inputs, [z_mean, z_log_var, z])\n"
        "latent = keras.Input(shape=(2,))\n"
        "decoder = keras.Model(latent, layers.Dense(784)(latent))\n"
        "x_encoded = encoder.predict(np.random.rand(20, 784))\n"
        "x_decoded = decoder.predict(x_encoded)\n"
    )
    assert [(f.code, f.span.line) for f in errors(src, keras)] == [("SS108", 18)]
    fine = src.replace("decoder.predict(x_encoded)", "decoder.predict(x_encoded[2])")
    analysis = run(fine, keras)
    assert [f for f in analysis.findings if f.severity == "error"] == []
    symbols = {s.name: s.description for s in analysis.symbols}
    assert symbols["z"] == "KerasTensor(None, 2)"
    assert symbols["x_decoded"].startswith("array(20, 784)")


UNDEFINED = HEAD + (
    "class Linear(layers.Layer):\n"
    "    def build(self, input_shape):\n"
    "        self.w = self.add_weight(shape=(input_shape[-1], 8), initializer='random_normal')\n"
    "    def call(self, inputs):\n"
    "        return tf.matmul(inputs, self.w)\n"
    "inp = keras.Input(shape=(10,))\n"
    "model = keras.Model(inp, layers.Dense(2)(Linear()(inp)))\n"
    "model.compile(optimizer='adam', loss='mse')\n"
    "X = np.random.rand(8, 10)\n"
    "model.predict(X[0])\n"
)


@pytest.mark.parametrize("keras", [3, 2])
def test_a_weight_on_an_undefined_axis(keras: int) -> None:
    """Measured (a generated program, tests/oracle/generator_models.py, seed 11): with
    Input(shape=()) build gets input_shape[-1] None, and add_weight((None, 8)) raises in
    Keras 3.15 and tf_keras 2.21; so the one-sample predict is not offered that input."""
    bad = UNDEFINED.replace("Input(shape=(10,))", "Input(shape=())")
    assert [(f.code, f.span.line) for f in errors(bad, keras)][:1] == [("SS103", 6)]
    (error,) = errors(UNDEFINED, keras)
    assert error.code == "SS107"
    assert all("()" not in fix.title for fix in error.fixes)
