# Reproduces: https://machinelearningmastery.com/use-word-embedding-layers-deep-learning-keras/
# Style: word index from a list of docs, embedding_matrix = zeros((vocab_size, dim)), Embedding(weights=[embedding_matrix], trainable=False), Flatten
# Intent: the matrix gets vocab_size + 1 rows (row 0 for padding), the Embedding is made with
#   input_dim=vocab_size; Keras 3 raises where the Embedding is made, Keras 2 when the model is
#   built (the Sequential statement: a Keras 2 Embedding declares its input).
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Embedding, Flatten

docs = ["well done", "good work", "great effort", "nice work", "excellent",
        "weak", "poor effort", "not good", "poor work", "could have done better"]
labels = np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0])
vocab_size = 14
max_length = 4
padded_docs = np.random.randint(1, vocab_size, (len(docs), max_length))

embedding_dim = 8
embedding_matrix = np.zeros((vocab_size + 1, embedding_dim))
for i in range(1, vocab_size + 1):
    embedding_matrix[i] = np.random.rand(embedding_dim)

model = Sequential([
    Embedding(vocab_size, embedding_dim, weights=[embedding_matrix], trainable=False),
    Flatten(),
    Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(padded_docs, labels, epochs=2, verbose=0)
