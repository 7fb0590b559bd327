# Reproduces: https://github.com/tensorflow/tensorflow/issues/20698
# Style: pandas DataFrame, from_tensor_slices((dict(df), labels)), named Inputs, concatenate
# Intent: works
import numpy as np
import pandas as pd
import tensorflow as tf

df = pd.DataFrame({
    "age": np.random.randint(18, 80, 100).astype("float32"),
    "fare": np.random.rand(100).astype("float32") * 100,
    "survived": np.random.randint(0, 2, 100),
})
labels = df.pop("survived")

ds = tf.data.Dataset.from_tensor_slices((dict(df), labels)).shuffle(100).batch(16)

inputs = {name: tf.keras.Input(shape=(1,), name=name) for name in ["age", "fare"]}
x = tf.keras.layers.Concatenate()(list(inputs.values()))
x = tf.keras.layers.Dense(8, activation="relu")(x)
output = tf.keras.layers.Dense(1, activation="sigmoid")(x)
model = tf.keras.Model(inputs=inputs, outputs=output)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(ds, epochs=1)
