# Reproduces: https://datatweets.com/courses/machine-learning/nlp-deep-learning/lesson-2-text-vectorization-and-word-embeddings/
# Style: pandas tweets frame, TextVectorization adapted but only used outside, model starts at Embedding, fit on raw text column
# Intent: fits the Embedding model on the raw strings instead of the vectorized sequences
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow.keras import layers

tweets = pd.DataFrame({
    "text": ["forest fire near la ronge", "i love this party", "flood warning for the county",
             "happy birthday to me"] * 10,
    "target": [1, 0, 1, 0] * 10,
})

vectorize_layer = layers.TextVectorization(max_tokens=500, output_sequence_length=10)
vectorize_layer.adapt(tweets["text"].values)
sample = vectorize_layer(tweets["text"].values[:2])
print(sample)

model = tf.keras.Sequential([
    layers.Embedding(500, 16),
    layers.GlobalAveragePooling1D(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(tweets["text"].values, tweets["target"].values, epochs=1)
