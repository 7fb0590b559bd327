# Reproduces: https://codemia.io/knowledge-hub/path/keras_predict_getting_incorrect_shape
# Style: lstm, timeseries, predict, single-sample, missing-batch-axis
# Intent: works (without an error, though not as meant: one window of shape (10, 1) is passed to
#   predict without a batch axis; Keras adds a trailing axis and predicts 10 one-step sequences)
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

n_steps = 10
model = keras.Sequential([keras.Input(shape=(n_steps, 1)), layers.LSTM(16), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
X = np.random.rand(80, n_steps, 1)
y = np.random.rand(80, 1)
model.fit(X, y, epochs=1, verbose=0)

last_window = np.random.rand(n_steps, 1)
next_value = model.predict(last_window)
print(next_value)
