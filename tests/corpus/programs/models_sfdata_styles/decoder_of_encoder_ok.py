# Reproduces: https://github.com/keras-team/keras-io/pull/133
# Style: functional-model-called-on-tensor, decoder(encoder(inp)), autoencoder, mnist
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

(x_train, _), _ = keras.datasets.mnist.load_data()
x_train = x_train[:256].reshape(-1, 784).astype("float32") / 255.0

inp = keras.Input(shape=(784,))
encoder = keras.Model(inp, layers.Dense(32, activation="relu")(inp), name="encoder")
latent = keras.Input(shape=(32,))
decoder = keras.Model(latent, layers.Dense(784, activation="sigmoid")(latent), name="decoder")
autoencoder = keras.Model(inp, decoder(encoder(inp)), name="autoencoder")
autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
autoencoder.fit(x_train, x_train, epochs=1, batch_size=64)
print(decoder.predict(encoder.predict(x_train[:3])).shape)
