# Reproduces: https://github.com/shreyans29/thesemicolon/issues/5
# Style: subclassed-model, lstm-in-call, pandas-like-2d-features, fit
# Intent: 2-D feature rows (N, 15) go straight into an LSTM inside call(); model.fit raises
#   (LSTM expects ndim=3, found ndim=2). The fix is a timesteps axis: x.reshape(N, 15, 1).
import numpy as np
import tensorflow as tf


class Forecaster(tf.keras.Model):
    def __init__(self, units=32):
        super().__init__()
        self.lstm = tf.keras.layers.LSTM(units)
        self.dense = tf.keras.layers.Dense(1)

    def call(self, inputs, training=False):
        h = self.lstm(inputs)
        return self.dense(h)


series = np.random.rand(400).astype("float32")
window = 15
x_train = np.array([series[i:i + window] for i in range(len(series) - window)])
y_train = series[window:]

model = Forecaster()
model.compile(optimizer="adam", loss="mae")
model.fit(x_train, y_train, epochs=1, batch_size=32)
