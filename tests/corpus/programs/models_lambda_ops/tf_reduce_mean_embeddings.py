# Reproduces: https://github.com/keras-team/keras/issues/20085
# Style: tf-ops-on-symbolic-tensors, tf.reduce_mean, embedding-average, functional, text
# Intent: the token embeddings are averaged with tf.reduce_mean straight on the Keras tensor.
#   Keras 2 (measured): runs (the op becomes a TFOpLambda layer). Keras 3: raises at
#   `avg = tf.reduce_mean(emb, axis=1)` (a KerasTensor cannot be used as input to a TensorFlow
#   function).
import numpy as np
import tensorflow as tf
from tensorflow import keras

vocab, seq_len, dim = 500, 12, 16

tokens = keras.Input(shape=(seq_len,), dtype="int32")
emb = keras.layers.Embedding(vocab, dim)(tokens)
avg = tf.reduce_mean(emb, axis=1)
out = keras.layers.Dense(1, activation="sigmoid")(avg)
model = keras.Model(tokens, out)
model.compile(optimizer="adam", loss="binary_crossentropy")

x = np.random.randint(0, vocab, size=(64, seq_len))
y = np.random.randint(0, 2, size=(64, 1))
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
