# Reproduces: https://thebook.io/080315/0164
# Style: custom-layer, simple-dense, sequential, mnist, flatten-missing
# Intent: the MNIST images are not reshaped to 784 features, so the custom dense layers act on
#   the last axis of (N, 28, 28) and the model outputs (None, 28, 10); model.fit raises in the
#   sparse categorical loss against one label per image (Keras 3: output rank must be target
#   rank + 1; Keras 2: logits and labels must have the same first dimension).
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
train_images = train_images[:300].astype("float32") / 255
train_labels = train_labels[:300]

model = keras.Sequential([
    SimpleDense(32, activation=tf.nn.relu),
    SimpleDense(10, activation=tf.nn.softmax),
])
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_images, train_labels, epochs=1, batch_size=64)
