# Reproduces: https://github.com/ChunML/ssd-tf2/issues/27
# Style: grayscale arrays, from_tensor_slices, map(preprocess) with tf.cast, tf.expand_dims and tf.image.resize, prefetch, Conv2D model
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow import keras

IMG = 48
images = np.random.randint(0, 255, (64, 60, 60)).astype("uint8")
labels = np.random.randint(0, 3, 64)


def preprocess(image, label):
    image = tf.cast(image, tf.float32) / 255.0
    image = tf.expand_dims(image, -1)
    image = tf.image.resize(image, (IMG, IMG))
    return image, label


train_ds = tf.data.Dataset.from_tensor_slices((images, labels))
train_ds = train_ds.shuffle(64).map(preprocess).batch(16).prefetch(tf.data.AUTOTUNE)

model = keras.Sequential([
    keras.layers.Conv2D(8, 3, activation="relu", input_shape=(IMG, IMG, 1)),
    keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=1)
print(train_ds.element_spec)
