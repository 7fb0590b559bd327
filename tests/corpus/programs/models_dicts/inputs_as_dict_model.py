# Reproduces: https://github.com/keras-team/keras-core/pull/449
# Style: dict-inputs, keras.Model(inputs=dict), named-inputs, fit-with-dict, tabular
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow import keras

x1 = keras.Input(shape=(10,), name="x1")
x2 = keras.Input(shape=(4,), name="x2")
h = keras.layers.concatenate([keras.layers.Dense(8)(x1), keras.layers.Dense(8)(x2)])
y = keras.layers.Dense(1)(h)
model = keras.Model(inputs={"x1": x1, "x2": x2}, outputs=y)
model.compile(optimizer="adam", loss="mse")
model.fit({"x1": np.random.rand(60, 10), "x2": np.random.rand(60, 4)}, np.random.rand(60, 1),
          epochs=1, batch_size=20)
print(model.predict({"x1": np.random.rand(2, 10), "x2": np.random.rand(2, 4)}).shape)
