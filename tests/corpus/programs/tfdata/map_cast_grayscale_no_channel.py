# Reproduces: https://github.com/ChunML/ssd-tf2/issues/27
# Style: grayscale arrays, from_tensor_slices, map(preprocess) with tf.cast and tf.image.resize on a [..., None] view, Conv2D model
# Intent: preprocess drops the channel axis it added and the model is built from the data: its Conv2D meets (batch, 48, 48) and needs 4 dims
import numpy as np
import tensorflow as tf
from tensorflow import keras

IMG = 48
images = np.random.randint(0, 255, (64, 60, 60)).astype("uint8")
labels = np.random.randint(0, 3, 64)


def preprocess(image, label):
    image = tf.cast(image, tf.float32) / 255.0
    image = tf.image.resize(image[..., None], (IMG, IMG))
    image = tf.squeeze(image, -1)  # "back to a plain 2-D image"
    return image, label


train_ds = tf.data.Dataset.from_tensor_slices((images, labels))
train_ds = train_ds.shuffle(64).map(preprocess, num_parallel_calls=tf.data.AUTOTUNE).batch(16)

model = keras.Sequential([
    keras.layers.Conv2D(8, 3, activation="relu"),
    keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=1)
