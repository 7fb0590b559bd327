# Reproduces: https://www.drjamesfroggatt.com/python-and-neural-networks/lstm-networks-1d-2d-3d-arrays-explained/
# Style: open/close price columns, split_sequences loop over a 2-D array, Conv1D input_shape=(n_steps, 1)
# Intent: windows have 2 features (open, close) but the model says 1
import numpy as np
import pandas as pd
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv1D, MaxPooling1D, Flatten, Dense

prices = pd.read_csv("candles.csv")[["open", "close"]].values


def split_sequences(sequences, n_steps):
    X, y = list(), list()
    for i in range(len(sequences)):
        end_ix = i + n_steps
        if end_ix > len(sequences) - 1:
            break
        seq_x, seq_y = sequences[i:end_ix, :], sequences[end_ix, -1]
        X.append(seq_x)
        y.append(seq_y)
    return np.array(X), np.array(y)


n_steps = 10
X, y = split_sequences(prices, n_steps)
print(X.shape, y.shape)

model = Sequential()
model.add(Conv1D(filters=8, kernel_size=2, activation="relu", input_shape=(n_steps, 1)))
model.add(MaxPooling1D(pool_size=2))
model.add(Flatten())
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, verbose=0)
