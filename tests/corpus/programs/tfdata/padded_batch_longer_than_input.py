# Reproduces: https://github.com/tensorflow/tensorflow/issues/37219
# Style: integer token sequences, shuffle().padded_batch(BATCH_SIZE, padded_shapes) padding to a longer length than the model's Input, Flatten + Dense
# Intent: padded_batch pads to 32 tokens while the model's Input says 24: Flatten then Dense meet 32 * 8 features, not 24 * 8
import numpy as np
import tensorflow as tf

BUFFER_SIZE = 100
BATCH_SIZE = 10
vocab_size, seq_len = 200, 24
tokens = np.random.randint(1, vocab_size, (100, seq_len))
labels = np.random.randint(0, 2, 100)

train_data = tf.data.Dataset.from_tensor_slices((tokens, labels))
train_batches = train_data.shuffle(BUFFER_SIZE).padded_batch(BATCH_SIZE, padded_shapes=([32], []))

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(seq_len,)),
    tf.keras.layers.Embedding(vocab_size, 8),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(train_batches, epochs=1)
