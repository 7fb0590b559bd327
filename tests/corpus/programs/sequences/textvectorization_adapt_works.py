# Reproduces: https://github.com/OmkarDJadhav24/GenAI-Learnings
# Style: TextVectorization(max_tokens, output_sequence_length) adapted on raw strings, inside the model, fit on np.array of strings
# Intent: works under Keras 2 (Keras 3 refuses a numpy array of str in fit: Invalid dtype)
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import TextVectorization

texts = np.array([
    "This is a good movie",
    "This movie is bad",
    "What a fantastic film!",
    "Worst film I have seen",
] * 8)
labels = np.array([1, 0, 1, 0] * 8)

vectorizer = TextVectorization(max_tokens=1000, output_mode="int", output_sequence_length=6)
vectorizer.adapt(texts)
print("Vocabulary:", vectorizer.get_vocabulary()[:10])

model = tf.keras.Sequential([
    tf.keras.Input(shape=(1,), dtype=tf.string),
    vectorizer,
    tf.keras.layers.Embedding(1000, 8),
    tf.keras.layers.GlobalAveragePooling1D(),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(texts, labels, epochs=1, batch_size=8)
