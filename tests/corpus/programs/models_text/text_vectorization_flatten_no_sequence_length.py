# Reproduces: https://www.tensorflow.org/tutorials/keras/text_classification
# Style: TextVectorization-adapt, tf.data from_tensor_slices, Embedding, Flatten, sequential
# Intent: the vectorizer has no output_sequence_length, so its token axis is undefined; after
#   Embedding and Flatten the Dense layer gets an undefined last axis and building the model raises.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

reviews = np.array([
    "a wonderful film with a great cast",
    "boring and far too long",
    "i loved every minute of it",
    "the plot made no sense at all",
] * 8)
sentiment = np.array([1, 0, 1, 0] * 8)

max_features = 200
vectorize_layer = layers.TextVectorization(max_tokens=max_features, output_mode="int")
vectorize_layer.adapt(reviews)

model = tf.keras.Sequential([
    tf.keras.Input(shape=(1,), dtype=tf.string),
    vectorize_layer,
    layers.Embedding(max_features, 16),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

train_ds = tf.data.Dataset.from_tensor_slices((reviews, sentiment)).batch(8)
model.fit(train_ds, epochs=1, verbose=0)
