# Reproduces: https://github.com/tensorflow/tensorflow/issues/34114
# Style: dict-inputs, named-inputs, concatenate, fit-with-dict
# Intent: works
import numpy as np
import tensorflow as tf

a = tf.keras.Input(shape=(10,), name="a")
b = tf.keras.Input(shape=(3,), name="b")
x = tf.keras.layers.Concatenate()([a, b])
x = tf.keras.layers.Dense(16, activation="relu")(x)
out = tf.keras.layers.Dense(1, name="out")(x)
model = tf.keras.Model(inputs=[a, b], outputs=out)
model.compile(optimizer="adam", loss="mse")
model.fit({"a": np.random.rand(64, 10), "b": np.random.rand(64, 3)}, np.random.rand(64, 1),
          epochs=1, batch_size=16)
