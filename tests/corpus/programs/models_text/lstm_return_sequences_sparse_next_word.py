# Reproduces: https://github.com/tensorflow/tensorflow/issues/26699
# Style: np.random token windows, Embedding + LSTM(return_sequences=True) + Dense(vocab, softmax), next word as an integer label per window, sparse_categorical_crossentropy
# Intent: return_sequences=True leaves a prediction per time step (None, 10, 50) while each window has one next-word label (n,): logits and labels disagree
import numpy as np
import tensorflow as tf

vocab_size = 50
seq_length = 10
tokens = np.random.randint(1, vocab_size, size=2000)

X, y = [], []
for i in range(0, 200):
    X.append(tokens[i:i + seq_length])
    y.append(tokens[i + seq_length])
X = np.array(X)
y = np.array(y)
print(X.shape, y.shape)

model = tf.keras.Sequential([
    tf.keras.layers.Embedding(vocab_size, 16),
    tf.keras.layers.LSTM(32, return_sequences=True),
    tf.keras.layers.Dense(vocab_size, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=32, verbose=0)
