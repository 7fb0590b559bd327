# Reproduces: https://github.com/keras-team/keras/issues/3009
# Style: loss-as-function-object, keras.losses.categorical_crossentropy, integer-labels
# Intent: the loss is given as the function object keras.losses.categorical_crossentropy
#   while the labels are class indices (N,); model.fit raises, exactly as with the string
#   'categorical_crossentropy'.
import numpy as np
import tensorflow as tf
from tensorflow import keras

x = np.random.rand(90, 2)
y = np.random.randint(0, 10, 90)
model = keras.Sequential([
    keras.layers.Dense(32, input_dim=2, activation="relu"),
    keras.layers.Dense(10, activation="softmax"),
])
model.compile(loss=keras.losses.categorical_crossentropy, optimizer="sgd")
model.fit(x, y, epochs=1)
