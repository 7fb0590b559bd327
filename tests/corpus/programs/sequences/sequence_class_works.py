# Reproduces: https://www.tensorflow.org/api_docs/python/tf/keras/utils/Sequence?authuser=1
# Style: keras.utils.Sequence subclass with __len__/__getitem__/on_epoch_end over a pandas frame, reshape to 28x28
# Intent: works
import math

import numpy as np
import pandas as pd
import tensorflow as tf


class CustomDataGenerator(tf.keras.utils.Sequence):
    def __init__(self, data, batch_size=32, shuffle=True, **kwargs):
        super().__init__(**kwargs)
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.labels = tf.keras.utils.to_categorical(data["label"].values, 10)
        self.images = data.drop(["label"], axis=1).values.reshape(-1, 28, 28, 1)
        self.indices = np.arange(len(self.images))
        self.on_epoch_end()

    def __len__(self):
        return math.ceil(len(self.images) / self.batch_size)

    def __getitem__(self, index):
        batch = self.indices[index * self.batch_size:(index + 1) * self.batch_size]
        return self.images[batch] / 255.0, self.labels[batch]

    def on_epoch_end(self):
        if self.shuffle:
            np.random.shuffle(self.indices)


train = pd.read_csv("train.csv")
gen = CustomDataGenerator(train, batch_size=32)

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(8, 3, activation="relu", input_shape=(28, 28, 1)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(gen, epochs=1)
