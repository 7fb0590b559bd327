# Reproduces: https://github.com/tensorflow/tensorflow/issues/40791
# Style: integer token sequences, from_tensor_slices, padded_batch with padded_shapes, Embedding + GlobalAveragePooling1D
# Intent: works
import numpy as np
import tensorflow as tf

vocab_size, seq_len = 200, 24
tokens = np.random.randint(1, vocab_size, (100, seq_len))
labels = np.random.randint(0, 2, 100)

ds = tf.data.Dataset.from_tensor_slices((tokens, labels))
ds = ds.shuffle(100).padded_batch(10, padded_shapes=([seq_len], []))

inputs = tf.keras.Input(shape=(seq_len,))
x = tf.keras.layers.Embedding(vocab_size, 8)(inputs)
x = tf.keras.layers.GlobalAveragePooling1D()(x)
outputs = tf.keras.layers.Dense(1, activation="sigmoid")(x)
model = tf.keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(ds, epochs=1)
