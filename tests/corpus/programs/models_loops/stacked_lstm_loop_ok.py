# Reproduces: https://github.com/keras-team/keras/issues/7403
# Style: model.add-in-loop, stacked-lstm, return_sequences-condition, sequential
# Intent: works
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense, Dropout, Input

timesteps, n_features = 20, 3
units = [64, 32, 16]

model = Sequential()
model.add(Input(shape=(timesteps, n_features)))
for i, u in enumerate(units):
    model.add(LSTM(u, return_sequences=(i < len(units) - 1)))
    model.add(Dropout(0.2))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(64, timesteps, n_features), np.random.rand(64, 1), epochs=1, batch_size=16)
