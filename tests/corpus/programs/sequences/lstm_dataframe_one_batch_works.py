# Reproduces: https://openillumi.com/en/en-fix-keras-lstm-data-cardinality-ambiguous
# Style: pandas DataFrame of np.random features, .values reshaped to one sequence, y reshaped the same way, return_sequences
# Intent: works
import numpy as np
import pandas as pd
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense, Input

n_rows = 99
n_features = 12
df = pd.DataFrame(np.random.rand(n_rows, n_features), columns=[f"sensor_{i}" for i in range(n_features)])
df["target"] = np.random.rand(n_rows)

x = df.drop(columns=["target"]).values
y = df["target"].values

# one long sequence: one prediction per time step
x_lstm = x.reshape(1, x.shape[0], x.shape[1])
y_lstm = y.reshape(1, -1, 1)
print("x:", x_lstm.shape, "y:", y_lstm.shape)

model = Sequential()
model.add(Input(shape=(x_lstm.shape[1], x_lstm.shape[2])))
model.add(LSTM(16, return_sequences=True))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(x_lstm, y_lstm, epochs=1, verbose=0)
print(model.predict(x_lstm, verbose=0).shape)
