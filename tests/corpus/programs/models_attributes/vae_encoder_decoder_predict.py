# Reproduces: https://github.com/keras-team/keras-applications/issues/137
# Style: model-in-attribute, vae, encoder-three-outputs, decoder.predict, sampling-layer
# Intent: the encoder returns [z_mean, z_log_var, z]; its whole output list is passed to
#   decoder.predict, a model with one input; decoder.predict(x_encoded) raises.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
import tensorflow as tf

original_dim = 784
intermediate_dim = 64
latent_dim = 2


class Sampling(layers.Layer):
    def call(self, inputs):
        z_mean, z_log_var = inputs
        epsilon = tf.random.normal(shape=tf.shape(z_mean))
        return z_mean + tf.exp(0.5 * z_log_var) * epsilon


inputs = keras.Input(shape=(original_dim,), name="encoder_input")
x = layers.Dense(intermediate_dim, activation="relu")(inputs)
z_mean = layers.Dense(latent_dim, name="z_mean")(x)
z_log_var = layers.Dense(latent_dim, name="z_log_var")(x)
z = Sampling()([z_mean, z_log_var])
encoder = keras.Model(inputs, [z_mean, z_log_var, z], name="encoder")

latent_inputs = keras.Input(shape=(latent_dim,), name="z_sampling")
x = layers.Dense(intermediate_dim, activation="relu")(latent_inputs)
outputs = layers.Dense(original_dim, activation="sigmoid")(x)
decoder = keras.Model(latent_inputs, outputs, name="decoder")

x_test = np.random.rand(20, original_dim).astype("float32")
x_encoded = encoder.predict(x_test)
x_decoded = decoder.predict(x_encoded)
print(x_decoded.shape)
