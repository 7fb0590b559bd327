# Reproduces: https://github.com/keras-team/keras/issues/7339
# Style: subclassed-model, to_categorical, softmax-head, fit
# Intent: labels are one-hot encoded with to_categorical(y, 5) but the model's softmax head has
#   3 units; model.fit raises (target shape (None, 5) vs output (None, 3)).
import numpy as np
import tensorflow as tf
from tensorflow.keras.utils import to_categorical

NUM_CLASSES = 3


class IrisNet(tf.keras.Model):
    def __init__(self, num_classes):
        super().__init__()
        self.fc1 = tf.keras.layers.Dense(10, activation="relu")
        self.fc2 = tf.keras.layers.Dense(10, activation="relu")
        self.classifier = tf.keras.layers.Dense(num_classes, activation="softmax")

    def call(self, x):
        return self.classifier(self.fc2(self.fc1(x)))


X = np.random.rand(150, 4)
y = np.random.randint(0, 3, size=150)
y_onehot = to_categorical(y, 5)

model = IrisNet(NUM_CLASSES)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y_onehot, epochs=2, batch_size=10)
