# Reproduces: https://keras.io/examples/vision/image_classification_from_scratch/
# Style: preprocessing-layers, Rescaling, image_size + (3,), model-in-function, residual, cnn
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

image_size = (64, 64)


def make_model(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.Rescaling(1.0 / 255)(inputs)
    x = layers.Conv2D(16, 3, strides=2, padding="same")(x)
    x = layers.Activation("relu")(x)
    previous_block_activation = x
    for size in [32, 64]:
        x = layers.SeparableConv2D(size, 3, padding="same")(x)
        x = layers.Activation("relu")(x)
        x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
        residual = layers.Conv2D(size, 1, strides=2, padding="same")(previous_block_activation)
        x = layers.add([x, residual])
        previous_block_activation = x
    x = layers.GlobalAveragePooling2D()(x)
    units = 1 if num_classes == 2 else num_classes
    outputs = layers.Dense(units, activation=None)(x)
    return keras.Model(inputs, outputs)


model = make_model(input_shape=image_size + (3,), num_classes=2)
model.compile(optimizer=keras.optimizers.Adam(1e-3),
              loss=keras.losses.BinaryCrossentropy(from_logits=True))
model.fit(np.random.randint(0, 256, (16, 64, 64, 3)).astype("float32"),
          np.random.randint(0, 2, (16, 1)), epochs=1, batch_size=8)
