# Reproduces: https://keras.io/guides/preprocessing_layers/
# Style: preprocessing-layers, Resizing, Rescaling, Input(shape=(None, None, 3)), cnn
# Intent: works (images of 100x80 are resized to 64x64 inside the model)
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(None, None, 3))
x = layers.Resizing(64, 64)(inputs)
x = layers.Rescaling(scale=1.0 / 255)(x)
x = layers.Conv2D(8, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(3, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.randint(0, 256, (24, 100, 80, 3)).astype("float32"),
          np.random.randint(0, 3, 24), epochs=1, batch_size=8)
