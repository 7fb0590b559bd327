# Reproduces: https://github.com/keras-team/keras/issues/1881
# Style: model-chosen-in-if-else, lstm, input_shape-from-data
# Intent: the recurrent branch is chosen, but the flat (N, 36) feature rows are never reshaped;
#   LSTM(input_shape=(36,)) raises when it is added to the Sequential model (expected ndim=3).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

use_rnn = True
X = np.random.rand(200, 36)
y = np.random.rand(200, 1)

if use_rnn:
    model = keras.Sequential()
    model.add(layers.LSTM(16, input_shape=X.shape[1:]))
    model.add(layers.Dense(1))
else:
    model = keras.Sequential()
    model.add(layers.Dense(32, activation="relu", input_shape=X.shape[1:]))
    model.add(layers.Dense(1))

model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=32)
