# Reproduces: https://github.com/keras-team/keras/issues/7136
# Style: model-in-function, input-shape-parameter, X.shape-mistake, fit
# Intent: the whole array shape X_train.shape (samples included) is passed as the input shape,
#   so the model expects rank-3 data; model.fit on the (N, 20) array raises.
import numpy as np
from tensorflow import keras


def get_model(input_shape, num_outputs=1):
    model = keras.Sequential()
    model.add(keras.layers.Input(shape=input_shape))
    model.add(keras.layers.Dense(32, activation="relu"))
    model.add(keras.layers.Dense(num_outputs))
    model.compile(loss="msle", optimizer="rmsprop")
    return model


X_train = np.random.rand(180, 20)
Y_train = np.random.rand(180, 1)
model = get_model(X_train.shape)
model.fit(X_train, Y_train, epochs=1, batch_size=30)
