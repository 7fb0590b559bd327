# Reproduces: https://github.com/keras-team/keras/issues/8070
# Style: layers-in-for-loop, functional, conv2d, maxpooling, range-loop
# Intent: five Conv2D + MaxPooling2D blocks are stacked on 16x16 images; after four poolings
#   the feature map is 1x1, and the fifth MaxPooling2D raises while the model is being built
#   (inside the loop).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

n_blocks = 5
inputs = keras.Input(shape=(16, 16, 1))
x = inputs
for i in range(n_blocks):
    x = layers.Conv2D(8 * (i + 1), (3, 3), padding="same", activation="relu")(x)
    x = layers.MaxPooling2D((2, 2))(x)
x = layers.Flatten()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(32, 16, 16, 1), np.random.randint(0, 10, 32), epochs=1)
