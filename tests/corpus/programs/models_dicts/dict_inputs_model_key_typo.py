# Reproduces: https://github.com/keras-team/keras/issues/20136
# Style: dict-inputs, model-inputs-dict, data-dict, key-typo
# Intent: the model's inputs are the dict {"before": ..., "after": ...} but the data dict says
#   "befor"; model.fit raises (Missing data for input "before").
import numpy as np
from tensorflow import keras

x = keras.Input(shape=(20,))
x2 = keras.Input(shape=(5,))
merged = keras.layers.Concatenate()([x, keras.layers.Dense(20)(x2)])
out = keras.layers.Dense(1)(merged)
model = keras.Model(inputs={"before": x, "after": x2}, outputs=out)
model.compile(loss="mse", optimizer="adam")

x_train = np.random.rand(100, 20)
y_train = np.random.rand(100, 5)
target = np.random.rand(100, 1)
model.fit({"befor": x_train, "after": y_train}, target, epochs=1, batch_size=32, verbose=0)
