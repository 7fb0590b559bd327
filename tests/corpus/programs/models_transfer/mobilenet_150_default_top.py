# Reproduces: https://github.com/keras-team/keras-applications/issues/122
# Style: applications, MobileNetV2, input_shape other than the default, include_top left as default, Sequential head
# Intent: include_top defaults to True, so with ImageNet weights the backbone only takes
#   (224, 224, 3) (or 96, 128, 160 or 192 square); built for 150x150 images, the constructor raises.
import numpy as np
import tensorflow as tf

IMG_SIZE = 150
NUM_CLASSES = 4

base = tf.keras.applications.MobileNetV2(input_shape=(IMG_SIZE, IMG_SIZE, 3), weights="imagenet")
base.trainable = False
model = tf.keras.Sequential([
    base,
    tf.keras.layers.Dense(NUM_CLASSES, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

images = np.random.rand(8, IMG_SIZE, IMG_SIZE, 3).astype("float32")
labels = np.random.randint(0, NUM_CLASSES, 8)
model.fit(images, labels, epochs=1, batch_size=4)
