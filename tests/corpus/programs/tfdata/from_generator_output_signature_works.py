# Reproduces: https://github.com/tensorflow/tensorflow/issues/20698
# Style: tf.data.Dataset.from_generator with output_signature of TensorSpecs, batch, functional model
# Intent: works
import numpy as np
import tensorflow as tf

features = np.random.rand(80, 6).astype("float32")
targets = np.random.randint(0, 2, 80).astype("float32")


def gen():
    for i in range(len(features)):
        yield features[i], targets[i]


ds = tf.data.Dataset.from_generator(
    gen,
    output_signature=(
        tf.TensorSpec(shape=(6,), dtype=tf.float32),
        tf.TensorSpec(shape=(), dtype=tf.float32),
    ),
).batch(8)

inp = tf.keras.Input(shape=(6,))
out = tf.keras.layers.Dense(1, activation="sigmoid")(tf.keras.layers.Dense(4, activation="relu")(inp))
model = tf.keras.Model(inp, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(ds, epochs=1)
