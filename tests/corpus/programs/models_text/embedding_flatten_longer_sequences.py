# Reproduces: https://github.com/tensorflow/tensorflow/issues/46478
# Style: embedding, flatten, dense, pad_sequences, maxlen-mismatch, sequential
# Intent: the model is declared for sequences of 28 tokens, but the texts were padded to the
#   longest review (934 tokens); model.fit raises (Keras 2 at the model input; Keras 3 at the
#   Dense after Flatten, built for 28 * 8 features).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.sequence import pad_sequences

vocab = 5000
docs = [list(np.random.randint(1, vocab, size=n)) for n in np.random.randint(5, 934, size=100)]
docs[0] = list(np.random.randint(1, vocab, size=934))
X = pad_sequences(docs)
y = keras.utils.to_categorical(np.random.randint(0, 2, 100))

model = keras.Sequential([
    keras.Input(shape=(28,)),
    layers.Embedding(vocab, 8),
    layers.Flatten(),
    layers.Dense(16, activation="relu"),
    layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=32, verbose=1)
