# Reproduces: https://github.com/keras-team/keras-io/pull/133
# Style: functional-model-called-on-tensor, decoder(encoder(inp)), autoencoder
# Intent: the encoder ends in a 16-unit code but the decoder was declared with
#   Input(shape=(32,)); chaining them with decoder(encoder(inp)) raises while the autoencoder is
#   being built.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

inp = keras.Input(shape=(784,))
code = layers.Dense(16, activation="relu")(layers.Dense(128, activation="relu")(inp))
encoder = keras.Model(inp, code, name="encoder")

latent = keras.Input(shape=(32,))
recon = layers.Dense(784, activation="sigmoid")(layers.Dense(128, activation="relu")(latent))
decoder = keras.Model(latent, recon, name="decoder")

autoencoder = keras.Model(inp, decoder(encoder(inp)), name="autoencoder")
autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
x = np.random.rand(64, 784)
autoencoder.fit(x, x, epochs=1)
