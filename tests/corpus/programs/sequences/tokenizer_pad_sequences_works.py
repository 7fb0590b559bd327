# Reproduces: https://ashad001.notion.site/Week-1-Word-Sequences-547c74580d6241b08f4e1da3229bb1ba
# Style: Tokenizer(num_words, oov_token), texts_to_sequences, pad_sequences(maxlen, truncating='post'), Embedding + GlobalAveragePooling1D
# Intent: works
import numpy as np
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras import layers, models

sentences = [
    "I love my dog",
    "I love my cat",
    "You love my dog!",
    "Do you think my dog is amazing?",
] * 10
labels = np.array([1, 1, 0, 0] * 10)

vocab_size = 100
max_length = 8
tokenizer = Tokenizer(num_words=vocab_size, oov_token="<OOV>")
tokenizer.fit_on_texts(sentences)
word_index = tokenizer.word_index
sequences = tokenizer.texts_to_sequences(sentences)
padded = pad_sequences(sequences, maxlen=max_length, truncating="post")
print(padded.shape)

model = models.Sequential([
    layers.Embedding(vocab_size, 16),
    layers.GlobalAveragePooling1D(),
    layers.Dense(8, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(padded, labels, epochs=2, verbose=0)
