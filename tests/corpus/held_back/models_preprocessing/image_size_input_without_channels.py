# Reproduces: https://keras.io/examples/vision/image_classification_from_scratch/
# Style: preprocessing-layers, Rescaling, image_size-tuple, Input(shape=image_size), cnn
# Intent: the Input is declared with shape=image_size (no channel axis), so the first Conv2D
#   receives a rank-3 tensor; `x = layers.Conv2D(...)(x)` raises while the model is being built
#   (the example writes input_shape=image_size + (3,)).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

image_size = (90, 90)


def make_model(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.Rescaling(1.0 / 255)(inputs)
    x = layers.Conv2D(32, 3, strides=2, padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(1 if num_classes == 2 else num_classes)(x)
    return keras.Model(inputs, outputs)


model = make_model(input_shape=image_size, num_classes=2)
model.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=True))
model.fit(np.random.rand(8, 90, 90, 3), np.random.randint(0, 2, (8, 1)), epochs=1)
