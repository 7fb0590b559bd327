"""Expectations about Keras, in one table each. The fast tests check shapesense against them;
tests/oracle/test_cases_keras.py checks real Keras against the very same tables."""

from __future__ import annotations

from .cases_lists import LIST_CASES
from .cases_models import MODEL_CASES

# (layer expression with `L.` for keras.layers, input sample shape, expected output shape)
LAYER_CASES: list[tuple[str, tuple[int, ...], str]] = [
    ("L.Dense(8)", (4,), "(None, 8)"),
    ("L.Dense(8)", (5, 4), "(None, 5, 8)"),
    ("L.Conv1D(4, 3)", (10, 2), "(None, 8, 4)"),
    ("L.Conv1D(4, 3, padding='same', strides=2)", (10, 2), "(None, 5, 4)"),
    ("L.Conv1D(4, 3, padding='causal', dilation_rate=2)", (10, 2), "(None, 10, 4)"),
    ("L.Conv2D(8, 3)", (28, 28, 1), "(None, 26, 26, 8)"),
    ("L.Conv2D(8, (3, 5), strides=(2, 1))", (28, 28, 1), "(None, 13, 24, 8)"),
    ("L.Conv2D(8, 3, padding='same', strides=2)", (27, 27, 3), "(None, 14, 14, 8)"),
    ("L.Conv2D(8, 3, dilation_rate=2)", (28, 28, 1), "(None, 24, 24, 8)"),
    ("L.Conv2D(8, 3, data_format='channels_first')", (3, 16, 16), "(None, 8, 14, 14)"),
    ("L.Conv3D(2, 3)", (8, 8, 8, 1), "(None, 6, 6, 6, 2)"),
    ("L.Conv2DTranspose(4, 3)", (7, 7, 2), "(None, 9, 9, 4)"),
    ("L.Conv2DTranspose(4, 3, strides=2, padding='same')", (7, 7, 2), "(None, 14, 14, 4)"),
    ("L.SeparableConv2D(6, 3)", (10, 10, 3), "(None, 8, 8, 6)"),
    ("L.DepthwiseConv2D(3, depth_multiplier=2)", (10, 10, 3), "(None, 8, 8, 6)"),
    ("L.MaxPooling1D(2)", (10, 3), "(None, 5, 3)"),
    ("L.MaxPooling2D(2)", (9, 9, 3), "(None, 4, 4, 3)"),
    ("L.MaxPool2D(pool_size=3, strides=2, padding='same')", (9, 9, 3), "(None, 5, 5, 3)"),
    ("L.MaxPooling3D(2)", (4, 4, 4, 1), "(None, 2, 2, 2, 1)"),
    ("L.AveragePooling1D(3)", (10, 3), "(None, 3, 3)"),
    ("L.AveragePooling2D((2, 3))", (8, 9, 1), "(None, 4, 3, 1)"),
    ("L.GlobalAveragePooling1D()", (10, 3), "(None, 3)"),
    ("L.GlobalMaxPooling1D()", (10, 3), "(None, 3)"),
    ("L.GlobalAveragePooling2D()", (5, 5, 7), "(None, 7)"),
    ("L.GlobalMaxPooling2D(keepdims=True)", (5, 5, 7), "(None, 1, 1, 7)"),
    ("L.Flatten()", (4, 5, 6), "(None, 120)"),
    ("L.Reshape((4, 3))", (12,), "(None, 4, 3)"),
    ("L.Reshape((-1, 2))", (12,), "(None, 6, 2)"),
    ("L.Permute((2, 1))", (4, 3), "(None, 3, 4)"),
    ("L.RepeatVector(5)", (3,), "(None, 5, 3)"),
    ("L.Dropout(0.5)", (4, 3), "(None, 4, 3)"),
    ("L.SpatialDropout1D(0.2)", (4, 3), "(None, 4, 3)"),
    ("L.SpatialDropout2D(0.2)", (4, 4, 3), "(None, 4, 4, 3)"),
    ("L.GaussianNoise(0.1)", (6,), "(None, 6)"),
    ("L.BatchNormalization()", (5, 5, 3), "(None, 5, 5, 3)"),
    ("L.LayerNormalization()", (5, 3), "(None, 5, 3)"),
    ("L.Activation('relu')", (6,), "(None, 6)"),
    ("L.ReLU()", (6,), "(None, 6)"),
    ("L.LeakyReLU()", (6,), "(None, 6)"),
    ("L.Softmax()", (6,), "(None, 6)"),
    ("L.Rescaling(1.0 / 255)", (8, 8, 3), "(None, 8, 8, 3)"),
    ("L.Embedding(100, 8)", (10,), "(None, 10, 8)"),
    ("L.SimpleRNN(6)", (10, 3), "(None, 6)"),
    ("L.LSTM(6, return_sequences=True)", (10, 3), "(None, 10, 6)"),
    ("L.GRU(6)", (10, 3), "(None, 6)"),
    ("L.Bidirectional(L.LSTM(6))", (10, 3), "(None, 12)"),
    (
        "L.Bidirectional(L.GRU(6, return_sequences=True), merge_mode='sum')",
        (10, 3),
        "(None, 10, 6)",
    ),
    ("L.TimeDistributed(L.Dense(4))", (10, 3), "(None, 10, 4)"),
    ("L.ZeroPadding1D(2)", (10, 3), "(None, 14, 3)"),
    ("L.ZeroPadding2D(((1, 2), (3, 4)))", (10, 10, 3), "(None, 13, 17, 3)"),
    ("L.Cropping1D((1, 2))", (10, 3), "(None, 7, 3)"),
    ("L.Cropping2D(((1, 1), (2, 2)))", (10, 10, 3), "(None, 8, 6, 3)"),
    ("L.UpSampling1D(3)", (4, 2), "(None, 12, 2)"),
    ("L.UpSampling2D((2, 3))", (4, 4, 2), "(None, 8, 12, 2)"),
    ("L.ZeroPadding3D(1)", (4, 4, 4, 2), "(None, 6, 6, 6, 2)"),
    ("L.Cropping3D(1)", (4, 4, 4, 2), "(None, 2, 2, 2, 2)"),
    ("L.UpSampling3D(2)", (4, 4, 4, 2), "(None, 8, 8, 8, 2)"),
    # preprocessing: image size and augmentation (Keras 2 and 3 agree on these shapes)
    ("L.Resizing(4, 6)", (8, 8, 3), "(None, 4, 6, 3)"),
    ("L.Resizing(4, 6, crop_to_aspect_ratio=True)", (8, 8, 3), "(None, 4, 6, 3)"),
    ("L.Resizing(4, 6)", (8, 8), "(4, 6, 8)"),  # a rank-3 input is one unbatched image
    ("L.CenterCrop(4, 6)", (8, 8, 3), "(None, 4, 6, 3)"),
    ("L.CenterCrop(10, 6)", (8, 8, 3), "(None, 10, 6, 3)"),
    ("L.RandomCrop(4, 5)", (8, 8, 3), "(None, 4, 5, 3)"),
    ("L.RandomFlip('horizontal')", (8, 8, 3), "(None, 8, 8, 3)"),
    ("L.RandomRotation(0.1)", (8, 8, 3), "(None, 8, 8, 3)"),
    ("L.RandomZoom(0.1)", (8, 8, 3), "(None, 8, 8, 3)"),
    ("L.RandomTranslation(0.1, 0.1)", (8, 8, 3), "(None, 8, 8, 3)"),
    ("L.RandomContrast(0.2)", (8, 8, 3), "(None, 8, 8, 3)"),
    ("L.RandomBrightness(0.2)", (8, 8, 3), "(None, 8, 8, 3)"),
    ("L.Normalization()", (8, 3), "(None, 8, 3)"),
    ("L.Normalization(axis=None)", (8, 3), "(None, 8, 3)"),
    ("L.Discretization(bin_boundaries=[0.0, 1.0, 2.0])", (3,), "(None, 3)"),
    (
        "L.Discretization(bin_boundaries=[0.0, 1.0, 2.0], output_mode='multi_hot')",
        (3,),
        "(None, 4)",
    ),
    ("L.Discretization(bin_boundaries=[0.0, 1.0, 2.0], output_mode='one_hot')", (1,), "(None, 4)"),
    ("L.CategoryEncoding(num_tokens=10)", (3,), "(None, 10)"),
    ("L.CategoryEncoding(num_tokens=10, output_mode='one_hot')", (1,), "(None, 10)"),
    ("L.CategoryEncoding(num_tokens=10, output_mode='count')", (3,), "(None, 10)"),
    ("L.GroupNormalization(groups=4)", (8, 8), "(None, 8, 8)"),
    ("L.GroupNormalization()", (8, 64), "(None, 8, 64)"),
    ("L.UnitNormalization()", (8, 3), "(None, 8, 3)"),
    ("L.EinsumDense('ab,bc->ac', output_shape=4, bias_axes='c')", (3,), "(None, 4)"),
    ("L.EinsumDense('abc,cde->abde', output_shape=(5, 2, 4))", (5, 3), "(None, 5, 2, 4)"),
    ("L.EinsumDense('...b,bc->...c', output_shape=6)", (5, 3), "(None, 5, 6)"),
    ("L.Masking()", (5, 3), "(None, 5, 3)"),
    ("L.Identity()", (5, 3), "(None, 5, 3)"),
    ("L.ConvLSTM1D(4, 3)", (5, 8, 2), "(None, 6, 4)"),
    ("L.ConvLSTM2D(4, 3)", (5, 8, 8, 2), "(None, 6, 6, 4)"),
    (
        "L.ConvLSTM2D(4, 3, return_sequences=True, padding='same')",
        (5, 8, 8, 2),
        "(None, 5, 8, 8, 4)",
    ),
    ("L.ConvLSTM2D(4, 3, strides=2)", (5, 9, 9, 2), "(None, 4, 4, 4)"),
    ("L.ConvLSTM3D(4, 3)", (5, 6, 6, 6, 2), "(None, 4, 4, 4, 4)"),
    # data_format='channels_first' (Keras 3 and 2 build these alike; on a CPU, TensorFlow's
    # kernels refuse some at run time: docs/layers.md)
    ("L.Conv1D(4, 3, data_format='channels_first')", (3, 10), "(None, 4, 8)"),
    ("L.Conv3D(4, 3, data_format='channels_first')", (3, 6, 6, 6), "(None, 4, 4, 4, 4)"),
    ("L.Conv2DTranspose(4, 3, data_format='channels_first')", (3, 10, 10), "(None, 4, 12, 12)"),
    ("L.SeparableConv1D(4, 3, data_format='channels_first')", (3, 10), "(None, 4, 8)"),
    ("L.SeparableConv2D(4, 3, data_format='channels_first')", (3, 10, 10), "(None, 4, 8, 8)"),
    ("L.DepthwiseConv2D(3, data_format='channels_first')", (3, 10, 10), "(None, 3, 8, 8)"),
    ("L.MaxPooling1D(2, data_format='channels_first')", (3, 10), "(None, 3, 5)"),
    ("L.MaxPooling2D(2, data_format='channels_first')", (3, 10, 10), "(None, 3, 5, 5)"),
    ("L.AveragePooling3D(2, data_format='channels_first')", (3, 6, 6, 6), "(None, 3, 3, 3, 3)"),
    ("L.GlobalAveragePooling1D(data_format='channels_first')", (3, 10), "(None, 3)"),
    ("L.GlobalMaxPooling3D(data_format='channels_first')", (3, 6, 6, 6), "(None, 3)"),
    (
        "L.GlobalAveragePooling2D(data_format='channels_first', keepdims=True)",
        (3, 10, 10),
        "(None, 3, 1, 1)",
    ),
    ("L.UpSampling2D(2, data_format='channels_first')", (3, 10, 10), "(None, 3, 20, 20)"),
    ("L.UpSampling3D(2, data_format='channels_first')", (3, 6, 6, 6), "(None, 3, 12, 12, 12)"),
    ("L.ZeroPadding2D(1, data_format='channels_first')", (3, 10, 10), "(None, 3, 12, 12)"),
    ("L.ZeroPadding3D(1, data_format='channels_first')", (3, 6, 6, 6), "(None, 3, 8, 8, 8)"),
    ("L.Cropping2D(1, data_format='channels_first')", (3, 10, 10), "(None, 3, 8, 8)"),
    ("L.Cropping3D(1, data_format='channels_first')", (3, 6, 6, 6), "(None, 3, 4, 4, 4)"),
    ("L.BatchNormalization(axis=1)", (3, 10, 10), "(None, 3, 10, 10)"),
    ("L.Flatten(data_format='channels_first')", (3, 4, 5), "(None, 60)"),
    ("L.ConvLSTM1D(4, 3, data_format='channels_first')", (5, 3, 10), "(None, 4, 8)"),
    ("L.ConvLSTM2D(4, 3, data_format='channels_first')", (5, 3, 10, 10), "(None, 4, 8, 8)"),
    ("L.SpatialDropout2D(0.2, data_format='channels_first')", (3, 10, 10), "(None, 3, 10, 10)"),
    ("L.RNN(L.LSTMCell(8))", (5, 3), "(None, 8)"),
    ("L.RNN(L.GRUCell(8))", (5, 3), "(None, 8)"),
    ("L.RNN(L.SimpleRNNCell(8), return_sequences=True)", (5, 3), "(None, 5, 8)"),
    ("L.RNN(L.StackedRNNCells([L.LSTMCell(8), L.LSTMCell(4)]))", (5, 3), "(None, 4)"),
    ("L.RNN([L.GRUCell(8), L.GRUCell(4)], return_sequences=True)", (5, 3), "(None, 5, 4)"),
]

