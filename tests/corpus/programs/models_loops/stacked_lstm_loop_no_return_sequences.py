# Reproduces: https://github.com/keras-team/keras/issues/7403
# Style: model.add-in-loop, stacked-lstm, range-loop, sequential
# Intent: every LSTM added in the loop keeps the default return_sequences=False, so the second
#   LSTM receives (None, 32); model.add(LSTM(...)) raises on the second iteration
#   (expected ndim=3, found ndim=2).
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense, Dropout

timesteps, n_features = 20, 3
n_layers = 3

model = Sequential()
model.add(LSTM(32, input_shape=(timesteps, n_features), return_sequences=True))
for i in range(n_layers):
    model.add(LSTM(32))
    model.add(Dropout(0.2))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(64, timesteps, n_features), np.random.rand(64, 1), epochs=1)
