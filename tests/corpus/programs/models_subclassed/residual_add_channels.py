# Reproduces: https://github.com/keras-team/keras/issues/6783
# Style: subclassed-model, residual-block, add, conv2d, fit
# Intent: the residual block adds its input (3 channels) to a Conv2D output with 16 channels;
#   the Add inside call() fails when the model first sees data in model.fit.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers


class ResBlock(tf.keras.Model):
    def __init__(self, filters):
        super().__init__()
        self.conv_a = layers.Conv2D(filters, 3, padding="same", activation="relu")
        self.conv_b = layers.Conv2D(filters, 3, padding="same")
        self.add = layers.Add()
        self.pool = layers.GlobalAveragePooling2D()
        self.fc = layers.Dense(10, activation="softmax")

    def call(self, x):
        shortcut = x
        h = self.conv_a(x)
        h = self.conv_b(h)
        h = self.add([h, shortcut])
        return self.fc(self.pool(h))


images = np.random.rand(64, 32, 32, 3).astype("float32")
labels = np.random.randint(0, 10, size=(64,))
net = ResBlock(16)
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
net.fit(images, labels, epochs=1, batch_size=16)
