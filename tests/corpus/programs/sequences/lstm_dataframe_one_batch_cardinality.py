# Reproduces: https://openillumi.com/en/en-fix-keras-lstm-data-cardinality-ambiguous
# Style: pandas DataFrame of np.random features, .values reshaped to one sequence (1, rows, features), y left per row
# Intent: X becomes a single sample (1, 99, 12) while y keeps 99 rows: Data cardinality is ambiguous
import numpy as np
import pandas as pd
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense, Input

n_rows = 99
n_features = 12
df = pd.DataFrame(np.random.rand(n_rows, n_features), columns=[f"sensor_{i}" for i in range(n_features)])
df["target"] = np.random.rand(n_rows)

x = df.drop(columns=["target"]).values
y = df["target"].values.reshape(-1, 1)

# LSTM wants 3D: (samples, timesteps, features)
x_lstm = x.reshape(1, x.shape[0], x.shape[1])
print("x:", x_lstm.shape, "y:", y.shape)

model = Sequential()
model.add(Input(shape=(x_lstm.shape[1], x_lstm.shape[2])))
model.add(LSTM(16))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(x_lstm, y, epochs=1, verbose=0)
