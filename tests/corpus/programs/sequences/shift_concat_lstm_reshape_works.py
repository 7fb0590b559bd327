# Reproduces: https://github.com/timothyyu/python-practice
# Style: pandas shift() lags in a comprehension, concat(axis=1), dropna(inplace=True), values slices, reshape(X.shape[0], 1, X.shape[1]), LSTM
# Intent: works
import pandas as pd
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Sequential

n_lags = 3
series = pd.read_csv("series.csv")
df = pd.DataFrame(series.values)
cols = [df.shift(i) for i in range(n_lags, 0, -1)]
cols.append(df)
agg = pd.concat(cols, axis=1)
agg.dropna(inplace=True)

values = agg.values
X, y = values[:, :-1], values[:, -1]
X = X.reshape(X.shape[0], 1, X.shape[1])

model = Sequential()
model.add(LSTM(16, input_shape=(X.shape[1], X.shape[2])))
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
