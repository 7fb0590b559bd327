# Reproduces: https://github.com/tensorflow/tensorflow/issues/34815
# Style: layers.Add, two-branches, functional, tabular
# Intent: two branches with 32 and 16 units are summed with layers.Add(); the shapes do not
#   match and the Add raises while the model is being built.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

inp = keras.Input(shape=(20,))
wide = layers.Dense(32, activation="relu")(inp)
deep = layers.Dense(64, activation="relu")(inp)
deep = layers.Dense(16, activation="relu")(deep)
merged = layers.Add()([wide, deep])
out = layers.Dense(1, activation="sigmoid")(merged)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.rand(50, 20), np.random.randint(0, 2, (50, 1)), epochs=1)
