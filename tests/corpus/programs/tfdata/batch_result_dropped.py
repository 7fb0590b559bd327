# Reproduces: https://github.com/tensorflow/tensorflow/issues/22862
# Style: tf.data from_tensor_slices((data, labels)), dataset.batch(10) whose result is dropped, repeat
# Intent: calls dataset.batch(10) without assigning it, so fit sees unbatched (32,) samples
import numpy as np
import tensorflow as tf
import tensorflow.keras as keras

data = np.random.random((200, 32))
labels = np.random.random((200, 10))
dataset = tf.data.Dataset.from_tensor_slices((data, labels))
print(dataset)
dataset.batch(10)
dataset = dataset.repeat()

inputs = keras.Input(shape=(32,))
x = keras.layers.Dense(16, activation="relu")(inputs)
predictions = keras.layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=predictions)
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(dataset, epochs=1, steps_per_epoch=5)
