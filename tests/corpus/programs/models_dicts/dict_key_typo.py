# Reproduces: https://github.com/tensorflow/tensorflow/issues/42443
# Style: dict-inputs, named-inputs, key-typo, fit-with-dict
# Intent: the data dict says "age" where the model's input is named "ages"; model.fit cannot
#   find an array for the input "ages" and raises.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

ages = tf.keras.Input(shape=(1,), name="ages")
income = tf.keras.Input(shape=(1,), name="income")
x = layers.concatenate([ages, income])
x = layers.Dense(8, activation="relu")(x)
out = layers.Dense(1, activation="sigmoid")(x)
model = tf.keras.Model(inputs=[ages, income], outputs=out)
model.compile(optimizer="adam", loss="binary_crossentropy")

data = {"age": np.random.rand(50, 1), "income": np.random.rand(50, 1)}
labels = np.random.randint(0, 2, (50, 1))
model.fit(data, labels, epochs=1)
