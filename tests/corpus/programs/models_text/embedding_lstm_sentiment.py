# Reproduces: https://keras.io/examples/nlp/bidirectional_lstm_imdb/
# Style: embedding, bidirectional-lstm, pad_sequences, imdb-like, sequential-functional
# Intent: works
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

max_features = 2000
maxlen = 60
sequences = [list(np.random.randint(1, max_features, size=np.random.randint(10, 100)))
             for _ in range(200)]
x_train = keras.preprocessing.sequence.pad_sequences(sequences, maxlen=maxlen)
y_train = np.random.randint(0, 2, 200)

inputs = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(max_features, 32)(inputs)
x = layers.Bidirectional(layers.LSTM(16, return_sequences=True))(x)
x = layers.Bidirectional(layers.LSTM(16))(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, epochs=1)
