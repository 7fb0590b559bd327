# Reproduces: https://keras.io/guides/making_new_layers_and_models_via_subclassing/
# Style: subclassed-model, nested-sub-model, custom-layer, fit
# Intent: works
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Encoder(layers.Layer):
    def __init__(self, latent_dim=8, intermediate_dim=32, **kwargs):
        super().__init__(**kwargs)
        self.dense_proj = layers.Dense(intermediate_dim, activation="relu")
        self.dense_latent = layers.Dense(latent_dim)

    def call(self, inputs):
        return self.dense_latent(self.dense_proj(inputs))


class Decoder(layers.Layer):
    def __init__(self, original_dim, intermediate_dim=32, **kwargs):
        super().__init__(**kwargs)
        self.dense_proj = layers.Dense(intermediate_dim, activation="relu")
        self.dense_output = layers.Dense(original_dim, activation="sigmoid")

    def call(self, inputs):
        return self.dense_output(self.dense_proj(inputs))


class AutoEncoder(keras.Model):
    def __init__(self, original_dim, latent_dim=8, **kwargs):
        super().__init__(**kwargs)
        self.encoder = Encoder(latent_dim=latent_dim)
        self.decoder = Decoder(original_dim)

    def call(self, inputs):
        return self.decoder(self.encoder(inputs))


original_dim = 784
x_train = np.random.rand(256, 28, 28).astype("float32")
x_train = x_train.reshape(-1, 784)

ae = AutoEncoder(original_dim, 16)
ae.compile(optimizer=keras.optimizers.Adam(1e-3), loss=keras.losses.MeanSquaredError())
ae.fit(x_train, x_train, epochs=2, batch_size=64)
codes = ae.encoder(tf.constant(x_train[:4]))
print(codes.shape)
