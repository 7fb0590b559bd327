# Reproduces: https://github.com/keras-team/keras/issues/7136
# Style: Input(shape=(None,)), variable-length, dense-on-undefined-axis, functional
# Intent: the Input is declared with shape=(None,) for variable-length rows and fed straight to
#   a Dense; the Dense cannot create its kernel on an undefined last axis and raises where it is
#   called on the Input (`h = Dense(32)(inp)`).
import numpy as np
from tensorflow.keras.layers import Input, Dense
from tensorflow.keras.models import Model

inp = Input(shape=(None,))
h = Dense(32, activation="relu")(inp)
out = Dense(1)(h)
model = Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(20, 7), np.random.rand(20, 1), epochs=1)
