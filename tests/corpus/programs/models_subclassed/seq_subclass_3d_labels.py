# Reproduces: https://github.com/keras-team/keras/issues/7749
# Style: subclassed-model, sparse-categorical, flatten-missing, images, fit
# Intent: the subclassed classifier forgets to Flatten, so its softmax output is (None, 8, 8, 4)
#   per pixel, while the labels are one integer per image; model.fit raises in the loss.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


class TinyCNN(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = layers.Conv2D(8, 3, padding="same", activation="relu")
        self.pool = layers.MaxPooling2D()
        self.fc = layers.Dense(4, activation="softmax")

    def call(self, x):
        return self.fc(self.pool(self.conv(x)))


x = np.random.rand(96, 16, 16, 3).astype("float32")
y = np.random.randint(0, 4, size=(96,))
model = TinyCNN()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=1, batch_size=32)
