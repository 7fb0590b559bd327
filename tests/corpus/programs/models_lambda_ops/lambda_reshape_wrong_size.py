# Reproduces: https://github.com/keras-team/keras/issues/13914
# Style: lambda, tf.reshape, conv2d, functional, flat-features-to-image
# Intent: 50 flat features are reshaped to 8x8 images inside a Lambda with tf.reshape(x, (-1, 8,
#   8, 1)); 50 is not 64, but the -1 lets the reshape go through: a batch of 32 rows becomes 25
#   images, and model.fit raises where 25 predictions meet 32 labels in the loss.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inp = keras.Input(shape=(50,))
img = layers.Lambda(lambda x: tf.reshape(x, (-1, 8, 8, 1)))(inp)
h = layers.Conv2D(4, 3, activation="relu")(img)
h = layers.Flatten()(h)
out = layers.Dense(1)(h)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(32, 50), np.random.rand(32, 1), epochs=1)
