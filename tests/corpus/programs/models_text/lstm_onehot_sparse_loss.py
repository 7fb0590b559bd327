# Reproduces: https://github.com/keras-team/keras/issues/3009
# Style: embedding, lstm, to_categorical, sparse-loss, text-classification
# Intent: the topics are one-hot encoded with to_categorical, but the loss is
#   sparse_categorical_crossentropy; model.fit raises.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

num_words, maxlen, n_topics = 3000, 40, 6
X = np.random.randint(1, num_words, (120, maxlen))
y = keras.utils.to_categorical(np.random.randint(0, n_topics, 120), n_topics)

model = keras.Sequential([
    layers.Embedding(num_words, 32),
    layers.LSTM(32),
    layers.Dense(n_topics, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=32)
