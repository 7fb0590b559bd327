# Reproduces: https://github.com/keras-team/keras/issues/815
# Style: model-chosen-in-if-else, lstm, dense, reshape-for-rnn
# Intent: works (the data is reshaped for the recurrent branch)
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

MODEL_TYPE = "lstm"
timesteps, n_features = 12, 3

X = np.random.rand(200, timesteps * n_features)
y = np.random.rand(200, 1)

if MODEL_TYPE == "lstm":
    X = X.reshape((-1, timesteps, n_features))
    model = keras.Sequential([
        keras.Input(shape=(timesteps, n_features)),
        layers.LSTM(16),
        layers.Dense(1),
    ])
else:
    model = keras.Sequential([
        keras.Input(shape=(timesteps * n_features,)),
        layers.Dense(32, activation="relu"),
        layers.Dense(1),
    ])

model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=32)