# Layers on string or integer inputs: (layer, sample shape, Input dtype, expected output).
TYPED_LAYER_CASES: list[tuple[str, tuple[int, ...], str, str]] = [
    ("L.StringLookup()", (1,), "string", "(None, 1)"),
    ("L.StringLookup(vocabulary=['a', 'b', 'c'])", (3,), "string", "(None, 3)"),
    (
        "L.StringLookup(vocabulary=['a', 'b', 'c'], output_mode='one_hot')",
        (1,),
        "string",
        "(None, 4)",
    ),
    (
        "L.StringLookup(vocabulary=['a', 'b', 'c'], output_mode='one_hot')",
        (),
        "string",
        "(None, 4)",
    ),
    (
        "L.StringLookup(vocabulary=['a', 'b', 'c'], output_mode='multi_hot')",
        (3,),
        "string",
        "(None, 4)",
    ),
    (
        "L.StringLookup(vocabulary=['a', 'b', 'c'], output_mode='count', num_oov_indices=2)",
        (3,),
        "string",
        "(None, 5)",
    ),
    (
        "L.StringLookup(vocabulary=['a', 'b', 'c'], output_mode='multi_hot', mask_token='')",
        (3,),
        "string",
        "(None, 4)",
    ),
    ("L.IntegerLookup(vocabulary=[1, 2, 3])", (3,), "int64", "(None, 3)"),
    ("L.IntegerLookup(vocabulary=[1, 2, 3], output_mode='multi_hot')", (3,), "int64", "(None, 4)"),
    ("L.Hashing(num_bins=10)", (3,), "string", "(None, 3)"),
    ("L.Hashing(num_bins=10, output_mode='one_hot')", (1,), "string", "(None, 10)"),
    ("L.Hashing(num_bins=10, output_mode='multi_hot')", (3,), "string", "(None, 10)"),
    ("L.TextVectorization()", (1,), "string", "(None, None)"),
    ("L.TextVectorization(output_sequence_length=20)", (1,), "string", "(None, 20)"),
    ("L.TextVectorization(output_sequence_length=20)", (), "string", "(None, 20)"),
    (
        "L.TextVectorization(max_tokens=100, ngrams=2, output_sequence_length=5)",
        (1,),
        "string",
        "(None, 5)",
    ),
]

