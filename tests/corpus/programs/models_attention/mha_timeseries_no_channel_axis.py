# Reproduces: https://keras.io/examples/timeseries/timeseries_classification_transformer/
# Style: multiheadattention, functional, encoder-in-function, X.shape[1:], missing-channel-axis
# Intent: the readings are (N, 50) and the model is built from x_train.shape[1:] = (50,) without
#   the reshape to (N, 50, 1) that the example does; build_model(...) raises while the model is
#   being built, inside transformer_encoder (Keras 3: at the Conv1D, which needs ndim=3; Keras 2:
#   already inside MultiHeadAttention).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def transformer_encoder(inputs, head_size, num_heads, ff_dim):
    x = layers.MultiHeadAttention(key_dim=head_size, num_heads=num_heads)(inputs, inputs)
    x = layers.LayerNormalization(epsilon=1e-6)(x)
    res = x + inputs
    x = layers.Conv1D(filters=ff_dim, kernel_size=1, activation="relu")(res)
    x = layers.Conv1D(filters=inputs.shape[-1], kernel_size=1)(x)
    return x + res


def build_model(input_shape, n_classes):
    inputs = keras.Input(shape=input_shape)
    x = transformer_encoder(inputs, 16, 2, 4)
    x = layers.GlobalAveragePooling1D()(x)
    outputs = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


x_train = np.random.rand(60, 50)
y_train = np.random.randint(0, 2, 60)
model = build_model(x_train.shape[1:], n_classes=2)
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(x_train, y_train, epochs=1, batch_size=16)
