# Reproduces: https://www.tensorflow.org/text/tutorials/text_classification_rnn
# Style: embedding, gru, integer-labels, sparse-loss, stacked-rnn
# Intent: works
import numpy as np
import tensorflow as tf

VOCAB = 1000
x = np.random.randint(1, VOCAB, (150, 30))
y = np.random.randint(0, 4, 150)
model = tf.keras.Sequential([
    tf.keras.layers.Embedding(VOCAB, 32, mask_zero=True),
    tf.keras.layers.GRU(32, return_sequences=True),
    tf.keras.layers.GRU(16),
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dense(4),
])
model.compile(loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              optimizer=tf.keras.optimizers.Adam(1e-3), metrics=["accuracy"])
model.fit(x, y, epochs=1, batch_size=30, validation_split=0.2)
print(model.predict(x[:2]).shape)