# Layers called on several tensors: (call on inputs i0, i1, ..., their sample shapes,
# expected output shape, parameter count as Keras reports it; Keras 2 and 3 agree).
MULTI_INPUT_CASES: list[tuple[str, list[tuple[int, ...]], str, str]] = [
    (
        "L.MultiHeadAttention(num_heads=2, key_dim=8)(i0, i1)",
        [(10, 16), (10, 16)],
        "(None, 10, 16)",
        "1088",
    ),
    ("L.MultiHeadAttention(2, 8)(i0, i1)", [(10, 16), (7, 12)], "(None, 10, 16)", "960"),
    (
        "L.MultiHeadAttention(2, 8)(query=i0, value=i1, key=i2)",
        [(10, 16), (7, 16), (7, 5)],
        "(None, 10, 16)",
        "912",
    ),
    (
        "L.MultiHeadAttention(2, 8, output_shape=32)(i0, i1)",
        [(10, 16), (10, 16)],
        "(None, 10, 32)",
        "1360",
    ),
    (
        "L.MultiHeadAttention(2, 8, output_shape=(4, 8))(i0, i1)",
        [(10, 16), (10, 16)],
        "(None, 10, 4, 8)",
        "1360",
    ),
    ("L.MultiHeadAttention(3, 8, value_dim=5)(i0, i0)", [(10, 16)], "(None, 10, 16)", "1327"),
    ("L.MultiHeadAttention(2, 8, use_bias=False)(i0, i0)", [(10, 16)], "(None, 10, 16)", "1024"),
    (
        "L.MultiHeadAttention(2, 8, attention_axes=(2,))(i0, i1)",
        [(5, 6, 16), (5, 6, 16)],
        "(None, 5, 6, 16)",
        "1088",
    ),
    ("L.Attention()([i0, i1])", [(10, 8), (7, 8)], "(None, 10, 8)", "0"),
    ("L.Attention(use_scale=True)([i0, i1, i1])", [(10, 8), (7, 8)], "(None, 10, 8)", "1"),
    ("L.AdditiveAttention()([i0, i1])", [(10, 8), (7, 8)], "(None, 10, 8)", "8"),
    ("L.Dot(axes=1)([i0, i1])", [(4,), (4,)], "(None, 1)", "0"),
    ("L.Dot(axes=(2, 2))([i0, i1])", [(3, 4), (5, 4)], "(None, 3, 5)", "0"),
    ("L.Dot(axes=(1, 1))([i0, i1])", [(3, 4), (3, 6)], "(None, 4, 6)", "0"),
    ("L.Dot(axes=-1, normalize=True)([i0, i1])", [(3, 4), (5, 4)], "(None, 3, 5)", "0"),
    ("L.dot([i0, i1], axes=1)", [(4,), (4,)], "(None, 1)", "0"),
]


def multi_input_program(call: str, shapes: list[tuple[int, ...]]) -> str:
    inputs = "".join(f"i{n} = keras.Input(shape={s!r})\n" for n, s in enumerate(shapes))
    names = ", ".join(f"i{n}" for n in range(len(shapes)))
    return f"import keras\nL = keras.layers\n{inputs}out = {call}\nmodel = keras.Model([{names}], out)\n"


