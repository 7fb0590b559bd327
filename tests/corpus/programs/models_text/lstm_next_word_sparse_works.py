# Reproduces: https://github.com/tensorflow/tensorflow/issues/26699
# Style: np.random token windows, Embedding + LSTM + Dense(vocab, softmax), next word as an integer label; a second model predicting the shifted sequence with return_sequences=True
# Intent: works
import numpy as np
import tensorflow as tf

vocab_size = 50
seq_length = 10
tokens = np.random.randint(1, vocab_size, size=2000)

X, y, y_seq = [], [], []
for i in range(0, 200):
    X.append(tokens[i:i + seq_length])
    y.append(tokens[i + seq_length])
    y_seq.append(tokens[i + 1:i + seq_length + 1])
X = np.array(X)
y = np.array(y)
y_seq = np.array(y_seq)

model = tf.keras.Sequential([
    tf.keras.layers.Embedding(vocab_size, 16),
    tf.keras.layers.LSTM(32),
    tf.keras.layers.Dense(vocab_size, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=32, verbose=0)

seq_model = tf.keras.Sequential([
    tf.keras.layers.Embedding(vocab_size, 16),
    tf.keras.layers.LSTM(32, return_sequences=True),
    tf.keras.layers.Dense(vocab_size, activation="softmax"),
])
seq_model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
seq_model.fit(X, y_seq, epochs=1, batch_size=32, verbose=0)
next_word = np.argmax(model.predict(X[:1], verbose=0), axis=-1)
print(next_word)
