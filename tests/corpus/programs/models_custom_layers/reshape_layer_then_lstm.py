# Reproduces: https://github.com/keras-team/keras/issues/3586
# Style: custom-layer, tf.reshape, lstm, sequential
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow import keras


class ToSequence(keras.layers.Layer):
    """Turn 64 flat sensor readings into 8 time steps of 8 channels."""

    def __init__(self, steps, channels, **kwargs):
        super().__init__(**kwargs)
        self.steps = steps
        self.channels = channels

    def call(self, x):
        return tf.reshape(x, (-1, self.steps, self.channels))


model = keras.Sequential([
    keras.Input(shape=(64,)),
    ToSequence(8, 8),
    keras.layers.LSTM(16),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
X = np.random.rand(120, 64).astype("float32")
y = np.random.randint(0, 2, size=(120, 1))
model.fit(X, y, epochs=1, batch_size=32)