# (name, program, Keras 3 raises, Keras 2 raises, code shapesense reports or None)
PROGRAM_HEAD = "import numpy as np\nimport keras\nL = keras.layers\n"
PROGRAM_CASES: list[tuple[str, str, bool, bool, str | None]] = [
    (
        "k2_trailing_one_dropped_before_the_axes_are_compared",
        "model = keras.Sequential([L.Conv2DTranspose(4, 3, strides=2, padding='same', input_shape=(8, 8, 1)), L.GlobalMaxPooling2D(), L.Dense(2)])\n"
        "model.compile('adam', 'mse')\nmodel.predict(np.zeros((8, 8, 1)), verbose=0)\n",
        False,
        False,
        "SS110",
    ),
    (
        "k2_compares_the_raw_axes_k3_only_the_rank",
        "model = keras.Sequential([L.Conv2D(4, 3, padding='same', input_shape=(8, 8, 1)), L.GlobalMaxPooling2D(), L.Dense(2)])\n"
        "model.compile('adam', 'mse')\nmodel.predict(np.zeros((5, 8, 7)), verbose=0)\n",
        False,
        True,
        None,
    ),
    (  # a hint: TensorFlow's CPU kernels refuse it without oneDNN (tests/test_devices.py)
        "channels_first_conv2d_refused_by_a_cpu_without_onednn",
        "model = keras.Sequential([keras.Input(shape=(3, 8, 8)), L.Conv2D(4, 3, data_format='channels_first'), L.GlobalMaxPooling2D(data_format='channels_first'), L.Dense(2)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.zeros((8, 3, 8, 8)), np.zeros((8, 2)), verbose=0)\n",
        False,
        False,
        "SS301",
    ),
    (
        "dense_ok",
        "model = keras.Sequential([L.Dense(16, input_shape=(10,)), L.Dense(1, activation='sigmoid')])\n"
        "model.compile('adam', 'binary_crossentropy')\nmodel.fit(np.random.rand(20, 10), np.random.randint(0, 2, 20), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "dense_wrong_features",
        "model = keras.Sequential([L.Dense(16, input_shape=(10,)), L.Dense(1, activation='sigmoid')])\n"
        "model.compile('adam', 'binary_crossentropy')\nmodel.fit(np.random.rand(20, 12), np.random.randint(0, 2, 20), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "conv_implicit_channel",
        "model = keras.Sequential([L.Conv2D(4, 3, input_shape=(16, 16, 1)), L.Flatten(), L.Dense(3, activation='softmax')])\n"
        "model.compile('adam', 'sparse_categorical_crossentropy')\nmodel.fit(np.random.rand(8, 16, 16), np.random.randint(0, 3, 8), verbose=0)\n",
        False,
        False,
        "SS110",
    ),
    (
        "conv_unbuilt_missing_channel",
        "model = keras.Sequential([L.Conv2D(4, 3), L.Flatten(), L.Dense(3, activation='softmax')])\n"
        "model.compile('adam', 'sparse_categorical_crossentropy')\nmodel.fit(np.random.rand(8, 16, 16), np.random.randint(0, 3, 8), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "lstm_wrong_features",
        "model = keras.Sequential([L.LSTM(8, input_shape=(20, 5)), L.Dense(1, activation='sigmoid')])\n"
        "model.compile('adam', 'binary_crossentropy')\nmodel.fit(np.random.rand(10, 20, 3), np.random.randint(0, 2, 10), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "predict_single_sample",
        "model = keras.Sequential([keras.Input(shape=(28, 28)), L.Flatten(), L.Dense(10)])\n"
        "model.predict(np.random.rand(28, 28), verbose=0)\n",
        True,
        True,
        "SS107",
    ),
    (
        "rgb_into_gray",
        "model = keras.Sequential([keras.Input(shape=(12, 12, 1)), L.Conv2D(4, 3), L.Flatten(), L.Dense(2)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.rand(8, 12, 12, 3), np.zeros((8, 2)), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "trailing_one_squeezed",
        "model = keras.Sequential([keras.Input(shape=(12, 12, 1)), L.Conv2D(4, 3), L.Flatten(), L.Dense(2)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.rand(8, 12, 12, 1, 1), np.zeros((8, 2)), verbose=0)\n",
        False,
        False,
        "SS110",
    ),
    (
        "xy_count",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.rand(10, 4), np.random.rand(8, 1), verbose=0)\n",
        True,
        True,
        "SS201",
    ),
    (
        "categorical_int_labels",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(3, activation='softmax')])\n"
        "model.compile('adam', 'categorical_crossentropy')\nmodel.fit(np.random.rand(8, 4), np.random.randint(0, 3, 8), verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "sparse_onehot_labels",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(3, activation='softmax')])\n"
        "model.compile('adam', 'sparse_categorical_crossentropy')\nmodel.fit(np.random.rand(8, 4), keras.utils.to_categorical(np.random.randint(0, 3, 8), 3), verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "binary_two_units",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(2, activation='sigmoid')])\n"
        "model.compile('adam', 'binary_crossentropy')\nmodel.fit(np.random.rand(8, 4), np.random.randint(0, 2, 8), verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "mse_broadcasts",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.rand(8, 4), np.random.rand(8, 2), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "mse_not_broadcastable",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(3)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.rand(8, 4), np.random.rand(8, 2), verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "lstm_after_dense",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(8), L.LSTM(4)])\n",
        True,
        True,
        "SS103",
    ),
    (
        "conv_shrinks_to_zero",
        "model = keras.Sequential([keras.Input(shape=(4, 4, 1)), L.Conv2D(4, 3), L.Conv2D(4, 3)])\n",
        True,
        True,
        "SS104",
    ),
    (
        "pool_shrinks_to_zero",
        "model = keras.Sequential([keras.Input(shape=(3, 3, 1)), L.MaxPooling2D(2), L.MaxPooling2D(2)])\n",
        True,
        True,
        "SS104",
    ),
    (
        "reshape_wrong_size",
        "model = keras.Sequential([keras.Input(shape=(100,)), L.Reshape((28, 28, 1))])\n",
        True,
        True,
        "SS105",
    ),
    (
        "concatenate_mismatch",
        "a = keras.Input(shape=(4, 3))\nb = keras.Input(shape=(5, 3))\nc = L.Concatenate()([a, b])\n",
        True,
        True,
        "SS106",
    ),
    (
        "concatenate_axis_ok",
        "a = keras.Input(shape=(4, 3))\nb = keras.Input(shape=(5, 3))\nc = L.Concatenate(axis=1)([a, b])\n",
        False,
        False,
        None,
    ),
    (
        "add_mismatch",
        "a = keras.Input(shape=(4,))\nb = keras.Input(shape=(5,))\nc = L.Add()([a, b])\n",
        True,
        True,
        "SS106",
    ),
    (
        "conv1d_on_2d",
        "model = keras.Sequential([keras.Input(shape=(10,)), L.Conv1D(4, 3)])\n",
        True,
        True,
        "SS103",
    ),
    (
        "keras3_checks_rank_only",
        "model = keras.Sequential([L.Conv1D(4, 2, input_shape=(20, 1)), L.GlobalMaxPooling1D(), L.Dense(2)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.rand(8, 24, 1), np.zeros((8, 2)), verbose=0)\n",
        False,
        True,
        None,
    ),
    (
        "keras3_dense_built_for_declared_steps",
        "model = keras.Sequential([L.Conv1D(4, 2, input_shape=(20, 1)), L.Flatten(), L.Dense(2)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.rand(8, 24, 1), np.zeros((8, 2)), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "embedding_flatten_dense_unbuilt",
        "model = keras.Sequential([L.Embedding(100, 4), L.Flatten(), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.randint(0, 100, (8, 10)), np.zeros((8, 1)), verbose=0)\n",
        False,
        True,
        None,
    ),
    (
        "validation_data_wrong",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.rand(8, 4), np.zeros((8, 1)), validation_data=(np.random.rand(4, 5), np.zeros((4, 1))), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "evaluate_wrong",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.evaluate(np.random.rand(8, 5), np.zeros((8, 1)), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "functional_ok",
        "inp = keras.Input(shape=(6,))\nh = L.Dense(8, activation='relu')(inp)\nout = L.Dense(3, activation='softmax')(h)\n"
        "model = keras.Model(inp, out)\nmodel.compile('adam', 'sparse_categorical_crossentropy')\nmodel.fit(np.random.rand(8, 6), np.random.randint(0, 3, 8), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "functional_wrong_features",
        "inp = keras.Input(shape=(6,))\nh = L.Dense(8, activation='relu')(inp)\nout = L.Dense(3, activation='softmax')(h)\n"
        "model = keras.Model(inp, out)\nmodel.compile('adam', 'sparse_categorical_crossentropy')\nmodel.fit(np.random.rand(8, 7), np.random.randint(0, 3, 8), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "functional_layer_rank",
        "inp = keras.Input(shape=(6,))\nh = L.LSTM(4)(inp)\n",
        True,
        True,
        "SS103",
    ),
    (
        "add_builds_layer_by_layer",
        "model = keras.Sequential()\nmodel.add(L.Dense(8, input_shape=(4,)))\nmodel.add(L.Conv1D(2, 3))\n",
        True,
        True,
        "SS103",
    ),
    # A functional model checks its input's axes itself (InputSpec with
    # allow_last_axis_squeeze); a Keras 3 Sequential model checks only the rank.
    (
        "k3_functional_model_checks_its_input_axes",
        "a = keras.Input(shape=(4, 4))\nmodel = keras.Model(a, L.Dense(2)(L.GlobalAveragePooling1D()(a)))\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.zeros((8, 5, 4)), np.zeros((8, 2)), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "k3_sequential_model_checks_only_the_rank",
        "model = keras.Sequential([keras.Input(shape=(4, 4)), L.GlobalAveragePooling1D(), L.Dense(2)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.zeros((8, 5, 4)), np.zeros((8, 2)), verbose=0)\n",
        False,
        True,
        None,
    ),
    (
        "functional_input_squeezes_trailing_ones_before_comparing",
        "a = keras.Input(shape=(4, 1))\nmodel = keras.Model(a, L.Dense(2)(L.GlobalAveragePooling1D()(a)))\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.zeros((8, 4)), np.zeros((8, 2)), verbose=0)\n",
        False,
        False,
        "SS110",
    ),
    # Models with several inputs take a list or tuple, one array per input, in order.
    (
        "two_inputs_ok",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.fit([np.zeros((8, 4)), np.zeros((8, 5))], np.zeros((8, 2)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "two_inputs_swapped",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.fit([np.zeros((8, 5)), np.zeros((8, 4))], np.zeros((8, 2)), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "two_inputs_second_axis_wrong",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "pair = (np.zeros((8, 4)), np.zeros((8, 6)))\nmodel.predict(pair, verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "two_inputs_second_rank_one",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.fit([np.zeros((8, 4)), np.zeros((8,))], np.zeros((8, 2)), verbose=0)\n",
        True,
        True,
        "SS101",
    ),
    (
        "two_inputs_trailing_one_dropped",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.fit([np.zeros((8, 4)), np.zeros((8, 5, 1))], np.zeros((8, 2)), verbose=0)\n",
        False,
        False,
        "SS110",
    ),
    (
        "two_inputs_given_one_array",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.fit(np.zeros((8, 4)), np.zeros((8, 2)), verbose=0)\n",
        True,
        True,
        "SS108",
    ),
    (
        "two_inputs_given_three_arrays",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.evaluate([np.zeros((8, 4)), np.zeros((8, 5)), np.zeros((8, 5))], np.zeros((8, 2)), verbose=0)\n",
        True,
        True,
        "SS108",
    ),
    (
        "two_inputs_sample_counts_differ",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.fit([np.zeros((8, 4)), np.zeros((9, 5))], np.zeros((8, 2)), verbose=0)\n",
        True,
        True,
        "SS201",
    ),
    (
        "two_inputs_labels_wrong",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.fit([np.zeros((8, 4)), np.zeros((8, 5))], np.zeros((8, 3)), verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "two_inputs_by_name_not_checked",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.fit({'a': np.zeros((8, 4)), 'b': np.zeros((8, 5))}, np.zeros((8, 2)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "two_inputs_by_name_in_any_order",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.fit({'b': np.zeros((8, 5)), 'a': np.zeros((8, 4))}, np.zeros((8, 2)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "two_inputs_by_name_axis_wrong",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "data = {'a': np.zeros((8, 4)), 'b': np.zeros((8, 6))}\nmodel.predict(data, verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "two_inputs_by_name_key_missing",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.fit({'a': np.zeros((8, 4))}, np.zeros((8, 2)), verbose=0)\n",
        True,
        True,
        "SS108",
    ),
    (
        "two_inputs_by_name_extra_key_ignored",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.fit({'a': np.zeros((8, 4)), 'b': np.zeros((8, 5)), 'c': np.zeros((8, 3))}, np.zeros((8, 2)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "two_inputs_dict_item_replaced_before_the_call",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "data = {'a': np.zeros((8, 4)), 'b': np.zeros((8, 6))}\ndata['b'] = np.zeros((8, 5))\nmodel.predict(data, verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "two_inputs_list_item_replaced_before_the_call",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "xs = [np.zeros((8, 4)), np.zeros((8, 6))]\nxs[1] = np.zeros((8, 5))\nmodel.predict(xs, verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "two_inputs_list_changed_by_a_function",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "xs = [np.zeros((8, 4)), np.zeros((8, 6))]\ndef fix():\n    xs[1] = np.zeros((8, 5))\nfix()\nmodel.predict(xs, verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "two_inputs_validation_data_checked",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.fit([np.zeros((8, 4)), np.zeros((8, 5))], np.zeros((8, 2)), validation_data=([np.zeros((4, 4)), np.zeros((4, 6))], np.zeros((4, 2))), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "two_inputs_validation_data_one_array",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "model.fit([np.zeros((8, 4)), np.zeros((8, 5))], np.zeros((8, 2)), validation_data=(np.zeros((4, 4)), np.zeros((4, 2))), verbose=0)\n",
        True,
        True,
        "SS108",
    ),
    (
        "two_inputs_list_popped_and_appended",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "xs = [np.zeros((8, 4)), np.zeros((8, 6))]\nxs.pop()\nxs.append(np.zeros((8, 5)))\nmodel.predict(xs, verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "two_inputs_dict_updated",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "d = {'a': np.zeros((8, 4)), 'b': np.zeros((8, 6))}\nd.update(b=np.zeros((8, 5)))\nmodel.predict(d, verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "two_inputs_dict_key_deleted_and_set",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "d = {'a': np.zeros((8, 4)), 'b': np.zeros((8, 6))}\ndel d['b']\nd['b'] = np.zeros((8, 5))\nmodel.predict(d, verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "two_inputs_dict_changed_by_a_function_it_is_passed_to",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "data = {'a': np.zeros((8, 4)), 'b': np.zeros((8, 10))}\ndef prep(d):\n    d['b'] = d['b'][:, :5]\nprep(data)\nmodel.fit(data, np.zeros((8, 2)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "two_inputs_list_changed_through_another_name",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "xs = [np.zeros((8, 4)), np.zeros((8, 6))]\nys = xs\nys[1] = np.zeros((8, 5))\nmodel.predict(xs, verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "two_inputs_list_changed_inside_another_container",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "xs = [np.zeros((8, 4)), np.zeros((8, 6))]\npairs = (xs, 1)\nxs[1] = np.zeros((8, 5))\nmodel.predict(pairs[0], verbose=0)\n",
        False,
        False,
        None,
    ),
    # Rank-1 data into a Sequential model with no declared input: the sample is (None,).
    (
        "rank1_data_unbuilt_dense",
        "model = keras.Sequential([L.Dense(4), L.Dense(1)])\nmodel.compile('adam', 'mse')\nmodel.fit(np.zeros((8,)), np.zeros((8, 1)), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "rank1_data_unbuilt_flatten",
        "model = keras.Sequential([L.Flatten(), L.Dense(1)])\nmodel.compile('adam', 'mse')\nmodel.fit(np.zeros((8,)), np.zeros((8, 1)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "rank1_data_unbuilt_dropout_dense",
        "model = keras.Sequential([L.Dropout(0.1), L.Dense(1)])\nmodel.compile('adam', 'mse')\nmodel.fit(np.zeros((8,)), np.zeros((8, 1)), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "rank1_data_unbuilt_batchnorm",
        "model = keras.Sequential([L.BatchNormalization(), L.Dense(1)])\nmodel.compile('adam', 'mse')\nmodel.fit(np.zeros((8,)), np.zeros((8, 1)), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "rank1_data_unbuilt_reshape",
        "model = keras.Sequential([L.Reshape((1,)), L.Dense(1)])\nmodel.compile('adam', 'mse')\nmodel.fit(np.zeros((8,)), np.zeros((8, 1)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "rank1_data_unbuilt_activation_dense",
        "model = keras.Sequential([L.Activation('relu'), L.Dense(1)])\nmodel.compile('adam', 'mse')\nmodel.predict(np.zeros((8,)), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "rank1_data_unbuilt_lstm",
        "model = keras.Sequential([L.LSTM(4), L.Dense(1)])\nmodel.compile('adam', 'mse')\nmodel.fit(np.zeros((8,)), np.zeros((8, 1)), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "rank1_data_unbuilt_conv1d",
        "model = keras.Sequential([L.Conv1D(4, 3), L.Flatten(), L.Dense(1)])\nmodel.compile('adam', 'mse')\nmodel.evaluate(np.zeros((8,)), np.zeros((8, 1)), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "rank1_data_unbuilt_repeatvector",
        "model = keras.Sequential([L.RepeatVector(3), L.Flatten(), L.Dense(1)])\nmodel.compile('adam', 'mse')\nmodel.fit(np.zeros((8,)), np.zeros((8, 1)), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "rank1_data_unbuilt_embedding",
        "model = keras.Sequential([L.Embedding(10, 3), L.Flatten(), L.Dense(1)])\nmodel.compile('adam', 'mse')\nmodel.fit(np.zeros((8,), dtype='int32'), np.zeros((8, 1)), verbose=0)\n",
        False,
        True,
        None,
    ),
    (
        "rank1_data_unbuilt_layernorm",
        "model = keras.Sequential([L.LayerNormalization(), L.Dense(1)])\nmodel.compile('adam', 'mse')\nmodel.fit(np.zeros((8,)), np.zeros((8, 1)), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "rank1_data_unbuilt_flatten_predict",
        "model = keras.Sequential([L.Flatten(), L.Dense(2)])\nmodel.compile('adam', 'mse')\nmodel.predict(np.zeros((8,)), verbose=0)\n",
        False,
        False,
        None,
    ),
    # Merging inputs of different ranks: the lower-rank one gets axes after its batch axis.
    (
        "add_of_different_ranks_gives_the_lower_one_new_axes",
        "a = keras.Input(shape=(6,))\nb = keras.Input(shape=(5, 6))\n"
        "model = keras.Model([a, b], L.Dense(5)(L.Add()([a, b])))\nmodel.compile('adam', 'mse')\n"
        "model.fit([np.zeros((8, 6)), np.zeros((8, 5, 6))], np.zeros((8, 5, 5)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "add_of_different_ranks_labels_of_the_lower_rank",
        "a = keras.Input(shape=(6,))\nb = keras.Input(shape=(5, 6))\n"
        "model = keras.Model([a, b], L.Dense(5)(L.Add()([a, b])))\nmodel.compile('adam', 'mse')\n"
        "model.fit([np.zeros((8, 6)), np.zeros((8, 5, 6))], np.zeros((8, 5)), verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "two_inputs_list_appended_through_another_name",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "xs = [np.zeros((8, 4))]\nalias = xs\nalias.append(np.zeros((8, 5)))\nmodel.predict(xs, verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "two_inputs_list_appended_through_another_name_wrong",
        "a = keras.Input(shape=(4,), name='a')\nb = keras.Input(shape=(5,), name='b')\n"
        "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(b)])\nmodel = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
        "xs = [np.zeros((8, 4))]\nalias = xs\nalias.append(np.zeros((8, 6)))\nmodel.predict(xs, verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    # Keras compiles fit/evaluate/predict at first use and keeps the function until compile.
    (
        "fit_add_fit_runs_the_function_compiled_before_the_add",
        "model = keras.Sequential([L.Dense(6, input_shape=(4,))])\nmodel.compile('adam', 'mse')\n"
        "model.fit(np.zeros((8, 4)), np.zeros((8, 6)), verbose=0)\nmodel.add(L.Dense(5))\n"
        "model.fit(np.zeros((8, 4)), np.zeros((8, 6)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "fit_add_evaluate_compiles_the_model_with_the_new_layer",
        "model = keras.Sequential([L.Dense(6, input_shape=(4,))])\nmodel.compile('adam', 'mse')\n"
        "model.fit(np.zeros((8, 4)), np.zeros((8, 6)), verbose=0)\nmodel.add(L.Dense(5))\n"
        "model.evaluate(np.zeros((8, 4)), np.zeros((8, 6)), verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "fit_with_validation_add_evaluate_runs_the_old_function",
        "model = keras.Sequential([L.Dense(6, input_shape=(4,))])\nmodel.compile('adam', 'mse')\n"
        "model.fit(np.zeros((8, 4)), np.zeros((8, 6)), validation_split=0.25, verbose=0)\n"
        "model.add(L.Dense(5))\nmodel.evaluate(np.zeros((8, 4)), np.zeros((8, 6)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "compile_after_add_compiles_afresh",
        "model = keras.Sequential([L.Dense(6, input_shape=(4,))])\nmodel.compile('adam', 'mse')\n"
        "model.fit(np.zeros((8, 4)), np.zeros((8, 6)), verbose=0)\nmodel.add(L.Dense(5))\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.zeros((8, 4)), np.zeros((8, 6)), verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    # An unknown size is not an undefined axis: X from something unmodelled (a scaler, a pandas
    # frame, a gym space) gives `X.shape[1]` a real size in Keras (issue: 19 false SS103 in
    # published Keras 2 programs reading input_shape=(X_train.shape[1],)).
    (
        "unknown_feature_count_is_not_an_undefined_axis",
        "class Scaler:\n    def fit_transform(self, x):\n        return x\n\n"
        "X_train = Scaler().fit_transform(np.random.rand(20, 10))\n"
        "model = keras.Sequential([L.Dense(16, input_shape=(X_train.shape[1],)), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(X_train, np.zeros(20), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "unknown_sizes_flattened_stay_a_size",
        "class Source:\n    def rows(self):\n        return np.random.rand(16, 6, 3)\n\n"
        "X = Source().rows()\n"
        "model = keras.Sequential([keras.Input(shape=(X.shape[1], X.shape[2])), L.Flatten(), L.Dense(2)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(X, np.zeros((16, 2)), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "unknown_size_leaves_the_known_axes_checked",
        "class Source:\n    def steps(self):\n        return 6\n\n"
        "n = Source().steps()\n"
        "model = keras.Sequential([L.LSTM(4, input_shape=(n, 3)), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.zeros((16, 6, 4)), np.zeros(16), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "unknown_size_in_the_data_is_not_an_undefined_axis",
        "class Source:\n    def width(self):\n        return 5\n\n"
        "X = np.zeros((16, Source().width()))\n"
        "model = keras.Sequential([L.Dense(4), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(X, np.zeros(16), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "declared_none_last_axis_is_undefined",
        "model = keras.Sequential([L.Dense(4, input_shape=(None,)), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.zeros((16, 5)), np.zeros(16), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    # Embedding's input_dim is the vocabulary size, not an input shape (Keras 2 and 3).
    (
        "embedding_input_dim_is_the_vocabulary",
        "vocab_size = 1000\n"
        "model = keras.Sequential([L.Embedding(input_dim=vocab_size, output_dim=8), L.GlobalAveragePooling1D(), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.randint(0, 1000, (16, 20)), np.zeros(16), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "embedding_input_dim_with_input_length",
        "model = keras.Sequential([L.Embedding(input_dim=1000, output_dim=8, input_length=20), L.Flatten(), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.randint(0, 1000, (16, 25)), np.zeros(16), verbose=0)\n",
        False,
        True,
        None,  # Keras 3 drops input_length,
    ),
    (
        "numpy_reshape_wrong_size",
        "X = np.random.rand(10, 784)\nX = X.reshape(10, 28, 27)\n",
        True,
        True,
        "SS401",
    ),
    # new layers: multi-input calls, preprocessing, string data (Keras 2 and 3 measured)
    (
        "dot_axis_values_differ",
        "a = keras.Input(shape=(4,))\nb = keras.Input(shape=(5,))\nmodel = keras.Model([a, b], L.Dot(axes=1)([a, b]))\n",
        True,
        True,
        "SS106",
    ),
    (
        "mha_key_and_value_steps_differ",
        "q = keras.Input(shape=(10, 16))\nv = keras.Input(shape=(7, 16))\nk = keras.Input(shape=(6, 16))\n"
        "out = L.MultiHeadAttention(num_heads=2, key_dim=8)(q, v, k)\nmodel = keras.Model([q, v, k], out)\n",
        True,
        True,
        "SS106",
    ),
    (
        "mha_output_shape_into_residual_add",
        "x = keras.Input(shape=(10, 16))\nattn = L.MultiHeadAttention(num_heads=2, key_dim=8, output_shape=32)(x, x)\n"
        "model = keras.Model(x, L.Add()([x, attn]))\n",
        True,
        True,
        "SS106",
    ),
    (
        "mha_transformer_block_fits",
        "x_in = keras.Input(shape=(12, 8))\nattn, scores = L.MultiHeadAttention(num_heads=2, key_dim=4)(x_in, x_in, return_attention_scores=True)\n"
        "h = L.LayerNormalization()(L.Add()([x_in, attn]))\nh = L.GlobalAveragePooling1D()(h)\nmodel = keras.Model(x_in, L.Dense(1)(h))\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.rand(16, 12, 8), np.zeros(16), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "mha_transformer_block_wrong_features",
        "x_in = keras.Input(shape=(12, 8))\nattn = L.MultiHeadAttention(num_heads=2, key_dim=4)(x_in, x_in)\n"
        "h = L.LayerNormalization()(L.Add()([x_in, attn]))\nh = L.GlobalAveragePooling1D()(h)\nmodel = keras.Model(x_in, L.Dense(1)(h))\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.rand(16, 12, 6), np.zeros(16), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "group_norm_groups_do_not_divide_channels",
        "model = keras.Sequential([keras.Input(shape=(8, 6)), L.GroupNormalization(groups=4)])\n",
        True,
        True,
        "SS103",
    ),
    (
        "einsum_dense_shared_axis_differs",
        "model = keras.Sequential([keras.Input(shape=(5, 3)), L.EinsumDense('abc,cd->abd', output_shape=(7, 4))])\n",
        True,
        True,
        "SS103",
    ),
    (
        "conv_lstm2d_without_time_axis",
        "model = keras.Sequential([keras.Input(shape=(16, 16, 1)), L.ConvLSTM2D(4, 3), L.Flatten(), L.Dense(1)])\n",
        True,
        True,
        "SS103",
    ),
    (
        "augmentation_block_fits",
        "model = keras.Sequential([keras.Input(shape=(16, 16, 3)), L.RandomFlip('horizontal'), L.RandomRotation(0.1), L.RandomZoom(0.1),\n"
        "    L.Rescaling(1.0 / 255), L.Conv2D(4, 3), L.Flatten(), L.Dense(2, activation='softmax')])\n"
        "model.compile('adam', 'sparse_categorical_crossentropy')\nmodel.fit(np.random.rand(8, 16, 16, 3), np.random.randint(0, 2, 8), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "augmentation_block_gray_images",
        "model = keras.Sequential([keras.Input(shape=(16, 16, 3)), L.RandomFlip('horizontal'), L.RandomRotation(0.1),\n"
        "    L.Rescaling(1.0 / 255), L.Conv2D(4, 3), L.Flatten(), L.Dense(2, activation='softmax')])\n"
        "model.compile('adam', 'sparse_categorical_crossentropy')\nmodel.fit(np.random.rand(8, 16, 16, 1), np.random.randint(0, 2, 8), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "resizing_then_flatten_dense_fits",
        "model = keras.Sequential([keras.Input(shape=(20, 20, 3)), L.Resizing(8, 8), L.CenterCrop(6, 6), L.Flatten(), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(np.random.rand(8, 20, 20, 3), np.zeros(8), verbose=0)\n",
        False,
        False,
        None,
    ),
    # Keras 3 cannot fit numpy string arrays ("Invalid dtype: str416"): strings go through tf.data
    (
        "text_vectorization_pipeline_fits_on_strings",
        "texts = np.array(['the cat sat', 'a dog ran far', 'cats and dogs', 'the end'] * 4)\nlabels = np.array([0, 1, 1, 0] * 4)\n"
        "vectorize = L.TextVectorization(max_tokens=50, output_sequence_length=6)\nvectorize.adapt(texts)\n"
        "model = keras.Sequential([keras.Input(shape=(1,), dtype='string'), vectorize, L.Embedding(50, 8), L.Flatten(), L.Dense(1, activation='sigmoid')])\n"
        "model.compile('adam', 'binary_crossentropy')\n"
        "import tensorflow as tf\nmodel.fit(tf.data.Dataset.from_tensor_slices((texts, labels)).batch(4), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "text_vectorization_without_sequence_length_into_flatten_dense",
        "texts = np.array(['the cat sat', 'a dog ran far', 'cats and dogs', 'the end'] * 4)\n"
        "vectorize = L.TextVectorization(max_tokens=50)\nvectorize.adapt(texts)\n"
        "model = keras.Sequential([keras.Input(shape=(1,), dtype='string'), vectorize, L.Embedding(50, 8), L.Flatten(), L.Dense(1, activation='sigmoid')])\n",
        True,
        True,
        "SS103",
    ),
    (
        "string_lookup_one_hot_fits",
        "colors = np.array([['red'], ['green'], ['blue'], ['red']] * 4)\n"
        "model = keras.Sequential([keras.Input(shape=(1,), dtype='string'), L.StringLookup(vocabulary=['red', 'green', 'blue'], output_mode='one_hot'), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nimport tensorflow as tf\n"
        "model.fit(tf.data.Dataset.from_tensor_slices((colors, np.zeros(16))).batch(4), verbose=0)\n",
        False,
        False,
        None,
    ),
    # a comprehension of 100 items of unknown length: 100 rows once padded
    (
        "pad_sequences_of_a_comprehension_keeps_its_row_count",
        "texts = [list(np.random.randint(1, 50, size=np.random.randint(5, 60))) for _ in range(100)]\n"
        "x = keras.utils.pad_sequences(texts, maxlen=60)\n"
        "inputs = keras.Input(shape=(40,))\nmodel = keras.Model(inputs, L.Dense(1)(L.GlobalAveragePooling1D()(L.Embedding(50, 8)(inputs))))\n"
        "model.compile('adam', 'mse')\nmodel.fit(x, np.zeros(len(texts)), verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "pad_sequences_of_a_comprehension_to_the_input_length_fits",
        "texts = [list(np.random.randint(1, 50, size=np.random.randint(5, 60))) for _ in range(100)]\n"
        "x = keras.utils.pad_sequences(texts, maxlen=40)\n"
        "model = keras.Sequential([keras.Input(shape=(40,)), L.Embedding(50, 8), L.GlobalAveragePooling1D(), L.Dense(1)])\n"
        "model.compile('adam', 'mse')\nmodel.fit(x, np.zeros(len(texts)), verbose=0)\n",
        False,
        False,
        None,
    ),
    # SS205: scipy sparse labels (OneHotEncoder's default output); sparse x runs (measured)
    (
        "sparse_one_hot_labels_in_fit",
        "from sklearn.preprocessing import OneHotEncoder\nx = np.random.rand(8, 2)\n"
        "y = OneHotEncoder(categories=[['a', 'b', 'c']]).fit_transform(np.array([['a'], ['b'], ['c'], ['a']] * 2))\n"
        "model = keras.Sequential([keras.Input(shape=(2,)), L.Dense(3, activation='softmax')])\n"
        "model.compile('adam', 'categorical_crossentropy')\nmodel.fit(x, y, verbose=0)\n",
        True,
        True,
        "SS205",
    ),
    (
        "sparse_labels_in_evaluate_with_mse",
        "from sklearn.preprocessing import OneHotEncoder\nx = np.random.rand(8, 2)\n"
        "y = OneHotEncoder(categories=[['a', 'b', 'c']]).fit_transform(np.array([['a'], ['b'], ['c'], ['a']] * 2))\n"
        "model = keras.Sequential([keras.Input(shape=(2,)), L.Dense(3)])\n"
        "model.compile('adam', 'mse')\nmodel.evaluate(x, y, verbose=0)\n",
        True,
        True,
        "SS205",
    ),
    (  # the data meets the model first: its shape error is the one Keras raises
        "sparse_labels_after_an_input_of_another_width",
        "from sklearn.preprocessing import OneHotEncoder\nx = np.random.rand(8, 5)\n"
        "y = OneHotEncoder(categories=[['a', 'b', 'c']]).fit_transform(np.array([['a'], ['b'], ['c'], ['a']] * 2))\n"
        "model = keras.Sequential([keras.Input(shape=(2,)), L.Dense(3, activation='softmax')])\n"
        "model.compile('adam', 'categorical_crossentropy')\nmodel.fit(x, y, verbose=0)\n",
        True,
        True,
        "SS102",
    ),
    (
        "sparse_one_hot_labels_made_dense_fit",
        "from sklearn.preprocessing import OneHotEncoder\nx = np.random.rand(8, 2)\n"
        "y = OneHotEncoder(categories=[['a', 'b', 'c']]).fit_transform(np.array([['a'], ['b'], ['c'], ['a']] * 2))\n"
        "model = keras.Sequential([keras.Input(shape=(2,)), L.Dense(3, activation='softmax')])\n"
        "model.compile('adam', 'categorical_crossentropy')\nmodel.fit(x, y.toarray(), verbose=0)\n",
        False,
        False,
        None,
    ),
    # SS402: tf.data and scikit-learn raise before Keras (tensorflow 2.21, scikit-learn 1.7)
    (
        "tf_data_list_of_features_and_labels_cannot_be_stacked",
        "import tensorflow as tf\nfeatures = np.random.rand(100, 4).astype('float32')\nlabels = np.random.randint(0, 3, size=100)\n"
        "ds = tf.data.Dataset.from_tensor_slices([features, labels]).batch(10)\n",
        True,
        True,
        "SS402",
    ),
    (
        "tf_data_list_of_equal_arrays_is_one_stacked_tensor",
        "import tensorflow as tf\nx = np.zeros((8, 4), 'float32')\nds = tf.data.Dataset.from_tensor_slices([x, x]).batch(2)\n"
        "model = keras.Sequential([keras.Input(shape=(8, 4)), L.Flatten(), L.Dense(1)])\nmodel.predict(ds, verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "tf_data_tuple_of_arrays_with_different_rows",
        "import tensorflow as tf\nds = tf.data.Dataset.from_tensor_slices((np.zeros((100, 4)), np.zeros(50))).batch(10)\n",
        True,
        True,
        "SS402",
    ),
    (
        "sklearn_scaler_on_a_1d_target",
        "from sklearn.preprocessing import MinMaxScaler\nx = np.random.rand(20, 3)\ny = MinMaxScaler().fit_transform(np.random.rand(20))\n"
        "model = keras.Sequential([keras.Input(shape=(3,)), L.Dense(1)])\nmodel.compile('adam', 'mse')\nmodel.fit(x, y, verbose=0)\n",
        True,
        True,
        "SS402",
    ),
    (
        "sklearn_scaler_on_a_series",
        "import pandas as pd\nfrom sklearn.preprocessing import StandardScaler\ndf = pd.DataFrame({'a': np.zeros(20), 'b': np.ones(20)})\n"
        "y = StandardScaler().fit(df['b'])\n",
        True,
        True,
        "SS402",
    ),
    (
        "sklearn_scaler_on_images",
        "from sklearn.preprocessing import StandardScaler\nx = StandardScaler().fit_transform(np.zeros((20, 8, 8)))\n",
        True,
        True,
        "SS402",
    ),
    (
        "sklearn_scaler_on_a_target_column_fits",
        "from sklearn.preprocessing import MinMaxScaler\nx = np.random.rand(20, 3)\ny = MinMaxScaler().fit_transform(np.random.rand(20).reshape(-1, 1))\n"
        "model = keras.Sequential([keras.Input(shape=(3,)), L.Dense(1)])\nmodel.compile('adam', 'mse')\nmodel.fit(x, y, verbose=0)\n",
        False,
        False,
        None,
    ),
    # binary_crossentropy in Keras 2: a sigmoid or softmax output wants labels of its shape,
    # others broadcast (tf_keras 2.21, measured)
    (
        "binary_crossentropy_softmax_two_units_one_label_column",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(2, activation='softmax')])\nmodel.compile('adam', 'binary_crossentropy')\nmodel.fit(np.zeros((8, 4)), np.zeros((8, 1)), batch_size=8, verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "binary_crossentropy_softmax_three_units_two_columns",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(3, activation='softmax')])\nmodel.compile('adam', 'binary_crossentropy')\nmodel.fit(np.zeros((8, 4)), np.zeros((8, 2)), batch_size=8, verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "binary_crossentropy_softmax_same_width_fits",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(3, activation='softmax')])\nmodel.compile('adam', 'binary_crossentropy')\nmodel.fit(np.zeros((8, 4)), np.zeros((8, 3)), batch_size=8, verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "binary_crossentropy_relu_other_width_does_not_broadcast",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(2, activation='relu')])\nmodel.compile('adam', 'binary_crossentropy')\nmodel.fit(np.zeros((8, 4)), np.zeros((8, 3)), batch_size=8, verbose=0)\n",
        True,
        True,
        "SS202",
    ),
    (
        "binary_crossentropy_tanh_broadcasts_in_keras2",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(2, activation='tanh')])\nmodel.compile('adam', 'binary_crossentropy')\nmodel.fit(np.zeros((8, 4)), np.zeros((8, 1)), batch_size=8, verbose=0)\n",
        True,
        False,
        None,
    ),
    # weights given by value (SS111)
    (
        "set_weights_kernel_of_another_width",
        "inputs = keras.Input(shape=(4,))\ndense = L.Dense(3)\noutputs = dense(inputs)\n"
        "dense.set_weights([np.zeros((5, 3)), np.zeros(3)])\n",
        True,
        True,
        "SS111",
    ),
    (
        "set_weights_without_the_bias",
        "inputs = keras.Input(shape=(4,))\ndense = L.Dense(3)\noutputs = dense(inputs)\n"
        "dense.set_weights([np.zeros((4, 3))])\n",
        True,
        True,
        "SS111",
    ),
    (
        "set_weights_fits",
        "inputs = keras.Input(shape=(4,))\ndense = L.Dense(3)\noutputs = dense(inputs)\n"
        "dense.set_weights([np.zeros((4, 3)), np.zeros(3)])\n",
        False,
        False,
        None,
    ),
    (
        "embedding_weights_of_another_width",
        "inputs = keras.Input(shape=(5,))\n"
        "outputs = L.Embedding(10, 4, weights=[np.zeros((10, 5))])(inputs)\n",
        True,
        True,
        "SS111",
    ),
    (
        "embedding_weights_fit",
        "inputs = keras.Input(shape=(5,))\n"
        "outputs = L.Embedding(10, 4, weights=[np.zeros((10, 4))])(inputs)\n",
        False,
        False,
        None,
    ),
    # Normalization after adapt: Keras 2 raises at the call on sizes that do not broadcast,
    # Keras 3 builds it and raises at fit, evaluate and predict
    (
        "normalization_adapted_on_other_columns",
        "n = L.Normalization(axis=-1)\nn.adapt(np.random.rand(200, 9).astype('float32'))\n"
        "inp = keras.Input(shape=(5,))\nout = n(inp)\n",
        False,
        True,
        None,
    ),
    (
        "normalization_adapted_on_other_columns_predict",
        "n = L.Normalization(axis=-1)\nn.adapt(np.random.rand(200, 9).astype('float32'))\n"
        "inp = keras.Input(shape=(5,))\nmodel = keras.Model(inp, L.Dense(1)(n(inp)))\n"
        "model.predict(np.zeros((8, 5)), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "normalization_adapted_on_the_same_columns_fits",
        "n = L.Normalization(axis=-1)\nn.adapt(np.random.rand(200, 9).astype('float32'))\n"
        "model = keras.Sequential([n, L.Dense(1)])\nmodel.compile('adam', 'mse')\n"
        "model.fit(np.zeros((8, 9)), np.zeros((8, 1)), verbose=0)\n",
        False,
        False,
        None,
    ),
    # adapt on a layer already built: its statistics have the built sizes (both raise in adapt)
    (
        "normalization_adapt_after_build_on_other_columns",
        "n = L.Normalization(axis=-1)\ninp = keras.Input(shape=(5,))\nout = L.Dense(1)(n(inp))\n"
        "n.adapt(np.random.rand(200, 9).astype('float32'))\n",
        True,
        True,
        "SS103",
    ),
    (
        "normalization_adapt_after_build_on_the_same_columns",
        "n = L.Normalization(axis=-1)\ninp = keras.Input(shape=(5,))\nout = L.Dense(1)(n(inp))\n"
        "n.adapt(np.random.rand(200, 5).astype('float32'))\n",
        False,
        False,
        None,
    ),
    (
        "normalization_adapted_broadcasts_one_column",
        "n = L.Normalization(axis=-1)\nn.adapt(np.random.rand(200, 9).astype('float32'))\n"
        "inp = keras.Input(shape=(1,))\nout = n(inp)\n",
        False,
        False,
        None,
    ),
    # One row (5,) given to predict: Keras 3 refuses one sample without its batch axis. Keras 2
    # lets it reach the layers as 5 samples of one value, (None,): a Dense refuses that rank,
    # an adapted Normalization broadcasts it against its mean (1, 5) (axis=None: (1, 1)) to
    # (1, 5), one sample. Only batches of 1 or 5 values broadcast (tf_keras 2.21).
    (
        "normalization_first_takes_a_row_in_keras_2",
        "n = L.Normalization(axis=-1)\nn.adapt(np.random.rand(50, 5).astype('float32'))\n"
        "model = keras.Sequential([keras.Input(shape=(5,)), n, L.Dense(1)])\n"
        "model.predict(np.random.rand(50, 5)[0], verbose=0)\n",
        True,
        False,
        None,
    ),
    (
        "normalization_of_one_mean_takes_a_row_in_keras_2",
        "n = L.Normalization(axis=None)\nn.adapt(np.random.rand(50, 5).astype('float32'))\n"
        "model = keras.Sequential([keras.Input(shape=(5,)), n, L.Dense(1)])\n"
        "model.predict(np.random.rand(50, 5)[0], verbose=0)\n",
        True,
        False,
        None,
    ),
    (
        "normalization_first_built_on_data_takes_a_row_in_keras_2",
        "n = L.Normalization(axis=-1)\nn.adapt(np.random.rand(50, 5).astype('float32'))\n"
        "model = keras.Sequential([n, L.Dense(1)])\nmodel.predict(np.zeros((2, 5)), verbose=0)\n"
        "model.predict(np.zeros(5), verbose=0)\n",
        True,
        False,
        None,
    ),
    (
        "dense_first_refuses_a_row",
        "model = keras.Sequential([keras.Input(shape=(5,)), L.Dense(4), L.Dense(1)])\n"
        "model.predict(np.random.rand(50, 5)[0], verbose=0)\n",
        True,
        True,
        "SS107",
    ),
    (
        "normalization_first_refuses_7_values",
        "n = L.Normalization(axis=-1)\nn.adapt(np.random.rand(50, 5).astype('float32'))\n"
        "model = keras.Sequential([keras.Input(shape=(5,)), n, L.Dense(1)])\n"
        "model.predict(np.zeros(7), verbose=0)\n",
        True,
        True,
        "SS101",
    ),
    (
        "normalization_first_refuses_a_row_in_batches_of_2",
        "n = L.Normalization(axis=-1)\nn.adapt(np.random.rand(50, 5).astype('float32'))\n"
        "model = keras.Sequential([keras.Input(shape=(5,)), n, L.Dense(1)])\n"
        "model.predict(np.zeros(5), batch_size=2, verbose=0)\n",
        True,
        True,
        "SS107",
    ),
    (
        "normalization_first_takes_batches_of_5_and_1_in_keras_2",
        "n = L.Normalization(axis=-1)\nn.adapt(np.random.rand(50, 5).astype('float32'))\n"
        "model = keras.Sequential([keras.Input(shape=(5,)), n, L.Dense(1)])\nmodel.compile('adam', 'mse')\n"
        "model.fit(np.zeros(6), np.zeros(6), batch_size=5, verbose=0)\n",
        True,
        False,
        None,
    ),
    (
        "normalization_of_one_mean_refuses_a_batch_of_1",
        "n = L.Normalization(axis=None)\nn.adapt(np.random.rand(50, 5).astype('float32'))\n"
        "model = keras.Sequential([keras.Input(shape=(5,)), n, L.Dense(1)])\n"
        "model.predict(np.zeros(6), batch_size=5, verbose=0)\n",
        True,
        True,
        "SS101",
    ),
    # MultiHeadAttention on (batch, features): Keras 3 builds it, Keras 2 raises in its softmax
    (
        "mha_on_rank_2_inputs",
        "inp = keras.Input(shape=(50,))\nout = L.MultiHeadAttention(num_heads=2, key_dim=16)(inp, inp)\n",
        False,
        True,
        None,
    ),
    # ... and Keras 3's fit, evaluate and predict then raise IndexError in its softmax
    (
        "mha_on_rank_2_inputs_fit",
        "inp = keras.Input(shape=(40,))\nout = L.Dense(1)(L.MultiHeadAttention(num_heads=2, key_dim=8)(inp, inp))\n"
        "model = keras.Model(inp, out)\nmodel.compile('adam', 'mse')\nmodel.fit(np.zeros((16, 40)), np.zeros((16, 1)), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "mha_on_rank_2_inputs_predict",
        "inp = keras.Input(shape=(40,))\nout = L.Dense(1)(L.MultiHeadAttention(num_heads=2, key_dim=8)(inp, inp))\n"
        "model = keras.Model(inp, out)\nmodel.predict(np.zeros((16, 40)), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "mha_on_rank_2_inputs_of_two_inputs_evaluate",
        "a = keras.Input(shape=(40,))\nb = keras.Input(shape=(40,))\nout = L.Dense(1)(L.MultiHeadAttention(num_heads=2, key_dim=8)(a, b))\n"
        "model = keras.Model([a, b], out)\nmodel.compile('adam', 'mse')\nmodel.evaluate([np.zeros((16, 40)), np.zeros((16, 40))], np.zeros((16, 1)), verbose=0)\n",
        True,
        True,
        "SS103",
    ),
    (
        "mha_on_rank_2_inputs_then_conv1d",
        "inp = keras.Input(shape=(50,))\nx = L.MultiHeadAttention(num_heads=2, key_dim=16)(inp, inp)\n"
        "x = L.Conv1D(4, 1)(x)\n",
        True,
        True,
        "SS103",
    ),
]

PROGRAM_CASES += MODEL_CASES  # subclassed models, custom layers, loops (tests/cases_models.py)
PROGRAM_CASES += LIST_CASES  # a list of arrays as x of a model of one input (tests/cases_lists.py)

# A pandas Series row given to predict, written `X.iloc[0]` and through a name: Keras takes
# each as 5 samples of one value; the fixes pass it as one sample (the fast tests re-analyse
# the fixed program, the oracle runs it under Keras).
SERIES_ROW_FIXABLE = PROGRAM_HEAD + (
    "import pandas as pd\nX = pd.DataFrame(np.random.rand(50, 5), columns=list('abcde'))\n"
    "model = keras.Sequential([keras.Input(shape=(5,)), L.Dense(4), L.Dense(1)])\n"
    "row = X.iloc[1]\nmodel.predict(X.iloc[0], verbose=0)\nmodel.predict(row, verbose=0)\n"
)

# One input of two gets data of the wrong rank; both quick fixes remove the error (the fast
# tests re-analyse the fixed program, the oracle runs it under Keras).
SEVERAL_INPUTS_FIXABLE = PROGRAM_HEAD + (
    "a = keras.Input(shape=(4,))\nb = keras.Input(shape=(2, 3))\n"
    "h = L.Concatenate()([L.Dense(3)(a), L.Dense(3)(L.Flatten()(b))])\n"
    "model = keras.Model([a, b], L.Dense(2)(h))\nmodel.compile('adam', 'mse')\n"
    "X2 = np.zeros((8, 6))\nmodel.fit([np.zeros((8, 4)), X2], np.zeros((8, 2)), verbose=0)\n"
)
