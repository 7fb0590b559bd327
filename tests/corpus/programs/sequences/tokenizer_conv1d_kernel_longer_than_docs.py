# Reproduces: https://github.com/GladiatorX/NLP
# Style: literal list of short docs, Tokenizer.fit_on_texts, pad_sequences without maxlen (pads to the longest doc), Embedding + Conv1D(kernel_size=5)
# Intent: pad_sequences without maxlen pads to the longest doc (4 words); Conv1D's kernel of 5 is longer than the sequence
import numpy as np
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Embedding, Conv1D, GlobalMaxPooling1D, Dense

docs = ["Well done!",
        "Good work",
        "Great effort",
        "nice work",
        "Excellent!",
        "Weak",
        "Poor effort!",
        "not good",
        "poor work",
        "Could have done better."]
labels = np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0])

t = Tokenizer()
t.fit_on_texts(docs)
vocab_size = len(t.word_index) + 1
encoded_docs = t.texts_to_sequences(docs)
padded_docs = pad_sequences(encoded_docs, padding="post")
print(padded_docs.shape)

model = Sequential()
model.add(Embedding(vocab_size, 8))
model.add(Conv1D(16, 5, activation="relu"))
model.add(GlobalMaxPooling1D())
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(padded_docs, labels, epochs=2, verbose=0)
