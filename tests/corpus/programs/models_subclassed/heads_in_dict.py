# Reproduces: https://github.com/tensorflow/tensorflow/issues/25036
# Style: subclassed-model, layers-in-dict, concatenate, fit
# Intent: works
import numpy as np
import tensorflow as tf


class MultiHead(tf.keras.Model):
    def __init__(self):
        super(MultiHead, self).__init__()
        self.dense1 = tf.keras.layers.Dense(16, activation=tf.nn.relu)
        self.heads = {
            "price": tf.keras.layers.Dense(1),
            "volume": tf.keras.layers.Dense(1),
        }
        self.merge = tf.keras.layers.Concatenate()

    def call(self, inputs):
        h = self.dense1(inputs)
        return self.merge([self.heads["price"](h), self.heads["volume"](h)])


x = np.random.random((120, 6)).astype(np.float32)
y = np.random.random((120, 2)).astype(np.float32)
model = MultiHead()
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y, epochs=1, batch_size=20)
model.summary()
