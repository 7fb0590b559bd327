# Reproduces: https://dataandaifanatic.blogspot.com/2026/02/custom-keras-data-generators-moving.html
# Style: keras.utils.Sequence over a pandas frame (Kaggle digit recognizer), batches of flat pixel rows
# Intent: __getitem__ returns flat (batch, 784) rows to a Conv2D model built for (28, 28, 1)
import math

import numpy as np
import pandas as pd
import tensorflow as tf


class DigitSequence(tf.keras.utils.Sequence):
    def __init__(self, frame, batch_size=32, **kwargs):
        super().__init__(**kwargs)
        self.labels = frame["label"].values
        self.pixels = frame.drop(columns=["label"]).values.astype("float32")
        self.batch_size = batch_size

    def __len__(self):
        return math.ceil(len(self.pixels) / self.batch_size)

    def __getitem__(self, idx):
        lo = idx * self.batch_size
        hi = min(lo + self.batch_size, len(self.pixels))
        return self.pixels[lo:hi] / 255.0, self.labels[lo:hi]


train = pd.read_csv("train.csv")
train_seq = DigitSequence(train)

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(8, 3, activation="relu", input_shape=(28, 28, 1)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_seq, epochs=1)
