# Reproduces: https://github.com/tensorflow/tensorflow/issues/44250
# Style: two tf.data sources joined with concatenate, a lambda map normalising, validation_data as a dataset that is not batched
# Intent: the validation dataset is never batched: Conv2D gets one (12, 24, 3) sample as a batch
import numpy as np
import tensorflow as tf

part_a = (np.random.uniform(0, 10, (60, 12, 24, 3)), np.random.randint(0, 2, 60))
part_b = (np.random.uniform(0, 10, (60, 12, 24, 3)), np.random.randint(0, 2, 60))
val = (np.random.uniform(0, 10, (20, 12, 24, 3)), np.random.randint(0, 2, 20))

train_ds = tf.data.Dataset.from_tensor_slices(part_a).concatenate(tf.data.Dataset.from_tensor_slices(part_b))
train_ds = train_ds.map(lambda x, y: (x / 10.0, y)).shuffle(120).batch(32)
val_ds = tf.data.Dataset.from_tensor_slices(val).map(lambda x, y: (x / 10.0, y))

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(8, 3, activation="relu", padding="same", input_shape=(12, 24, 3)),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(train_ds, validation_data=val_ds, epochs=1)
