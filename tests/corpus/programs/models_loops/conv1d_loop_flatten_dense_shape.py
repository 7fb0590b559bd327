# Reproduces: https://github.com/MarzioMonticelli/python-cryptonet/issues/4
# Style: layers-in-for-loop, conv1d, flatten, sequential, input-length-changed
# Intent: the Conv1D stack is built in a loop for windows of 50 steps, then trained on windows
#   of 70 steps; model.fit raises where Flatten meets the Dense that was built for 50-step
#   windows (Keras 3), or at the model input (Keras 2).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

window = 50
model = keras.Sequential()
model.add(keras.Input(shape=(window, 1)))
for filters in (8, 16):
    model.add(layers.Conv1D(filters, 3, activation="relu"))
    model.add(layers.MaxPooling1D(2))
model.add(layers.Flatten())
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mse")

signal = np.random.rand(5000)
new_window = 70
X = np.stack([signal[i:i + new_window] for i in range(0, 4000, 40)])[..., None]
y = np.random.rand(len(X))
model.fit(X, y, epochs=1, batch_size=20)
