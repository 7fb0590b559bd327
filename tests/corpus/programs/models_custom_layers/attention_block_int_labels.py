# Reproduces: https://github.com/keras-team/keras/issues/10807
# Style: custom-layer, functional, conv2d, spectrogram, categorical-crossentropy, integer-labels
# Intent: a custom pooling layer (a Dense scoring block written as a Layer subclass) ends a
#   functional model with a 6-way softmax; the emotion labels are class indices (N,) while the
#   loss is categorical_crossentropy, so model.fit raises (target rank 1 vs output (None, 6)).
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers


class AttentionPooling(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.score = layers.Dense(units, activation="tanh")
        self.flatten = layers.Flatten()

    def call(self, inputs):
        x = self.score(inputs)
        return self.flatten(x)


N_EMOTIONS = 6
spectrograms = np.random.rand(48, 32, 16, 1).astype("float32")
emotions = np.random.randint(0, N_EMOTIONS, size=(48,))

inp = tf.keras.Input(shape=(32, 16, 1))
x = layers.Conv2D(8, (3, 3), activation="relu")(inp)
x = layers.MaxPooling2D((2, 2))(x)
x = AttentionPooling(4, name="attention")(x)
out = layers.Dense(N_EMOTIONS, activation="softmax")(x)
model = tf.keras.Model(inp, out)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(spectrograms, emotions, epochs=1, batch_size=16)
