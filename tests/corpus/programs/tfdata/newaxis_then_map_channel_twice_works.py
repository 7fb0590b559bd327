# Reproduces: https://github.com/ageron/handson-ml2/issues/176
# Style: X_train[..., np.newaxis] into from_tensor_slices, a map that adds the channel again, repeat().batch(), steps_per_epoch
# Intent: works: the channel axis is added twice, (batch, 28, 28, 1, 1), and Keras drops the extra trailing axis of size 1
import numpy as np
import tensorflow as tf
from tensorflow import keras

(X_train, y_train), _ = keras.datasets.mnist.load_data()
X_train, y_train = X_train[:256] / 255.0, y_train[:256]
batch_size = 32


def add_channel(image, label):
    return tf.expand_dims(image, axis=-1), label


dataset = tf.data.Dataset.from_tensor_slices((X_train[..., np.newaxis], y_train))
dataset = dataset.map(add_channel).repeat().batch(batch_size)

model = keras.models.Sequential([
    keras.layers.Conv2D(16, 3, activation="relu", input_shape=[28, 28, 1]),
    keras.layers.MaxPooling2D(2),
    keras.layers.Flatten(),
    keras.layers.Dense(10, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="nadam", metrics=["accuracy"])
model.fit(dataset, steps_per_epoch=len(X_train) // batch_size, epochs=1)
