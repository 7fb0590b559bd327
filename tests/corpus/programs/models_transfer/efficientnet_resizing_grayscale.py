# Reproduces: https://github.com/matterport/Mask_RCNN/issues/140
# Style: applications, efficientnet, resizing-layer, mnist, grayscale, base(x, training=False)
# Intent: works, unexpectedly: the MNIST digits are resized to 64x64 inside the model but keep
#   1 channel, while the EfficientNetB0 backbone was made for 3; its own Normalization (after its
#   Rescaling) broadcasts the one channel against ImageNet's 3 channel means, so Keras 3 and 2 run.
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
x = base(x, training=False)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=32)
