# Reproduces: https://github.com/matterport/Mask_RCNN/issues/140
# Style: applications, efficientnet, resizing-layer, concatenate-channels, mnist, grayscale
# Intent: works (the gray channel is repeated three times before the backbone)
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

(x_train, y_train), _ = keras.datasets.mnist.load_data()
x_train = x_train[:64][..., None]
y_train = y_train[:64]

base = keras.applications.EfficientNetB0(include_top=False, weights="imagenet",
                                         input_shape=(64, 64, 3))
base.trainable = False
inputs = keras.Input(shape=(28, 28, 1))
x = layers.Resizing(64, 64)(inputs)
x = layers.Concatenate()([x, x, x])
x = base(x, training=False)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=32)
