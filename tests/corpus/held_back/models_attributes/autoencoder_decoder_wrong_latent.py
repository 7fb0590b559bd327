# Reproduces: https://www.tensorflow.org/tutorials/generative/autoencoder
# Style: model-in-attribute, encoder-decoder-attributes, functional, predict
# Intent: the decoder held in self.decoder is built for a 32-dim code while the encoder makes
#   16-dim codes; ae.decoder.predict(codes) raises (expected shape (None, 32), found 16 features).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


class DenoisingAE:
    def __init__(self, n_features, code_size=16, decoder_code_size=32):
        enc_in = keras.Input(shape=(n_features,))
        self.encoder = keras.Model(enc_in, layers.Dense(code_size, activation="relu")(enc_in))
        dec_in = keras.Input(shape=(decoder_code_size,))
        h = layers.Dense(64, activation="relu")(dec_in)
        self.decoder = keras.Model(dec_in, layers.Dense(n_features)(h))


X = np.random.rand(100, 140).astype("float32")
ae = DenoisingAE(140)
codes = ae.encoder.predict(X)
reconstructed = ae.decoder.predict(codes)
print(np.mean((X - reconstructed) ** 2))
