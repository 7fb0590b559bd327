# Reproduces: https://vivek-s.com/Programming/Deep+Learning/Word+Embedding
# Style: Tokenizer, texts_to_sequences, the ragged lists passed to fit, Embedding + LSTM
# Intent: skips pad_sequences: lists of different lengths cannot become one array
import numpy as np
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Embedding, LSTM, Dense

texts = [
    "the movie was great",
    "terrible acting and a boring plot",
    "i loved it",
    "not worth the ticket at all honestly",
] * 8
y = np.array([1, 0, 1, 0] * 8)

tokenizer = Tokenizer(num_words=1000, oov_token="<OOV>")
tokenizer.fit_on_texts(texts)
sequences = tokenizer.texts_to_sequences(texts)

model = Sequential()
model.add(Embedding(1000, 16))
model.add(LSTM(8))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(sequences, y, epochs=1)
