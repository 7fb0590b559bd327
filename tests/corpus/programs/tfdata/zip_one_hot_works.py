# Reproduces: https://github.com/tensorflow/tensorflow/issues/28226
# Style: an images dataset and a labels dataset mapped with tf.one_hot, tf.data.Dataset.zip, take/skip split, batch
# Intent: works
import numpy as np
import tensorflow as tf

NUM_CATEGORIES = 5
images = np.random.rand(80, 32, 32, 3).astype("float32")
category_label = np.random.randint(0, NUM_CATEGORIES, 80)

images_ds = tf.data.Dataset.from_tensor_slices(images)
labels_ds = tf.data.Dataset.from_tensor_slices(category_label).map(lambda x: tf.one_hot(x, NUM_CATEGORIES))
ds = tf.data.Dataset.zip((images_ds, labels_ds))
train_ds = ds.skip(16).batch(8)
val_ds = ds.take(16).batch(8)

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(8, 3, activation="relu", input_shape=(32, 32, 3)),
    tf.keras.layers.GlobalMaxPooling2D(),
    tf.keras.layers.Dense(NUM_CATEGORIES, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(train_ds, validation_data=val_ds, epochs=1)
