# Reproduces: https://www.drjamesfroggatt.com/python-and-neural-networks/lstm-networks-1d-2d-3d-arrays-explained/
# Style: open/close columns, split_sequences loop, n_features = X.shape[2], Conv1D, predict one window reshaped
# Intent: works
import numpy as np
import pandas as pd
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv1D, MaxPooling1D, Flatten, Dense

prices = pd.read_csv("candles.csv")[["open", "close"]].values


def split_sequences(sequences, n_steps):
    X, y = list(), list()
    for i in range(len(sequences) - n_steps):
        X.append(sequences[i:i + n_steps, :])
        y.append(sequences[i + n_steps, -1])
    return np.array(X), np.array(y)


n_steps = 10
X, y = split_sequences(prices, n_steps)
n_features = X.shape[2]

model = Sequential()
model.add(Conv1D(filters=8, kernel_size=2, activation="relu", input_shape=(n_steps, n_features)))
model.add(MaxPooling1D(pool_size=2))
model.add(Flatten())
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, verbose=0)
x_input = prices[-n_steps:].reshape((1, n_steps, n_features))
print(model.predict(x_input, verbose=0))
