# Reproduces: https://thebook.io/080315/0164
# Style: custom-layer, simple-dense, sequential, mnist, flatten
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow import keras


class SimpleDense(keras.layers.Layer):
    def __init__(self, units, activation=None):
        super().__init__()
        self.units = units
        self.activation = activation

    def build(self, input_shape):
        input_dim = input_shape[-1]
        self.W = self.add_weight(shape=(input_dim, self.units), initializer="random_normal")
        self.b = self.add_weight(shape=(self.units,), initializer="zeros")

    def call(self, inputs):
        y = tf.matmul(inputs, self.W) + self.b
        if self.activation is not None:
            y = self.activation(y)
        return y


(train_images, train_labels), _ = keras.datasets.mnist.load_data()
train_images = train_images[:300].reshape((300, 28 * 28)).astype("float32") / 255
train_labels = train_labels[:300]

model = keras.Sequential([
    SimpleDense(32, activation=tf.nn.relu),
    SimpleDense(64, activation=tf.nn.relu),
    SimpleDense(10, activation=tf.nn.softmax),
])
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_images, train_labels, epochs=1, batch_size=64)
