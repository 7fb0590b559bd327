# Reproduces: https://github.com/tensorflow/tensorflow/issues/44250
# Style: tf.data pipelines with shuffle/repeat/batch/prefetch for training, validation set not batched
# Intent: the validation dataset is never batched; Conv2D gets (12, 24, 3) samples as a batch
import numpy as np
import tensorflow as tf
from tensorflow.keras import Sequential, layers, optimizers

train_x = np.random.uniform(0, 10, (120, 12, 24, 3))
train_y = np.random.randint(0, 2, 120)
val_x = np.random.uniform(0, 10, (40, 12, 24, 3))
val_y = np.random.randint(0, 2, 40)

model = Sequential([
    layers.Conv2D(8, 3, activation="relu", padding="same", input_shape=(12, 24, 3)),
    layers.MaxPooling2D(),
    layers.GlobalAveragePooling2D(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="mse", optimizer=optimizers.SGD(1e-3), metrics=["accuracy"])

AUTOTUNE = tf.data.experimental.AUTOTUNE
train_ds = tf.data.Dataset.from_tensor_slices((train_x, train_y))
train_ds = train_ds.shuffle(120)
train_ds = train_ds.repeat()
train_ds = train_ds.batch(32)
train_ds = train_ds.prefetch(AUTOTUNE)

val_ds = tf.data.Dataset.from_tensor_slices((val_x, val_y)).prefetch(AUTOTUNE)

model.fit(train_ds, validation_data=val_ds, epochs=1, steps_per_epoch=3)
