# Reproduces: https://machinelearningmastery.com/how-to-develop-multilayer-perceptron-models-for-time-series-forecasting/
# Style: models-in-function, loop-over-models, dict-of-builders, time-series-window
# Intent: works: the CNN is given the flat (N, 8) windows meant for the MLP, and Keras adds the
#   missing trailing axis of size 1 itself (model input (None, 8, 1)).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

n_steps = 8
series = np.arange(300, dtype="float32") / 300.0
X = np.array([series[i:i + n_steps] for i in range(len(series) - n_steps)])
y = series[n_steps:]


def build_mlp(n_steps):
    m = keras.Sequential([keras.Input(shape=(n_steps,)),
                          layers.Dense(32, activation="relu"), layers.Dense(1)])
    m.compile(optimizer="adam", loss="mse")
    return m


def build_cnn(n_steps):
    m = keras.Sequential([keras.Input(shape=(n_steps, 1)),
                          layers.Conv1D(16, 2, activation="relu"),
                          layers.GlobalMaxPooling1D(), layers.Dense(1)])
    m.compile(optimizer="adam", loss="mse")
    return m


builders = {"mlp": build_mlp, "cnn": build_cnn}
scores = {}
for name, builder in builders.items():
    model = builder(n_steps)
    model.fit(X, y, epochs=1, batch_size=32, verbose=0)
    scores[name] = model.evaluate(X, y, verbose=0)
print(scores)
