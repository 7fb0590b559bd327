# Reproduces: https://github.com/keras-team/keras/issues/6783
# Style: operators-on-symbolic-tensors, slicing, multiply, add, functional
# Intent: works (slicing and arithmetic operators applied directly to Keras tensors)
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

inp = keras.Input(shape=(6, 4))
first = inp[:, 0, :]                  # (None, 4)
last = inp[:, -1, :]                  # (None, 4)
delta = (last - first) * 0.5          # (None, 4)
x = layers.Flatten()(inp)             # (None, 24)
x = layers.concatenate([x, delta])    # (None, 28)
x = layers.Dense(8, activation="relu")(x)
out = layers.Dense(1)(x) + 1.0
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(40, 6, 4), np.random.rand(40, 1), epochs=1, batch_size=10)
