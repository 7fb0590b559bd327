# Reproduces: https://www.tensorflow.org/tutorials/images/data_augmentation
# Style: preprocessing-layers, RandomFlip, RandomRotation, Rescaling, sequential, cnn
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

IMG_SIZE = 64
data_augmentation = tf.keras.Sequential([
    layers.RandomFlip("horizontal_and_vertical"),
    layers.RandomRotation(0.2),
])
model = tf.keras.Sequential([
    tf.keras.Input(shape=(IMG_SIZE, IMG_SIZE, 3)),
    data_augmentation,
    layers.Rescaling(1. / 255),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(5),
])
model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
images = np.random.randint(0, 256, (40, IMG_SIZE, IMG_SIZE, 3)).astype("float32")
labels = np.random.randint(0, 5, 40)
model.fit(images, labels, epochs=1, batch_size=8)
