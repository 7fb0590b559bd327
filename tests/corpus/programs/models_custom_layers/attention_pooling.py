# Reproduces: https://github.com/philipperemy/keras-attention/issues/47
# Style: custom-layer, attention, reduce_sum, lstm, functional
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, Model


class AttentionPooling(layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(name="att_w", shape=(input_shape[-1], 1),
                                 initializer="glorot_uniform")
        super().build(input_shape)

    def call(self, x):
        scores = tf.nn.softmax(tf.matmul(x, self.w), axis=1)   # (batch, T, 1)
        return tf.reduce_sum(x * scores, axis=1)                # (batch, features)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], input_shape[-1])


features = layers.Input(shape=(16, 12), name="features")
h = layers.LSTM(32, return_sequences=True)(features)
pooled = AttentionPooling()(h)
out = layers.Dense(3, activation="softmax")(pooled)
model = Model(features, out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(64, 16, 12), np.random.randint(0, 3, size=(64,)), epochs=1, batch_size=16)
