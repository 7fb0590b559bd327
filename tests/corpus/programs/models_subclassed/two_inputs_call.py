# Reproduces: https://github.com/lyhue1991/eat_tensorflow2_in_30_days/issues/79
# Style: subclassed-model, multi-input, tuple-unpack-in-call, fit
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers


class TwoTower(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.user_tower = layers.Dense(16, activation="relu")
        self.item_tower = layers.Dense(16, activation="relu")
        self.concat = layers.Concatenate()
        self.out = layers.Dense(1, activation="sigmoid")

    def call(self, inputs):
        user, item = inputs
        u = self.user_tower(user)
        i = self.item_tower(item)
        return self.out(self.concat([u, i]))


users = np.random.rand(200, 8)
items = np.random.rand(200, 5)
clicked = np.random.randint(0, 2, size=(200, 1))

model = TwoTower()
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit([users, items], clicked, epochs=2, batch_size=32)
