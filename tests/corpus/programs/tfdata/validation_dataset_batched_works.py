# Reproduces: https://github.com/tensorflow/tensorflow/issues/44250
# Style: tf.data pipelines for training and validation, both batched, steps_per_epoch
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow.keras import Sequential, layers

train_x = np.random.uniform(0, 10, (120, 12, 24, 3))
train_y = np.random.randint(0, 2, 120)
val_x = np.random.uniform(0, 10, (40, 12, 24, 3))
val_y = np.random.randint(0, 2, 40)

model = Sequential([
    layers.Conv2D(8, 3, activation="relu", padding="same", input_shape=(12, 24, 3)),
    layers.GlobalAveragePooling2D(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="sgd", metrics=["accuracy"])

AUTOTUNE = tf.data.AUTOTUNE
train_ds = tf.data.Dataset.from_tensor_slices((train_x, train_y)).shuffle(120).repeat().batch(32).prefetch(AUTOTUNE)
val_ds = tf.data.Dataset.from_tensor_slices((val_x, val_y)).batch(32).prefetch(AUTOTUNE)
model.fit(train_ds, validation_data=val_ds, epochs=1, steps_per_epoch=3)
