# Reproduces: https://github.com/keras-team/keras-applications/issues/137
# Style: model-in-attribute, vae, encoder-three-outputs, tuple-unpack, decoder.predict
# Intent: works (the maintainer's fix: z_mean, _, _ = encoder.predict(x); decoder.predict(z_mean))
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

original_dim = 784
latent_dim = 2


class Sampling(layers.Layer):
    def call(self, inputs):
        z_mean, z_log_var = inputs
        epsilon = tf.random.normal(shape=tf.shape(z_mean))
        return z_mean + tf.exp(0.5 * z_log_var) * epsilon


class VAEParts:
    def __init__(self):
        inputs = keras.Input(shape=(original_dim,))
        h = layers.Dense(64, activation="relu")(inputs)
        z_mean = layers.Dense(latent_dim)(h)
        z_log_var = layers.Dense(latent_dim)(h)
        z = Sampling()([z_mean, z_log_var])
        self.encoder = keras.Model(inputs, [z_mean, z_log_var, z], name="encoder")
        latent = keras.Input(shape=(latent_dim,))
        out = layers.Dense(original_dim, activation="sigmoid")(layers.Dense(64, activation="relu")(latent))
        self.decoder = keras.Model(latent, out, name="decoder")


vae = VAEParts()
x_test = np.random.rand(20, original_dim).astype("float32")
z_mean, _, _ = vae.encoder.predict(x_test)
x_decoded = vae.decoder.predict(z_mean)
print(x_decoded.shape)
