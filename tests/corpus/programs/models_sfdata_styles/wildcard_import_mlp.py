# Reproduces: https://github.com/lsdefine/attention-is-all-you-need-keras/issues/26
# Style: wildcard-import, from-tensorflow.keras.layers-import-*, sequential, tabular
# Intent: works
import numpy as np
from tensorflow.keras.models import *
from tensorflow.keras.layers import *

X = np.random.rand(100, 8)
y = np.random.randint(0, 2, 100)
model = Sequential()
model.add(Dense(12, input_dim=8, activation="relu"))
model.add(Dense(8, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=2, batch_size=10)
