# Reproduces: https://keras.io/guides/functional_api/
# Style: helper-function-returns-tensor, functional, residual, tabular
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def dense_block(x, units, dropout=0.1):
    h = layers.Dense(units, activation="relu")(x)
    h = layers.Dropout(dropout)(h)
    h = layers.Dense(units)(h)
    if x.shape[-1] == units:
        h = layers.Add()([x, h])
    return layers.Activation("relu")(h)


def build(n_features, width=32, depth=3):
    inputs = keras.Input(shape=(n_features,))
    x = layers.Dense(width)(inputs)
    for _ in range(depth):
        x = dense_block(x, width)
    outputs = layers.Dense(1)(x)
    return keras.Model(inputs, outputs)


X = np.random.rand(256, 11)
y = np.random.rand(256)
model = build(X.shape[1])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=2, batch_size=64, verbose=0)
print(model.evaluate(X, y, verbose=0))
