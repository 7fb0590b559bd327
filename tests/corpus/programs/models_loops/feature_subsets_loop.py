# Reproduces: https://github.com/keras-team/keras/issues/9286
# Style: loop-over-configs, model-built-in-loop, feature-selection, input_dim
# Intent: the loop builds one model per feature count but always trains on the full 8-column
#   matrix; the first model (input_dim=4) fails at model.fit inside the loop.
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import Dense

X = np.random.rand(120, 8)
y = np.random.randint(0, 2, 120)

for n_features in [4, 8]:
    model = keras.Sequential()
    model.add(Dense(16, input_dim=n_features, activation="relu"))
    model.add(Dense(1, activation="sigmoid"))
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    model.fit(X, y, epochs=1, batch_size=10, verbose=0)
    print(n_features, model.evaluate(X, y, verbose=0))
