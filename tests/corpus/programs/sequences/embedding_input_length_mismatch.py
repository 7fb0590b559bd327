# Reproduces: https://errorhandle.ai/properly-shaping-lstm-input-output-for-text-sequence-prediction
# Style: Tokenizer, pad_sequences(maxlen=MAX_SEQUENCE_LENGTH), Embedding(input_length=...), Flatten, Dense
# Intent: pads to 50 tokens but the Embedding was declared with input_length=100 before Flatten
import numpy as np
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Embedding, Flatten, Dense

MAX_SEQUENCE_LENGTH = 50
MAX_NB_WORDS = 500
EMBEDDING_DIM = 8

texts = ["good product works well", "broke after two days", "five stars", "would not buy again"] * 10
labels = np.array([1, 0, 1, 0] * 10)

tokenizer = Tokenizer(num_words=MAX_NB_WORDS)
tokenizer.fit_on_texts(texts)
sequences = tokenizer.texts_to_sequences(texts)
data = pad_sequences(sequences, maxlen=MAX_SEQUENCE_LENGTH)
print("Shape of data tensor:", data.shape)

model = Sequential()
model.add(Embedding(MAX_NB_WORDS, EMBEDDING_DIM, input_length=100))
model.add(Flatten())
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["acc"])
model.fit(data, labels, epochs=1, batch_size=8)
