# Reproduces: https://github.com/tensorflow/tensorflow/issues/22862
# Style: tf.data from_tensor_slices, chained shuffle/batch/repeat, functional model, steps_per_epoch
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow import keras

data = np.random.random((200, 32)).astype("float32")
labels = np.random.random((200, 10)).astype("float32")
dataset = tf.data.Dataset.from_tensor_slices((data, labels))
dataset = dataset.shuffle(200).batch(10).repeat()

inputs = keras.Input(shape=(32,))
x = keras.layers.Dense(16, activation="relu")(inputs)
predictions = keras.layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=predictions)
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(dataset, epochs=2, steps_per_epoch=5)
