# Reproduces: https://www.tensorflow.org/tutorials/images/data_augmentation
# Style: preprocessing-layers, data_augmentation Sequential, RandomFlip, RandomZoom, Rescaling, nested model
# Intent: the augmentation block and model expect RGB (64, 64, 3), the images are grayscale
#   (64, 64, 1); model.fit raises at the first Conv2D (its kernel was built for 3 channels).
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

IMG_SIZE = 64
x_train = np.random.rand(24, IMG_SIZE, IMG_SIZE, 1).astype("float32") * 255
y_train = np.random.randint(0, 4, size=(24,))

data_augmentation = tf.keras.Sequential([
    layers.RandomFlip("horizontal_and_vertical"),
    layers.RandomRotation(0.2),
    layers.RandomZoom(0.1),
])

model = tf.keras.Sequential([
    tf.keras.Input(shape=(IMG_SIZE, IMG_SIZE, 3)),
    data_augmentation,
    layers.Rescaling(1.0 / 255),
    layers.Conv2D(8, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.GlobalAveragePooling2D(),
    layers.Dense(4),
])
model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, verbose=0)
