# Reproduces: https://github.com/keras-team/keras/issues/20085
# Style: lambda, tf.reduce_mean, embedding-average, functional, text
# Intent: works (the average over tokens is wrapped in a Lambda layer, which both Keras versions
#   run on the symbolic tensor; (None, 12, 16) becomes (None, 16) before the Dense)
import numpy as np
import tensorflow as tf
from tensorflow import keras

vocab, seq_len, dim = 500, 12, 16

tokens = keras.Input(shape=(seq_len,), dtype="int32")
emb = keras.layers.Embedding(vocab, dim)(tokens)
avg = keras.layers.Lambda(lambda t: tf.reduce_mean(t, axis=1), name="mean_over_tokens")(emb)
out = keras.layers.Dense(1, activation="sigmoid")(avg)
model = keras.Model(tokens, out)
model.compile(optimizer="adam", loss="binary_crossentropy")

x = np.random.randint(0, vocab, size=(64, seq_len))
y = np.random.randint(0, 2, size=(64, 1))
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
print(model.predict(x[:2], verbose=0).shape)
