# Reproduces: https://github.com/shreyans29/thesemicolon/issues/5
# Style: lstm, input_shape=x_train.shape[1:], 2d-features, sequential
# Intent: the (N, 15) feature matrix gives input_shape=(15,), and LSTM needs (timesteps,
#   features); model.add(LSTM(...)) raises (expected ndim=3, found ndim=2).
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense

x_train = np.random.rand(100, 15)
y_train = np.random.rand(100, 1)
model = Sequential()
model.add(LSTM(300, input_shape=x_train.shape[1:], return_sequences=True, activation="sigmoid"))
model.add(LSTM(300, return_sequences=False, activation="sigmoid"))
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(x_train, y_train, epochs=1)
