# Reproduces: https://github.com/tensorflow/tensorflow/issues/27063
# Style: subclassed-model, model.build, summary, fit
# Intent: the model is built with model.build((None, 16)) for the summary, then trained on 12
#   features. Keras 2: model.fit raises at the first Dense (built for a last axis of 16).
#   Keras 3 (measured, 3.15): runs without an error.
import numpy as np
import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, n_classes):
        super().__init__()
        self.hidden = tf.keras.layers.Dense(64, activation="relu")
        self.drop = tf.keras.layers.Dropout(0.2)
        self.out = tf.keras.layers.Dense(n_classes, activation="softmax")

    def call(self, x, training=None):
        x = self.hidden(x)
        x = self.drop(x, training=training)
        return self.out(x)


model = Classifier(3)
model.build((None, 16))
model.summary()

X = np.random.rand(150, 12)
y = np.random.randint(0, 3, size=(150,))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=2, batch_size=16)
