# Reproduces: https://github.com/tensorflow/tensorflow/issues/28226
# Style: an images dataset and a labels dataset mapped with tf.one_hot, tf.data.Dataset.zip, batch, sparse loss
# Intent: the labels are one-hot (batch, 5) but the loss is sparse_categorical_crossentropy
import numpy as np
import tensorflow as tf

NUM_CATEGORIES = 5
images = np.random.rand(80, 32, 32, 3).astype("float32")
category_label = np.random.randint(0, NUM_CATEGORIES, 80)

images_ds = tf.data.Dataset.from_tensor_slices(images)
labels_ds = tf.data.Dataset.from_tensor_slices(category_label)
labels_ds = labels_ds.map(lambda x: tf.one_hot(x, NUM_CATEGORIES))
ds = tf.data.Dataset.zip((images_ds, labels_ds))
ds = ds.batch(8)

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(8, 3, activation="relu", input_shape=(32, 32, 3)),
    tf.keras.layers.GlobalMaxPooling2D(),
    tf.keras.layers.Dense(NUM_CATEGORIES, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(ds, epochs=1)
