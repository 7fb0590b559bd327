# Reproduces: https://github.com/keras-team/keras/issues/10257
# Style: tf.split-on-keras-tensor, no-lambda, two-heads, functional
# Intent: tf.split is called on a Dense output directly, not inside a Lambda; Keras 2 wraps it in
#   a layer and trains both heads, Keras 3 raises on the tf.split line.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inp = keras.Input(shape=(12,))
hidden = layers.Dense(16, activation="relu")(inp)
left, right = tf.split(hidden, num_or_size_splits=2, axis=1)
out_a = layers.Dense(1, name="a")(left)
out_b = layers.Dense(1, name="b")(right)
model = keras.Model(inp, [out_a, out_b])
model.compile(optimizer="adam", loss="mse")

X = np.random.rand(100, 12)
model.fit(X, [np.random.rand(100, 1), np.random.rand(100, 1)], epochs=1, batch_size=20)
