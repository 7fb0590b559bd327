# Reproduces: https://github.com/GladiatorX/NLP
# Style: literal list of short docs, Tokenizer.fit_on_texts, texts_to_sequences, pad_sequences(maxlen, padding='post'), Embedding + Conv1D + GlobalMaxPooling1D
# Intent: works
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
max_length = 8
padded_docs = pad_sequences(encoded_docs, maxlen=max_length, padding="post")
print(padded_docs.shape)

model = Sequential()
model.add(Embedding(vocab_size, 8))
model.add(Conv1D(16, 3, activation="relu"))
model.add(GlobalMaxPooling1D())
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(padded_docs, labels, epochs=2, verbose=0)
loss, accuracy = model.evaluate(padded_docs, labels, verbose=0)
print("Accuracy: %f" % (accuracy * 100))
